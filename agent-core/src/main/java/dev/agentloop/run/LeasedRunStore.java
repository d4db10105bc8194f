package dev.agentloop.run;

import dev.agentloop.agent.Agent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's view of a shared {@link RunStore} in a cluster: each run has one owner at a time. The
 * first append of a run (or of a parked run being decided) takes the run's lease for this node;
 * every append carries the lease's epoch and the store refuses it once another node took the run
 * over (fencing), so a paused or partitioned node cannot write after a takeover. Leases are renewed
 * every third of their time while the node lives, and released when a run parks or finishes. {@link
 * #takeOver} resumes the runs whose owner's lease lapsed: the runs of a node that died.
 *
 * <pre>{@code
 * RunStore shared = JdbcRunStore.open(vertx, "postgresql://db/agents").await();
 * LeasedRunStore store = LeasedRunStore.create(vertx, shared, nodeId, Duration.ofSeconds(15));
 * Agent agent = Agent.create(vertx, client, new AgentOptions().setName("payments").setRunStore(store));
 * store.startTakeover(agent, Duration.ofSeconds(5));   // resume the runs of dead nodes
 * }</pre>
 *
 * <p>Use {@link #takeOver} rather than {@code Agent.recover} in a cluster: recover resumes every
 * in-flight run, including those a live node is running. Node clocks must agree to well within the
 * lease time. The underlying store must support leases (the in-memory and JDBC stores do).
 */
public final class LeasedRunStore implements RunStore {

  private static final Logger LOG = LoggerFactory.getLogger(LeasedRunStore.class);

  private final Vertx vertx;
  private final RunStore store;
  private final String node;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, RunLease> owned = new ConcurrentHashMap<>();
  private final long renewTimer;
  private volatile long takeoverTimer = -1;

  private LeasedRunStore(Vertx vertx, RunStore store, String node, Duration ttl, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.node = node;
    this.ttl = ttl;
    this.clock = clock;
    this.renewTimer = vertx.setPeriodic(Math.max(1, ttl.toMillis() / 3), id -> renewAll());
  }

  /**
   * Creates the node's view on the system clock; see {@link #create(Vertx, RunStore, String,
   * Duration, Clock)}.
   */
  public static LeasedRunStore create(Vertx vertx, RunStore store, String node, Duration ttl) {
    return create(vertx, store, node, ttl, Clock.systemUTC());
  }

  /**
   * Creates the node's view of a shared store.
   *
   * @param node this node's id, unique among live nodes (e.g. a random UUID per process)
   * @param ttl how long a lease lasts without renewal: how long a dead node's runs wait
   * @param clock the time leases are taken and renewed at
   * @throws IllegalArgumentException when {@code ttl} is shorter than 30 ms or the node id is empty
   */
  public static LeasedRunStore create(
      Vertx vertx, RunStore store, String node, Duration ttl, Clock clock) {
    Objects.requireNonNull(vertx, "vertx == null");
    Objects.requireNonNull(store, "store == null");
    Objects.requireNonNull(clock, "clock == null");
    if (Objects.requireNonNull(node, "node == null").isEmpty()) {
      throw new IllegalArgumentException("node must not be empty");
    }
    if (ttl.toMillis() < 30) {
      throw new IllegalArgumentException("ttl must be at least 30 ms: " + ttl);
    }
    return new LeasedRunStore(vertx, store, node, ttl, clock);
  }

  /** The shared store this node's view wraps. */
  public RunStore delegate() {
    return store;
  }

  /** This node's id. */
  public String node() {
    return node;
  }

  /** The leases this node holds now, by run id. */
  public Map<String, RunLease> leases() {
    return Map.copyOf(owned);
  }

  @Override
  public Future<Void> append(String runId, int seq, JournalRecord record) {
    return lease(runId)
        .compose(lease -> store.append(runId, seq, record, lease.epoch()))
        .andThen(
            ar -> {
              RunLease lease = owned.get(runId);
              if (lease != null && (ar.failed() || RunStatus.after(record) != RunStatus.RUNNING)) {
                // Parked or finished: no owner needed. Refused: the run is someone else's now.
                owned.remove(runId, lease);
                if (ar.succeeded()) {
                  store.releaseLease(lease);
                }
              }
            });
  }

  @Override
  public Future<Void> append(String runId, int seq, JournalRecord record, long epoch) {
    return store.append(runId, seq, record, epoch);
  }

  private Future<RunLease> lease(String runId) {
    RunLease held = owned.get(runId);
    if (held != null) {
      return Future.succeededFuture(held);
    }
    return store
        .acquireLease(runId, node, clock.instant(), ttl)
        .onSuccess(lease -> owned.put(runId, lease));
  }

  private void renewAll() {
    for (RunLease lease : owned.values()) {
      store
          .renewLease(lease, clock.instant(), ttl)
          .onSuccess(renewed -> owned.replace(lease.runId(), lease, renewed))
          .onFailure(
              e -> {
                if (e instanceof RunConflictException) {
                  LOG.warn("node {} lost run {}: {}", node, lease.runId(), e.getMessage());
                  owned.remove(lease.runId(), lease);
                }
              });
    }
  }

  /**
   * Takes over the in-flight runs of this agent (by its name) whose lease lapsed or that have none,
   * and resumes them on this node. A run another node holds is left alone.
   *
   * @param agent an agent whose run store is this store
   * @param limit how many in-flight runs to look at
   * @return the ids of the runs taken over (their resumption continues in the background)
   * @throws IllegalArgumentException when the agent does not use this store
   */
  public Future<List<String>> takeOver(Agent agent, int limit) {
    if (agent.options().getRunStore() != this) {
      throw new IllegalArgumentException("the agent must use this store: " + agent);
    }
    String name = agent.options().getName();
    return store
        .list(RunStatus.RUNNING, limit)
        .compose(
            runs -> {
              List<Future<@Nullable String>> taken = new ArrayList<>();
              for (RunInfo info : runs) {
                if (!owned.containsKey(info.runId())) {
                  taken.add(takeOver(agent, name, info.runId()));
                }
              }
              return Future.join(taken)
                  .transform(
                      ar -> {
                        List<String> ids = new ArrayList<>();
                        for (Future<@Nullable String> f : taken) {
                          if (f.succeeded() && f.result() != null) {
                            ids.add(f.result());
                          }
                        }
                        return Future.succeededFuture(ids);
                      });
            });
  }

  private Future<@Nullable String> takeOver(Agent agent, @Nullable String name, String runId) {
    return store
        .load(runId)
        .compose(
            records -> {
              boolean ours =
                  !records.isEmpty()
                      && RunStatus.after(records.get(records.size() - 1)) == RunStatus.RUNNING
                      && records.get(0) instanceof JournalRecord.RunStarted s
                      && (name == null || name.equals(s.agent()));
              if (!ours) {
                return Future.succeededFuture(null);
              }
              return lease(runId)
                  .map(
                      lease -> {
                        LOG.info(
                            "node {} takes over run {} at epoch {}", node, runId, lease.epoch());
                        agent
                            .resume(runId, List.of())
                            .onFailure(e -> LOG.warn("run {} could not be resumed", runId, e));
                        return runId;
                      });
            });
  }

  /**
   * Calls {@link #takeOver} for the agent every {@code every} (at most 100 runs each time) until
   * {@link #close}. Calls it once at once, so a node that starts resumes lapsed runs immediately.
   *
   * @return this
   */
  public LeasedRunStore startTakeover(Agent agent, Duration every) {
    takeOver(agent, 100);
    takeoverTimer = vertx.setPeriodic(Math.max(1, every.toMillis()), id -> takeOver(agent, 100));
    return this;
  }

  /** Stops renewing and taking over, and releases this node's leases. */
  public Future<Void> close() {
    vertx.cancelTimer(renewTimer);
    vertx.cancelTimer(takeoverTimer);
    List<Future<Void>> released = new ArrayList<>();
    for (RunLease lease : owned.values()) {
      released.add(store.releaseLease(lease));
    }
    owned.clear();
    return Future.join(released).mapEmpty();
  }

  @Override
  public Future<RunLease> acquireLease(String runId, String owner, Instant now, Duration ttl) {
    return store.acquireLease(runId, owner, now, ttl);
  }

  @Override
  public Future<RunLease> renewLease(RunLease lease, Instant now, Duration ttl) {
    return store.renewLease(lease, now, ttl);
  }

  @Override
  public Future<Void> releaseLease(RunLease lease) {
    return store.releaseLease(lease);
  }

  @Override
  public Future<List<JournalRecord>> load(String runId) {
    return store.load(runId);
  }

  @Override
  public Future<List<RunInfo>> list(@Nullable RunStatus status, int limit) {
    return store.list(status, limit);
  }

  @Override
  public Future<Integer> prune(Instant finishedBefore) {
    return store.prune(finishedBefore);
  }
}
