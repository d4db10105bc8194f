package dev.agentloop.bench;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.Step;
import dev.agentloop.agent.StopReason;
import dev.agentloop.agent.ToolExecution;
import dev.agentloop.observe.ObservabilityOptions;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.run.RunStore;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.jspecify.annotations.Nullable;

/**
 * AgentLoop: an {@link Agent} with one {@code @Tool} method ({@link WeatherTools}), real schema
 * validation and argument binding, over {@link OpenRouterClient} pointed at the bench server with
 * the same HTTP/1.1 pool settings as {@link RawContender}. Everything else is the default.
 */
final class AgentLoopContender implements AsyncContender {

  private final OpenRouterClient client;
  private final Agent agent;
  private final boolean stream;

  private AgentLoopContender(
      Vertx vertx,
      String baseUrl,
      int concurrency,
      ObservabilityOptions observability,
      boolean stream,
      @Nullable RunStore store) {
    this.stream = stream;
    OpenRouterOptions options =
        new OpenRouterOptions()
            .setBaseUrl(baseUrl)
            .setApiKey("bench")
            .setHttp2(false)
            .setHttp1PoolSize(BenchClient.poolSize(concurrency));
    this.client = OpenRouterClient.create(vertx, options);
    this.agent =
        Agent.create(
            vertx,
            client,
            new AgentOptions()
                .setModel(Script.MODEL)
                .setToolbox(Toolbox.builder().add(new WeatherTools()).build())
                .setObservability(observability)
                .setRunStore(store));
  }

  static AsyncContender create(Vertx vertx, String baseUrl, int concurrency) {
    return new AgentLoopContender(
        vertx, baseUrl, concurrency, ObservabilityOptions.disabled(), false, null);
  }

  /** Creates the contender journaling every run into the store (see {@link Journaled}). */
  static AsyncContender journaled(Vertx vertx, String baseUrl, int concurrency, RunStore store) {
    return new AgentLoopContender(
        vertx, baseUrl, concurrency, ObservabilityOptions.disabled(), false, store);
  }

  /**
   * Creates the contender; {@code observability} says what is traced and measured (see {@link
   * Observed#forKind}), {@code stream} asks for streamed answers ({@link
   * RunRequest.Builder#stream}), as the CLI and the web chat do.
   */
  static AsyncContender create(
      Vertx vertx,
      String baseUrl,
      int concurrency,
      ObservabilityOptions observability,
      boolean stream) {
    return new AgentLoopContender(vertx, baseUrl, concurrency, observability, stream, null);
  }

  @Override
  public Future<String> converse() {
    Future<AgentResult> run =
        stream
            ? agent.run(RunRequest.builder(Script.USER_PROMPT).stream(true).build())
            : agent.run(Script.USER_PROMPT);
    return run.compose(AgentLoopContender::answer);
  }

  /** The final text of a completed run whose tool calls all succeeded, else a failure. */
  private static Future<String> answer(AgentResult result) {
    if (result.stopReason() != StopReason.COMPLETED) {
      return Future.failedFuture("run stopped: " + result.stopReason());
    }
    for (Step step : result.steps()) {
      for (ToolExecution call : step.toolCalls()) {
        if (call.isError()) {
          return Future.failedFuture("tool error: " + call.result().content());
        }
      }
    }
    return Future.succeededFuture(result.text());
  }

  @Override
  public void close() {
    client.close();
  }
}
