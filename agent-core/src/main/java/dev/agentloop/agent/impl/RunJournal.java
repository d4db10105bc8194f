package dev.agentloop.agent.impl;

import dev.agentloop.run.JournalRecord;
import dev.agentloop.run.RunStore;
import io.vertx.core.Future;
import org.jspecify.annotations.Nullable;

/**
 * The loop's one seam to the run store: appends records in order (each write waits for the one
 * before, so a store may complete them on any thread) at consecutive positions. After a failed
 * write every later write fails too, so a run never acts on a journal with a hole. Without a store
 * every write succeeds at once. Confined to the run's context.
 */
final class RunJournal {

  private final @Nullable RunStore store;
  private final String runId;
  private int seq;
  private Future<Void> tail = Future.succeededFuture();
  private boolean closed;

  RunJournal(@Nullable RunStore store, String runId, int seq) {
    this.store = store;
    this.runId = runId;
    this.seq = seq;
  }

  boolean enabled() {
    return store != null;
  }

  /** Returns whether nothing was written yet (a run that never started has no journal). */
  boolean isEmpty() {
    return seq == 0;
  }

  /** Appends a record after all earlier ones; the future may complete on any thread. */
  Future<Void> write(JournalRecord record) {
    RunStore s = store;
    if (s == null) {
      return tail;
    }
    if (closed) {
      // A tool that completes after the run ended must not append behind its end record.
      return Future.failedFuture(
          new IllegalStateException("the run's journal is closed: " + runId));
    }
    closed =
        record instanceof JournalRecord.RunFinished || record instanceof JournalRecord.RunParked;
    int at = seq++;
    tail = tail.compose(v -> s.append(runId, at, record));
    return tail;
  }

  /** The failure of a write, or null while every write succeeded (or is still pending). */
  @Nullable Throwable failure() {
    return tail.failed() ? tail.cause() : null;
  }
}
