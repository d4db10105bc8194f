package dev.agentloop.agent;

import dev.agentloop.AgentException;
import java.util.Objects;

/**
 * Fails a run's future when the run aborts: the iteration cap under {@link
 * MaxIterationsBehavior#FAIL}, an OpenRouter error ({@link StopReason#API_ERROR}, with the {@link
 * dev.agentloop.openrouter.OpenRouterException} as cause), structured output that stayed invalid
 * ({@link StopReason#OUTPUT_INVALID}), a failing conversation memory ({@link
 * StopReason#MEMORY_ERROR}) or a bug ({@link StopReason#INTERNAL_ERROR}). It carries the partial
 * {@link AgentResult}: transcript, steps and usage up to the failure.
 */
public final class AgentRunException extends AgentException {

  private static final long serialVersionUID = 1L;

  private final transient AgentResult result;

  /** Creates the exception for a run that stopped with the result's stop reason. */
  public AgentRunException(String message, AgentResult result) {
    super(message, result.error());
    this.result = Objects.requireNonNull(result, "result == null");
  }

  /** The partial result: stop reason, transcript, steps and usage so far. */
  public AgentResult result() {
    return result;
  }

  /** The stop reason of the partial result. */
  public StopReason stopReason() {
    return result.stopReason();
  }
}
