package dev.agentloop.run;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored run as listed by {@link RunStore#list}.
 *
 * @param runId the run id
 * @param status its status
 * @param records how many journal records it has
 * @param updatedAt when its last record was written
 */
public record RunInfo(String runId, RunStatus status, int records, Instant updatedAt) {
  /** Validates. */
  public RunInfo {
    Objects.requireNonNull(runId, "runId == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(updatedAt, "updatedAt == null");
  }
}
