package dev.agentloop.run;

import dev.agentloop.run.impl.InMemoryRunStore;
import io.vertx.core.Future;
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
}
