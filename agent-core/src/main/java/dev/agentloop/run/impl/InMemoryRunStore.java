package dev.agentloop.run.impl;

import dev.agentloop.run.JournalCodec;
import dev.agentloop.run.JournalRecord;
import dev.agentloop.run.RunConflictException;
import dev.agentloop.run.RunInfo;
import dev.agentloop.run.RunLease;
import dev.agentloop.run.RunStatus;
import dev.agentloop.run.RunStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory {@link RunStore}: records are kept in their JSON form (so this store exercises the
 * same codec as the durable ones); each run is guarded by its own lock, held only for a list
 * operation.
 */
public final class InMemoryRunStore implements RunStore {

  private final Map<String, Journal> runs = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Creates an empty store on the system clock. */
  public InMemoryRunStore() {
    this(Clock.systemUTC());
  }

  /** Creates an empty store on the given clock (for retention tests). */
  public InMemoryRunStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  private static final class Journal {
    final List<String> records = new ArrayList<>();
    RunStatus status = RunStatus.RUNNING;
    Instant updatedAt = Instant.EPOCH;
    // The run's lease: owner null when none or released; the epoch only grows.
    @Nullable String owner;
    long epoch;
    Instant expiresAt = Instant.EPOCH;
  }

  @Override
  public Future<RunLease> acquireLease(String runId, String owner, Instant now, Duration ttl) {
    Journal j = runs.computeIfAbsent(runId, id -> new Journal());
    synchronized (j) {
      if (owner.equals(j.owner) && j.expiresAt.isAfter(now)) {
        j.expiresAt = now.plus(ttl);
      } else if (j.owner == null || !j.expiresAt.isAfter(now)) {
        j.owner = owner;
        j.epoch++;
        j.expiresAt = now.plus(ttl);
      } else {
        return Future.failedFuture(Leases.held(runId, j.owner, j.expiresAt));
      }
      return Future.succeededFuture(new RunLease(runId, owner, j.epoch, j.expiresAt));
    }
  }

  @Override
  public Future<RunLease> renewLease(RunLease lease, Instant now, Duration ttl) {
    Journal j = runs.computeIfAbsent(lease.runId(), id -> new Journal());
    synchronized (j) {
      if (j.epoch != lease.epoch() || !lease.owner().equals(j.owner)) {
        return Future.failedFuture(Leases.lost(lease, j.epoch));
      }
      j.expiresAt = now.plus(ttl);
      return Future.succeededFuture(
          new RunLease(lease.runId(), lease.owner(), j.epoch, j.expiresAt));
    }
  }

  @Override
  public Future<Void> releaseLease(RunLease lease) {
    Journal j = runs.get(lease.runId());
    if (j != null) {
      synchronized (j) {
        if (j.epoch == lease.epoch()) {
          j.owner = null;
        }
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> append(String runId, int seq, JournalRecord record, long epoch) {
    Journal j = runs.computeIfAbsent(runId, id -> new Journal());
    synchronized (j) {
      if (j.epoch != epoch) {
        return Future.failedFuture(Leases.stale(runId, epoch, j.epoch));
      }
      return append(runId, seq, record);
    }
  }

  @Override
  public Future<Void> append(String runId, int seq, JournalRecord record) {
    String json = JournalCodec.encode(record);
    Journal j = runs.computeIfAbsent(runId, id -> new Journal());
    synchronized (j) {
      if (j.records.size() != seq) {
        return Future.failedFuture(
            new RunConflictException(
                "journal conflict: run "
                    + runId
                    + " already has "
                    + j.records.size()
                    + " records, the write expected "
                    + seq));
      }
      j.records.add(json);
      j.status = RunStatus.after(record);
      j.updatedAt = clock.instant();
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<List<JournalRecord>> load(String runId) {
    Journal j = runs.get(runId);
    if (j == null) {
      return Future.succeededFuture(List.of());
    }
    List<String> texts;
    synchronized (j) {
      texts = List.copyOf(j.records);
    }
    try {
      List<JournalRecord> records = new ArrayList<>(texts.size());
      for (String t : texts) {
        records.add(JournalCodec.decode(t));
      }
      return Future.succeededFuture(records);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<List<RunInfo>> list(@Nullable RunStatus status, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0: " + limit);
    }
    List<RunInfo> all = new ArrayList<>();
    runs.forEach(
        (id, j) -> {
          synchronized (j) {
            if (!j.records.isEmpty() && (status == null || j.status == status)) {
              all.add(new RunInfo(id, j.status, j.records.size(), j.updatedAt));
            }
          }
        });
    all.sort(Comparator.comparing(RunInfo::updatedAt).reversed().thenComparing(RunInfo::runId));
    return Future.succeededFuture(List.copyOf(all.subList(0, Math.min(limit, all.size()))));
  }

  @Override
  public Future<Integer> prune(Instant finishedBefore) {
    int[] removed = {0};
    runs.entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                boolean old =
                    e.getValue().status == RunStatus.FINISHED
                        && e.getValue().updatedAt.isBefore(finishedBefore);
                removed[0] += old ? 1 : 0;
                return old;
              }
            });
    return Future.succeededFuture(removed[0]);
  }
}
