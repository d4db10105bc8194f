package dev.agentloop.run;

import dev.agentloop.run.impl.InMemoryRunStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where run journals live. Set one with {@code AgentOptions.setRunStore} and every run of the agent
 * is journaled: each record is appended before the run acts on it, and {@code Agent.resume}
 * continues a run from its journal in this process or another.
 *
 * <p>Appends are conditional: a record is stored at position {@code seq} only when the run has
 * exactly {@code seq} records, otherwise the future fails with {@link RunConflictException}. This
 * one rule makes approval decisions single-use and refuses the appends of a writer that lost a race
 * (a stale owner). Implementations never block the calling event-loop thread; a JDBC store runs its
 * statements on dedicated workers.
 *
 * <pre>{@code
 * RunStore store = RunStore.inMemory();
 * Agent agent = Agent.create(vertx, client, new AgentOptions().setRunStore(store));
 * }</pre>
 */
public interface RunStore {

  /** Returns a new store that keeps journals in this JVM's memory (lost on restart). */
  static RunStore inMemory() {
    return new InMemoryRunStore();
  }

  /**
   * Appends a record at position {@code seq} (from 0).
   *
   * @return completes when stored; fails with {@link RunConflictException} when the run does not
   *     have exactly {@code seq} records, or with the store's error
   */
  Future<Void> append(String runId, int seq, JournalRecord record);

  /**
   * Loads a run's journal, oldest record first.
   *
   * @return the records; an empty list for an unknown run; fails with {@link
   *     JournalFormatException} when a record cannot be read
   */
  Future<List<JournalRecord>> load(String runId);

  /**
   * Lists stored runs, most recently updated first.
   *
   * @param status only runs with this status, or null for all
   * @param limit at most this many (must be > 0)
   * @return the runs
   */
  Future<List<RunInfo>> list(@Nullable RunStatus status, int limit);

  /**
   * Deletes {@link RunStatus#FINISHED} runs last updated before the given time; runs that can still
   * be resumed are never deleted.
   *
   * @return how many runs were deleted
   */
  Future<Integer> prune(Instant finishedBefore);

  /**
   * Takes or renews the lease on a run for {@code owner}: a run without a lease, or whose lease
   * lapsed or was released, gets {@code owner} with the next epoch; a lease the owner already holds
   * is extended with the same epoch. Times are the caller's, so leases work with a test clock;
   * nodes' clocks must agree to well within the lease time.
   *
   * @return the lease; fails with {@link RunConflictException} while another owner holds an
   *     unexpired lease, with {@link UnsupportedOperationException} when the store has no leases
   */
  default Future<RunLease> acquireLease(String runId, String owner, Instant now, Duration ttl) {
    return Future.failedFuture(noLeases());
  }

  /**
   * Extends a lease the caller holds.
   *
   * @return the extended lease; fails with {@link RunConflictException} when the lease moved to
   *     another epoch (the caller lost the run)
   */
  default Future<RunLease> renewLease(RunLease lease, Instant now, Duration ttl) {
    return Future.failedFuture(noLeases());
  }

  /**
   * Gives up a lease (a parked or finished run needs no owner); the epoch stays, so the next owner
   * gets a higher one. Releasing a lease that moved on does nothing.
   *
   * @return completes when released
   */
  default Future<Void> releaseLease(RunLease lease) {
    return Future.failedFuture(noLeases());
  }

  /**
   * Appends a record like {@link #append(String, int, JournalRecord)} only while {@code epoch} is
   * the run's current lease epoch, checked in the same transaction as the append (fencing).
   *
   * @return completes when stored; fails with {@link RunConflictException} when the epoch is stale
   *     or the position is taken
   */
  default Future<Void> append(String runId, int seq, JournalRecord record, long epoch) {
    return Future.failedFuture(noLeases());
  }

  private UnsupportedOperationException noLeases() {
    return new UnsupportedOperationException(
        "this run store has no leases: " + getClass().getName());
  }
}
