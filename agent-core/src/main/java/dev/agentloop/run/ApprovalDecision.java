package dev.agentloop.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.internal.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person's decision on one pending call, given to {@code Agent.resume}. It is bound to the call
 * id and to the digest of the arguments the person saw: a decision whose digest does not match the
 * journaled call is refused, and a call already decided cannot be decided again.
 *
 * <pre>{@code
 * PendingApproval p = result.pendingApprovals().get(0);
 * agent.resume(p.runId(), List.of(ApprovalDecision.approve(p)));
 * }</pre>
 *
 * @param callId the call id
 * @param digest the digest of the arguments the decision is about
 * @param approved whether the call may run
 * @param message the rejection message the model reads (required when rejecting), or null
 * @param arguments edited arguments to run with instead of the model's, or null
 */
public record ApprovalDecision(
    String callId,
    String digest,
    boolean approved,
    @Nullable String message,
    @Nullable JsonNode arguments) {

  /** Validates. */
  public ApprovalDecision {
    Objects.requireNonNull(callId, "callId == null");
    Objects.requireNonNull(digest, "digest == null");
    if (!approved && message == null) {
      throw new IllegalArgumentException("a rejection needs a message: " + callId);
    }
    if (!approved && arguments != null) {
      throw new IllegalArgumentException("a rejection cannot edit arguments: " + callId);
    }
    if (arguments != null && !arguments.isObject()) {
      throw new IllegalArgumentException("arguments must be a JSON object: " + arguments);
    }
  }

  /** Approves the call as the model wrote it. */
  public static ApprovalDecision approve(PendingApproval p) {
    return new ApprovalDecision(p.callId(), p.digest(), true, null, null);
  }

  /** Approves the call with edited arguments. */
  public static ApprovalDecision approve(PendingApproval p, JsonNode arguments) {
    return new ApprovalDecision(
        p.callId(), p.digest(), true, null, Objects.requireNonNull(arguments, "arguments == null"));
  }

  /** Rejects the call; the model reads the message. */
  public static ApprovalDecision reject(PendingApproval p, String message) {
    return new ApprovalDecision(
        p.callId(), p.digest(), false, Objects.requireNonNull(message, "message == null"), null);
  }

  /**
   * Returns the hex SHA-256 of the arguments in canonical form (keys sorted, whitespace removed;
   * text that is not JSON is hashed trimmed).
   */
  public static String digest(String arguments) {
    String canonical = Json.normalize(arguments);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }
}
