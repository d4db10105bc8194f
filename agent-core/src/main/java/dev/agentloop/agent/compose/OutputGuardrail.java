package dev.agentloop.agent.compose;

import io.vertx.core.Future;

/**
 * Checks the run's final answer before the run completes. It may pass it, trip (stop the run
 * without the answer) or ask the model to fix it. Runs on the run's context: return a future, never
 * block. A failed future trips the guardrail (fail closed).
 */
@FunctionalInterface
public interface OutputGuardrail {

  /**
   * Checks the final answer.
   *
   * @param context the run
   * @param answer the answer text (the JSON text of a structured answer)
   * @return the verdict
   */
  Future<Verdict> check(GuardrailContext context, String answer);
}
