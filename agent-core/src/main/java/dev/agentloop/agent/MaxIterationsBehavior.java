package dev.agentloop.agent;

/** What a run does when it reaches {@link AgentOptions#getMaxIterations()}. */
public enum MaxIterationsBehavior {
  /**
   * Fails the run with an {@link AgentRunException} whose result has {@link
   * StopReason#MAX_ITERATIONS}.
   */
  FAIL,
  /**
   * Sends one last request with {@code tool_choice: "none"} and returns its answer, with stop
   * reason {@link StopReason#MAX_ITERATIONS}.
   */
  FINAL_ANSWER
}
