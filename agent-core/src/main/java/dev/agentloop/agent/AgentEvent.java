package dev.agentloop.agent;

import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.ToolResult;

/**
 * Something that happened during a run. Events of one run are delivered in order on the run's
 * Vert.x context: {@link RunStarted}, then per step {@link ModelRequest}, {@link TextDelta}s (when
 * streaming), {@link ToolCallRequested} and {@link ToolCallFinished} for each call, {@link
 * StepFinished}; and finally {@link RunFinished} or {@link RunFailed}.
 */
public sealed interface AgentEvent {

  /** The id of the run the event belongs to. */
  String runId();

  /**
   * The run started.
   *
   * @param runId the run id
   * @param sessionId the {@code session_id} sent on every request of the run
   */
  record RunStarted(String runId, String sessionId) implements AgentEvent {}

  /**
   * A request is about to be sent to the model.
   *
   * @param runId the run id
   * @param step the step number, from 1
   * @param request the request as sent
   */
  record ModelRequest(String runId, int step, ChatRequest request) implements AgentEvent {}

  /**
   * A fragment of the model's answer text arrived (streaming runs only).
   *
   * @param runId the run id
   * @param step the step number
   * @param text the fragment
   */
  record TextDelta(String runId, int step, String text) implements AgentEvent {}

  /**
   * The model asked for a tool call.
   *
   * @param runId the run id
   * @param step the step number
   * @param call the call
   */
  record ToolCallRequested(String runId, int step, ToolCall call) implements AgentEvent {}

  /**
   * A tool call finished (or was refused).
   *
   * @param runId the run id
   * @param step the step number
   * @param call the call
   * @param result the outcome, including its duration
   */
  record ToolCallFinished(String runId, int step, ToolCall call, ToolResult result)
      implements AgentEvent {}

  /**
   * A step finished: the model answered and its tool calls, if any, finished.
   *
   * @param runId the run id
   * @param step the step, with its usage
   */
  record StepFinished(String runId, Step step) implements AgentEvent {}

  /**
   * The run ended with a result (completed or stopped).
   *
   * @param runId the run id
   * @param result the result
   */
  record RunFinished(String runId, AgentResult result) implements AgentEvent {}

  /**
   * The run aborted; the exception carries the partial result.
   *
   * @param runId the run id
   * @param error the failure
   */
  record RunFailed(String runId, AgentRunException error) implements AgentEvent {}
}
