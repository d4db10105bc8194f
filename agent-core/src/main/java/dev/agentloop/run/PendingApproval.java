package dev.agentloop.run;

import java.util.Objects;

/**
 * A tool call of a parked run waiting for a person's decision.
 *
 * @param runId the run
 * @param callId the model's call id
 * @param tool the tool name
 * @param arguments the arguments as the model wrote them (JSON text)
 * @param digest {@link ApprovalDecision#digest(String)} of the arguments; a decision must carry it
 */
public record PendingApproval(
    String runId, String callId, String tool, String arguments, String digest) {
  /** Validates. */
  public PendingApproval {
    Objects.requireNonNull(runId, "runId == null");
    Objects.requireNonNull(callId, "callId == null");
    Objects.requireNonNull(tool, "tool == null");
    Objects.requireNonNull(arguments, "arguments == null");
    Objects.requireNonNull(digest, "digest == null");
  }
}
