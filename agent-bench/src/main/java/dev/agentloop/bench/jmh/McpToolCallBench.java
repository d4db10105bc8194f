package dev.agentloop.bench.jmh;

import dev.agentloop.mcp.McpClient;
import dev.agentloop.mcp.McpClientOptions;
import dev.agentloop.mcp.McpServer;
import dev.agentloop.mcp.McpServerOptions;
import dev.agentloop.mcp.McpToolbox;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
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
 * A tool call over MCP Streamable HTTP (our client, our server, loopback, one JVM) against the same
 * {@code @Tool} called directly through {@link Toolbox#invoke}: latency of chained calls, and
 * throughput with {@value #CONCURRENT} calls in flight.
 *
 * <p>Each call gets its own {@link ToolContext}, as in an agent run (a context shared by many MCP
 * calls would collect one cancellation listener per call). Scores are µs per call; a throughput in
 * calls/s is 10^6 divided by the {@code concurrent} scores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class McpToolCallBench {

  static final int CHAINED = 200;
  static final int CONCURRENT = 64;
  static final Buffer RAW_REQUEST =
      Buffer.buffer(
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
              + "\"weather\",\"arguments\":{\"city\":\"Paris\",\"unit\":\"celsius\"}}}");
  static final String RAW_ANSWER =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\","
          + "\"text\":\"Sunny, 21 C in Paris\"}]}}";

  Vertx vertx;
  Context loop;
  Toolbox direct;
  McpServer server;
  McpClient client;
  McpToolbox mcp;
  HttpServer rawServer;
  HttpClient rawClient;
  RequestOptions rawRequest;
  ToolCall call;

  @Setup
  public void setup() {
    vertx = Vertx.vertx();
    loop = vertx.getOrCreateContext();
    direct = Toolbox.builder().add(new ToolCallBench.Tools()).build();
    server = McpServer.create(vertx, direct, new McpServerOptions());
    int port = server.listen(0, "127.0.0.1").await().actualPort();
    client =
        McpClient.connect(
                vertx, McpClientOptions.http("bench", "http://127.0.0.1:" + port + "/mcp"))
            .await();
    mcp = McpToolbox.of(client);
    rawServer =
        vertx
            .createHttpServer()
            .requestHandler(
                r ->
                    r.body()
                        .onSuccess(
                            b ->
                                r.response()
                                    .putHeader("Content-Type", "application/json")
                                    .end(RAW_ANSWER)))
            .listen(0, "127.0.0.1")
            .await();
    rawClient = vertx.createHttpClient();
    rawRequest =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI("http://127.0.0.1:" + rawServer.actualPort() + "/mcp");
    call = ToolCall.of("call_1", "weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}");
  }

  @TearDown
  public void tearDown() {
    client.close().await();
    server.close().await();
    rawClient.close().await();
    rawServer.close().await();
    vertx.close().await();
  }

  /** A direct call of the non-blocking tool, chained: the baseline. */
  @Benchmark
  @OperationsPerInvocation(CHAINED)
  public void directChained(Blackhole bh) {
    chained(direct, bh);
  }

  /** The same tool through MCP over HTTP, chained: one round trip per call. */
  @Benchmark
  @OperationsPerInvocation(CHAINED)
  public void mcpHttpChained(Blackhole bh) {
    chained(mcp, bh);
  }

  /**
   * The transport floor: a bare Vert.x HTTP POST of a tools/call-sized body answered with a fixed
   * result-sized body, chained, on the same loop. The MCP score minus this is the protocol's cost.
   */
  @Benchmark
  @OperationsPerInvocation(CHAINED)
  public void rawHttpChained(Blackhole bh) {
    Promise<Void> done = Promise.promise();
    loop.runOnContext(v -> nextRaw(CHAINED, bh, done));
    done.future().await();
  }

  private void nextRaw(int left, Blackhole bh, Promise<Void> done) {
    rawClient
        .request(rawRequest)
        .compose(req -> req.send(RAW_REQUEST))
        .compose(HttpClientResponse::body)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                done.fail(ar.cause());
                return;
              }
              bh.consume(ar.result());
              if (left == 1) {
                done.complete();
              } else {
                nextRaw(left - 1, bh, done);
              }
            });
  }

  /** Direct calls, {@value #CONCURRENT} at once. */
  @Benchmark
  @OperationsPerInvocation(CONCURRENT)
  public void directConcurrent(Blackhole bh) {
    concurrent(direct, bh);
  }

  /** MCP calls over HTTP, {@value #CONCURRENT} at once (pooled connections). */
  @Benchmark
  @OperationsPerInvocation(CONCURRENT)
  public void mcpHttpConcurrent(Blackhole bh) {
    concurrent(mcp, bh);
  }

  private void chained(Toolbox toolbox, Blackhole bh) {
    Promise<Void> done = Promise.promise();
    loop.runOnContext(v -> next(toolbox, CHAINED, bh, done));
    done.future().await();
  }

  private void next(Toolbox toolbox, int left, Blackhole bh, Promise<Void> done) {
    toolbox
        .invoke(call, ToolContext.of(vertx, "run-1", "call_1"))
        .onComplete(
            ar -> {
              if (!check(ar.result(), ar.cause(), done)) {
                return;
              }
              bh.consume(ar.result());
              if (left == 1) {
                done.complete();
              } else {
                next(toolbox, left - 1, bh, done);
              }
            });
  }

  private void concurrent(Toolbox toolbox, Blackhole bh) {
    Promise<Void> done = Promise.promise();
    loop.runOnContext(
        v -> {
          List<Future<ToolResult>> all = new ArrayList<>(CONCURRENT);
          for (int i = 0; i < CONCURRENT; i++) {
            all.add(
                toolbox
                    .invoke(call, ToolContext.of(vertx, "run-1", "call_" + i))
                    .onSuccess(bh::consume));
          }
          Future.all(all)
              .onComplete(
                  ar -> {
                    if (ar.failed()) {
                      done.fail(ar.cause());
                      return;
                    }
                    for (Future<ToolResult> f : all) {
                      if (!check(f.result(), null, done)) {
                        return;
                      }
                    }
                    done.complete();
                  });
        });
    done.future().await();
  }

  private static boolean check(ToolResult r, Throwable cause, Promise<Void> done) {
    if (r == null || r.isError()) {
      done.tryFail(r == null ? cause : new IllegalStateException(r.content()));
      return false;
    }
    return true;
  }
}
