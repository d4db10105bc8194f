package dev.agentloop.run;

import java.time.Instant;
import java.util.Objects;

/**
 * A node's lease on a run: while it holds the lease it is the run's only owner. The epoch grows by
 * one at every change of owner, and a store refuses appends that carry an epoch other than the
 * current one, so an owner that lost its lease (paused, partitioned) cannot write after a takeover.
 *
 * @param runId the run
 * @param owner the owning node's id
 * @param epoch the fencing epoch, from 1
 * @param expiresAt when the lease lapses unless renewed
 */
public record RunLease(String runId, String owner, long epoch, Instant expiresAt) {

  /** Validates. */
  public RunLease {
    Objects.requireNonNull(runId, "runId == null");
    Objects.requireNonNull(owner, "owner == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch must be >= 1: " + epoch);
    }
  }
}
