package dev.agentloop.agent;

import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.ToolResult;

/**
 * Something that happened during a run. Events of one run are delivered in order on the run's
 * Vert.x context: {@link RunStarted}, then per step {@link ModelRequest}, {@link TextDelta}s (when
 * streaming), {@link ToolCallRequested} and {@link ToolCallFinished} for each call, {@link
 * StepFinished}; and finally {@link RunFinished} or {@link RunFailed}. A run that hands off
 * announces the new agent with {@link AgentAnswering}; events of agents it calls as tools arrive
 * wrapped in {@link SubAgentEvent}s, with the sub-agent's name and depth.
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

  /**
   * Another agent answers from now on: the run handed the conversation to it ({@link
   * dev.agentloop.agent.compose.HandoffOptions}). Events after it come from that agent.
   *
   * @param runId the run id
   * @param agent the name of the agent answering now
   * @param depth the run's depth: 0 for a caller's run, 1 for an agent called as a tool, …
   */
  record AgentAnswering(String runId, String agent, int depth) implements AgentEvent {}

  /**
   * An event of a sub-run: an agent this run called as a tool ({@link
   * dev.agentloop.agent.compose.AgentTool}), at any depth, delivered in this run's stream.
   *
   * @param runId this run's id (the inner event carries the sub-run's)
   * @param agent the name of the sub-run's agent
   * @param depth the sub-run's depth: 1 for an agent this run called, 2 for one it called, …
   * @param event the sub-run's event
   */
  record SubAgentEvent(String runId, String agent, int depth, AgentEvent event)
      implements AgentEvent {}
}
