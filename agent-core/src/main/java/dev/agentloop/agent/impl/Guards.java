package dev.agentloop.agent.impl;

import dev.agentloop.agent.compose.GuardrailContext;
import dev.agentloop.agent.compose.GuardrailOptions;
import dev.agentloop.agent.compose.GuardrailOptions.Named;
import dev.agentloop.agent.compose.Verdict;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.ToolResult;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs an agent's guardrails for its run loop. Each check runs the guardrails of one kind
 * concurrently and answers with the first non-passing verdict in the order they were added, its
 * message naming the guardrail; a failed or throwing guardrail trips (fail closed).
 */
final class Guards {

  static final Guards NONE = new Guards(new GuardrailOptions());

  private final GuardrailOptions options;

  Guards(GuardrailOptions options) {
    this.options = options;
  }

  static Guards of(@Nullable GuardrailOptions options) {
    return options == null || options.isEmpty() ? NONE : new Guards(options);
  }

  boolean hasInput() {
    return !options.getInput().isEmpty();
  }

  boolean inputAlongside() {
    return options.getInputMode() == GuardrailOptions.InputMode.ALONGSIDE;
  }

  boolean hasOutput() {
    return !options.getOutput().isEmpty();
  }

  boolean hasTool() {
    return !options.getTool().isEmpty();
  }

  int maxOutputFixes() {
    return options.getMaxOutputFixes();
  }

  /** Checks the user turn; a FIX counts as a trip. */
  Future<Verdict> input(GuardrailContext context, Message input) {
    return first("input", options.getInput(), g -> g.check(context, input), false);
  }

  /** Checks the final answer. */
  Future<Verdict> output(GuardrailContext context, String answer) {
    return first("output", options.getOutput(), g -> g.check(context, answer), true);
  }

  /** Checks a step's calls before any runs. */
  Future<Verdict> calls(GuardrailContext context, List<ToolCall> calls) {
    List<Named<Function<Void, Future<Verdict>>>> checks = new ArrayList<>();
    for (Named<dev.agentloop.agent.compose.ToolGuardrail> g : options.getTool()) {
      for (ToolCall call : calls) {
        checks.add(new Named<>(g.name(), v -> g.guardrail().checkCall(context, call)));
      }
    }
    return first("tool", checks, f -> f.apply(null), false);
  }

  /** Checks a step's results before the model sees them. */
  Future<Verdict> results(
      GuardrailContext context, List<ToolCall> calls, List<ToolResult> results) {
    List<Named<Function<Void, Future<Verdict>>>> checks = new ArrayList<>();
    for (Named<dev.agentloop.agent.compose.ToolGuardrail> g : options.getTool()) {
      for (int i = 0; i < calls.size(); i++) {
        ToolCall call = calls.get(i);
        ToolResult result = results.get(i);
        checks.add(new Named<>(g.name(), v -> g.guardrail().checkResult(context, call, result)));
      }
    }
    return first("tool", checks, f -> f.apply(null), false);
  }

  private static <T> Future<Verdict> first(
      String kind, List<Named<T>> guardrails, Function<T, Future<Verdict>> check, boolean fixes) {
    if (guardrails.isEmpty()) {
      return Future.succeededFuture(Verdict.pass());
    }
    List<Future<Verdict>> verdicts = new ArrayList<>(guardrails.size());
    for (Named<T> g : guardrails) {
      Future<Verdict> f;
      try {
        f = check.apply(g.guardrail());
        if (f == null) {
          f = Future.failedFuture(new NullPointerException("the guardrail returned null"));
        }
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      verdicts.add(
          f.map(v -> v == null ? Verdict.trip("it returned no verdict") : v)
              .otherwise(e -> Verdict.trip("it failed: " + e.getMessage())));
    }
    return Future.join(verdicts)
        .transform(
            ar -> {
              for (int i = 0; i < verdicts.size(); i++) {
                Verdict v = verdicts.get(i).result();
                if (!v.passed()) {
                  String name = guardrails.get(i).name();
                  return Future.succeededFuture(
                      v.kind() == Verdict.Kind.FIX && fixes
                          ? v
                          : Verdict.trip(
                              kind + " guardrail `" + name + "` tripped: " + v.message()));
                }
              }
              return Future.succeededFuture(Verdict.pass());
            });
  }
}
