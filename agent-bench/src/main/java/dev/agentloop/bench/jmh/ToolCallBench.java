package dev.agentloop.bench.jmh;

import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One tool call through {@link Toolbox#invoke}: JSON argument parsing, schema validation, binding
 * and invocation of a trivial tool, as the agent loop does it on an event loop.
 *
 * <p>Each operation runs {@value #CALLS} calls back to back on one event loop (each call's result
 * starts the next) and waits once, so the cross-thread hand-off from the JMH thread is amortised
 * and the score is the per-call cost on the loop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ToolCallBench {

  static final int CALLS = 1000;

  /** The trivial tools: one that runs on the loop, one treated as blocking. */
  public static final class Tools {
    @Tool(description = "Current weather for a city", nonBlocking = true)
    public String weather(
        @Param(description = "City name, e.g. Paris") String city,
        @Param(description = "Temperature unit", defaultValue = "celsius") String unit) {
      return "Sunny, 21 C in " + city;
    }

    @Tool(description = "Current weather for a city, from a blocking source")
    public String weatherBlocking(@Param(description = "City name, e.g. Paris") String city) {
      return "Sunny, 21 C in " + city;
    }
  }

  Vertx vertx;
  Context loop;
  Toolbox toolbox;
  ToolContext toolContext;
  ToolCall nonBlocking;
  ToolCall blocking;

  @Setup
  public void setup() {
    vertx = Vertx.vertx();
    loop = vertx.getOrCreateContext();
    toolbox = Toolbox.builder().add(new Tools()).build();
    toolContext = ToolContext.of(vertx, "run-1", "call_1");
    nonBlocking = ToolCall.of("call_1", "weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}");
    blocking = ToolCall.of("call_2", "weatherBlocking", "{\"city\":\"Paris\"}");
  }

  @TearDown
  public void tearDown() {
    vertx.close().await();
  }

  /** Validation, binding and invocation of a non-blocking tool on the event loop. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public void invokeNonBlockingTool(Blackhole bh) {
    runCalls(nonBlocking, bh);
  }

  /** The same for a plain (blocking) tool: adds the hop to a worker thread and back. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public void invokeBlockingTool(Blackhole bh) {
    runCalls(blocking, bh);
  }

  private void runCalls(ToolCall call, Blackhole bh) {
    Promise<Void> done = Promise.promise();
    loop.runOnContext(v -> next(call, CALLS, bh, done));
    done.future().await();
  }

  private void next(ToolCall call, int left, Blackhole bh, Promise<Void> done) {
    toolbox
        .invoke(call, toolContext)
        .onComplete(
            ar -> {
              ToolResult r = ar.result();
              if (ar.failed() || r.isError()) {
                done.fail(ar.failed() ? ar.cause() : new IllegalStateException(r.content()));
                return;
              }
              bh.consume(r);
              if (left == 1) {
                done.complete();
              } else {
                next(call, left - 1, bh, done);
              }
            });
  }
}
