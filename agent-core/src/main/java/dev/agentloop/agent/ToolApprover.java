package dev.agentloop.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.ToolSpec;
import io.vertx.core.Future;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a call of a tool marked {@code requiresApproval} may run. It is called on the
 * run's Vert.x context and must not block; ask a human asynchronously and complete the future
 * later. A failed future counts as a rejection whose reason is the failure message.
 *
 * <pre>{@code
 * ToolApprover approver = (call, spec) ->
 *     call.function().arguments().contains("rm -rf")
 *         ? Future.succeededFuture(ToolApprover.Decision.reject("destructive commands are not allowed"))
 *         : Future.succeededFuture(ToolApprover.Decision.approve());
 * }</pre>
 */
@FunctionalInterface
public interface ToolApprover {

  /** Approves every call. */
  ToolApprover APPROVE_ALL = (call, spec) -> Future.succeededFuture(Decision.approve());

  /**
   * Reviews one call before it runs.
   *
   * @param call the call as the model wrote it
   * @param spec the tool's spec
   * @return the decision
   */
  Future<Decision> review(ToolCall call, ToolSpec spec);

  /**
   * The outcome of a review.
   *
   * @param approved whether the call may run
   * @param reason why it was rejected; the model reads it (null when approved)
   * @param arguments replacement arguments to run with instead of the model's, or null
   * @param deferred whether the decision is left to a person later: the run parks with {@link
   *     StopReason#AWAITING_APPROVAL} (needs a run store, otherwise the call is refused)
   */
  record Decision(
      boolean approved, @Nullable String reason, @Nullable JsonNode arguments, boolean deferred) {

    /** Creates a decision that is not deferred. */
    public Decision(boolean approved, @Nullable String reason, @Nullable JsonNode arguments) {
      this(approved, reason, arguments, false);
    }

    /**
     * Leaves the decision to a person: the run is journaled as waiting for this call and stops with
     * {@link StopReason#AWAITING_APPROVAL}; {@link Agent#resume} continues it.
     */
    public static Decision defer() {
      return new Decision(false, null, null, true);
    }

    /** Lets the call run as the model wrote it. */
    public static Decision approve() {
      return new Decision(true, null, null);
    }

    /** Refuses the call; the model receives the reason as the tool result. */
    public static Decision reject(String reason) {
      return new Decision(false, Objects.requireNonNull(reason, "reason == null"), null);
    }

    /** Lets the call run with edited arguments. */
    public static Decision approveWithArguments(JsonNode arguments) {
      return new Decision(true, null, Objects.requireNonNull(arguments, "arguments == null"));
    }
  }
}
