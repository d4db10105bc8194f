package dev.agentloop.agent;

import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;

/**
 * A handle on one running run: its events, its result, and a way to cancel it.
 *
 * <pre>{@code
 * AgentRun run = agent.stream(RunRequest.of("Summarize the news"));
 * run.events().handler(event -> {
 *   if (event instanceof AgentEvent.TextDelta delta) {
 *     response.write(delta.text());
 *   }
 * });
 * run.result().onSuccess(result -> response.end());
 * }</pre>
 */
public interface AgentRun {

  /** The run id. */
  String runId();

  /**
   * The run's events, in order, on the run's context. Events are buffered until a handler is set,
   * so no event is lost; the stream ends after {@link AgentEvent.RunFinished} or {@link
   * AgentEvent.RunFailed}. Honours {@code pause}, {@code resume} and {@code fetch}.
   */
  ReadStream<AgentEvent> events();

  /**
   * The result. It succeeds for every stop except the aborting ones (see {@link
   * AgentRunException}), which fail it with an {@link AgentRunException} carrying the partial
   * result.
   */
  Future<AgentResult> result();

  /**
   * Cancels the run: aborts an in-flight streamed model request, signals running tools through
   * {@link dev.agentloop.tool.ToolContext#cancelled()}, and completes the result with {@link
   * StopReason#CANCELLED} and the transcript so far. Does nothing when the run already ended.
   */
  void cancel();
}
