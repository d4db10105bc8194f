package dev.agentloop.agent;

/** Why a run stopped. Every run ends with exactly one of these. */
public enum StopReason {
  /** The model answered without calling tools (and structured output, if asked, was valid). */
  COMPLETED,
  /** The iteration cap was reached; see {@link AgentOptions#getMaxIterationsBehavior()}. */
  MAX_ITERATIONS,
  /** A per-tool or per-response tool call limit was exceeded. */
  TOOL_CALL_LIMIT,
  /** The cost or token budget was used up. */
  BUDGET_EXCEEDED,
  /** The run's deadline passed. */
  DEADLINE,
  /** The run was cancelled through {@link AgentRun#cancel()}. */
  CANCELLED,
  /** OpenRouter failed with an error that retries did not fix. */
  API_ERROR,
  /** The structured answer stayed invalid after all repair attempts. */
  OUTPUT_INVALID,
  /**
   * The conversation memory could not be read before the run or written after it (its {@code
   * MessageStore} failed); the result's error is the store's failure.
   */
  MEMORY_ERROR,
  /** A bug in the agent loop or in code it calls (a toolbox, a client) that broke its contract. */
  INTERNAL_ERROR,
  /**
   * The run parked until a person decides calls whose approver deferred ({@link
   * ToolApprover.Decision#defer()}); {@link AgentResult#pendingApprovals()} lists them and {@link
   * Agent#resume} continues the run.
   */
  AWAITING_APPROVAL,
  /**
   * The run store refused or failed a journal write (another writer appended first, or the store is
   * unavailable); the run stopped without acting on what it could not record.
   */
  STORE_ERROR,
  /** An input guardrail tripped before the model's answer was acted on; no tool ran. */
  INPUT_GUARDRAIL,
  /** An output guardrail tripped on the final answer (or kept asking for fixes). */
  OUTPUT_GUARDRAIL,
  /** A tool guardrail tripped on a call before it ran, or on a result before the model saw it. */
  TOOL_GUARDRAIL,
  /** The model asked for one handoff more than the run's cap allows. */
  HANDOFF_LIMIT
}
