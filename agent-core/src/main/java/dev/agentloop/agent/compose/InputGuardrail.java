package dev.agentloop.agent.compose;

import dev.agentloop.openrouter.Message;
import io.vertx.core.Future;

/**
 * Checks the user's input before (or alongside) the run's first model call. Runs on the run's
 * context: return a future, never block. A failed future trips the guardrail (fail closed).
 */
@FunctionalInterface
public interface InputGuardrail {

  /**
   * Checks the user turn.
   *
   * @param context the run
   * @param input the user message
   * @return the verdict; {@link Verdict.Kind#FIX} counts as a trip
   */
  Future<Verdict> check(GuardrailContext context, Message input);
}
