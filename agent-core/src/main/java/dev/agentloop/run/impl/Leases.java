package dev.agentloop.run.impl;

import dev.agentloop.run.RunConflictException;
import dev.agentloop.run.RunLease;
import java.time.Instant;

/** The messages of lease refusals, shared by every store so they read the same everywhere. */
public final class Leases {

  private Leases() {}

  /** Another owner holds an unexpired lease. */
  public static RunConflictException held(String runId, String owner, Instant until) {
    return new RunConflictException(
        "run " + runId + " is leased by node " + owner + " until " + until);
  }

  /** The caller's lease moved to another epoch. */
  public static RunConflictException lost(RunLease lease, long current) {
    return new RunConflictException(
        "lease lost: run "
            + lease.runId()
            + " is at epoch "
            + current
            + ", node "
            + lease.owner()
            + " held epoch "
            + lease.epoch());
  }

  /** A fenced append carried an epoch other than the current one. */
  public static RunConflictException stale(String runId, long epoch, long current) {
    return new RunConflictException(
        "stale lease epoch: run "
            + runId
            + " is at epoch "
            + current
            + ", the write carried epoch "
            + epoch
            + "; another node took the run over");
  }
}
