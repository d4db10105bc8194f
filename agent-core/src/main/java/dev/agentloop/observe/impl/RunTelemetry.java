package dev.agentloop.observe.impl;

import dev.agentloop.agent.AgentResult;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.ToolResult;
import io.opentelemetry.context.Context;

/**
 * The instrumentation seam of one run: the agent loop calls it at each model request, tool call and
 * at the end, always on the run's context. This base class records nothing ({@link #NOOP}); the
 * active one keeps the run span's OpenTelemetry {@link Context} explicitly and parents every chat
 * and tool span on it, never on {@code Context.current()}.
 */
public class RunTelemetry {

  /** Records nothing and allocates nothing. */
  public static final RunTelemetry NOOP = new RunTelemetry();

  RunTelemetry() {}

  /** The OpenTelemetry context of the run span (the root context when not tracing). */
  public Context context() {
    return Context.root();
  }

  /** A model request starts; its attempts and outcome are reported to the returned object. */
  public ChatTelemetry chat(ChatRequest request, boolean stream) {
    return ChatTelemetry.NOOP;
  }

  /** A tool call starts. */
  public void toolStarted(ToolCall call) {}

  /** A tool call finished (late completions after the run ended are ignored). */
  public void toolFinished(ToolCall call, ToolResult result) {}

  /** The run handed the conversation from one agent to another. */
  public void handedOff(String from, String to) {}

  /**
   * The run ended: open chat and tool spans end as interrupted, the run span ends.
   *
   * @param result the run's result
   * @param failed whether the run's future fails
   */
  public void finished(AgentResult result, boolean failed) {}
}
