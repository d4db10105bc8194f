package dev.agentloop.bench.jmh;

import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.StopReason;
import dev.agentloop.observe.ObservabilityOptions;
import dev.agentloop.observe.impl.ChatTelemetry;
import dev.agentloop.observe.impl.RunTelemetry;
import dev.agentloop.observe.impl.Telemetry;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.FunctionCall;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.tool.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The instrumentation a run goes through when nothing is installed: starting the run's telemetry,
 * one model request (attempt, first chunk, success) and one tool call, then the end of the run. Run
 * with {@code -prof gc}: {@code gc.alloc.rate.norm} must be 0 B/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ObserveNoopBench {

  private final Telemetry telemetry = Telemetry.create(new ObservabilityOptions());
  private final ChatRequest request =
      ChatRequest.builder()
          .model("openai/gpt-4o-mini")
          .messages(List.of(Message.user("hi")))
          .build();
  private final ChatResponse response =
      new ChatResponse("gen-1", "chat.completion", 0L, "m", "p", List.of(), Usage.ZERO, null, null);
  private final ToolCall call = new ToolCall("call_1", "function", new FunctionCall("f", "{}"));
  private final ToolResult result = ToolResult.success("call_1", "f", "ok", Duration.ZERO);
  private final AgentResult agentResult =
      new AgentResult(
          "run-1",
          "s-1",
          StopReason.COMPLETED,
          "ok",
          null,
          null,
          List.of(Message.user("hi")),
          List.of(),
          Usage.ZERO,
          Map.of(),
          "m",
          null,
          List.of());
  private final Set<String> tools = Set.of("f");

  /** One run's worth of seam calls on the no-op path. */
  @Benchmark
  public void noopRun(Blackhole bh) {
    RunTelemetry run = telemetry.startRun("run-1", "s-1", "m", null, tools);
    ChatTelemetry chat = run.chat(request, true);
    chat.listener().attemptStarted(1, "", -1, 0);
    chat.firstChunk();
    chat.succeeded(response);
    run.toolStarted(call);
    run.toolFinished(call, result);
    run.finished(agentResult, false);
    bh.consume(run);
    bh.consume(chat);
  }
}
