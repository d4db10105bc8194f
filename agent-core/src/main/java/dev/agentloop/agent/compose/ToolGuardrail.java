package dev.agentloop.agent.compose;

import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.ToolResult;
import io.vertx.core.Future;

/**
 * Checks tool calls before they run and their results before the model sees them. A trip stops the
 * run: before any call of the step runs, or before the step's results reach the model. Runs on the
 * run's context: return futures, never block. A failed future trips the guardrail.
 */
public interface ToolGuardrail {

  /**
   * Checks a call before any call of its step runs; passes by default.
   *
   * @param context the run
   * @param call the call as the model wrote it
   * @return the verdict; {@link Verdict.Kind#FIX} counts as a trip
   */
  default Future<Verdict> checkCall(GuardrailContext context, ToolCall call) {
    return Future.succeededFuture(Verdict.pass());
  }

  /**
   * Checks a call's result before the model sees it; passes by default.
   *
   * @param context the run
   * @param call the call
   * @param result its result
   * @return the verdict; {@link Verdict.Kind#FIX} counts as a trip
   */
  default Future<Verdict> checkResult(GuardrailContext context, ToolCall call, ToolResult result) {
    return Future.succeededFuture(Verdict.pass());
  }
}
