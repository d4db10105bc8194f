package dev.agentloop.agent.compose;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a guardrail decided.
 *
 * @param kind pass, trip (stop the run) or fix (an output guardrail asks the model for another
 *     answer)
 * @param message why it tripped, or what the model must fix; null for a pass
 */
public record Verdict(Kind kind, @Nullable String message) {

  /** The kinds of verdict. */
  public enum Kind {
    /** The subject is fine; the run goes on. */
    PASS,
    /** The subject is not allowed; the run stops with the guardrail's stop reason. */
    TRIP,
    /**
     * The final answer must change: the message goes back to the model, a bounded number of times
     * ({@link GuardrailOptions#setMaxOutputFixes}); output guardrails only, elsewhere it trips.
     */
    FIX
  }

  private static final Verdict PASS = new Verdict(Kind.PASS, null);

  /** Validates the components: a trip or fix carries a message. */
  public Verdict {
    Objects.requireNonNull(kind, "kind == null");
    if (kind != Kind.PASS && (message == null || message.isBlank())) {
      throw new IllegalArgumentException("a " + kind + " verdict needs a message");
    }
  }

  /** Returns the passing verdict. */
  public static Verdict pass() {
    return PASS;
  }

  /** Returns a verdict that stops the run with {@code message}. */
  public static Verdict trip(String message) {
    return new Verdict(Kind.TRIP, message);
  }

  /** Returns a verdict that asks the model to fix its answer as {@code feedback} says. */
  public static Verdict fix(String feedback) {
    return new Verdict(Kind.FIX, feedback);
  }

  /** Returns {@code true} for a pass. */
  public boolean passed() {
    return kind == Kind.PASS;
  }
}
