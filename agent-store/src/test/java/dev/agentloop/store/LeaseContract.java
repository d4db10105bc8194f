package dev.agentloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.agent.StopReason;
import dev.agentloop.run.JournalRecord;
import dev.agentloop.run.RunConflictException;
import dev.agentloop.run.RunLease;
import dev.agentloop.run.RunStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Leases and fencing every store must implement; times are given, as a test clock would. */
abstract class LeaseContract {

  static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  static final Duration TTL = Duration.ofSeconds(10);

  abstract RunStore store();

  final String id = "run-" + UUID.randomUUID();

  @Test
  @Timeout(10)
  void aHeldLeaseWaitsUntilItLapsesAndTheTakeoverBumpsTheEpoch() {
    RunStore store = store();
    assertThat(store.acquireLease(id, "a", T0, TTL).await())
        .isEqualTo(new RunLease(id, "a", 1, T0.plus(TTL)));
    assertThat(store.acquireLease(id, "a", T0.plusSeconds(5), TTL).await())
        .isEqualTo(new RunLease(id, "a", 1, T0.plusSeconds(15)));

    assertThatThrownBy(() -> store.acquireLease(id, "b", T0.plusSeconds(14), TTL).await())
        .isInstanceOf(RunConflictException.class)
        .hasMessage("run " + id + " is leased by node a until 2026-12-01T12:00:15Z");
    assertThat(store.acquireLease(id, "b", T0.plusSeconds(15), TTL).await())
        .isEqualTo(new RunLease(id, "b", 2, T0.plusSeconds(25)));
  }

  @Test
  @Timeout(10)
  void pruningAFinishedRunRemovesItsLease() {
    RunStore store = store();
    RunLease a = store.acquireLease(id, "a", T0, TTL).await();
    store.append(id, 0, RunStoreContract.start(id), a.epoch()).await();
    store.append(id, 1, new JournalRecord.RunFinished(StopReason.COMPLETED, "x"), a.epoch())
        .await();

    assertThat(store.prune(Instant.now().plus(Duration.ofDays(1))).await()).isPositive();

    // A lease left behind would still be held by "a" (conflict) and would continue at epoch 2.
    assertThat(store.acquireLease(id, "b", T0, TTL).await())
        .isEqualTo(new RunLease(id, "b", 1, T0.plus(TTL)));
  }

  @Test
  @Timeout(10)
  void aStaleEpochCannotAppendAfterATakeover() {
    RunStore store = store();
    RunLease a = store.acquireLease(id, "a", T0, TTL).await();
    store.append(id, 0, RunStoreContract.start(id), a.epoch()).await();
    RunLease b = store.acquireLease(id, "b", T0.plus(TTL), TTL).await();

    assertThatThrownBy(() -> store.append(id, 1, new JournalRecord.RunParked(List.of()),
            a.epoch()).await())
        .isInstanceOf(RunConflictException.class)
        .hasMessage("stale lease epoch: run " + id + " is at epoch 2, the write carried epoch 1;"
            + " another node took the run over");
    assertThat(store.load(id).await()).hasSize(1);
    store.append(id, 1, new JournalRecord.RunParked(List.of()), b.epoch()).await();
    assertThat(store.load(id).await()).hasSize(2);
  }

  @Test
  @Timeout(10)
  void aLostOwnerCannotRenewAndAReleaseHandsOnWithAHigherEpoch() {
    RunStore store = store();
    RunLease a = store.acquireLease(id, "a", T0, TTL).await();
    RunLease b = store.acquireLease(id, "b", T0.plus(TTL), TTL).await();

    assertThatThrownBy(() -> store.renewLease(a, T0.plusSeconds(11), TTL).await())
        .isInstanceOf(RunConflictException.class)
        .hasMessage("lease lost: run " + id + " is at epoch 2, node a held epoch 1");
    store.releaseLease(a).await();   // a stale release changes nothing
    assertThatThrownBy(() -> store.acquireLease(id, "c", T0.plusSeconds(11), TTL).await())
        .isInstanceOf(RunConflictException.class);

    assertThat(store.renewLease(b, T0.plusSeconds(12), TTL).await().expiresAt())
        .isEqualTo(T0.plusSeconds(22));
    store.releaseLease(b).await();
    assertThat(store.acquireLease(id, "c", T0.plusSeconds(12), TTL).await())
        .isEqualTo(new RunLease(id, "c", 3, T0.plusSeconds(22)));
  }

  @Test
  @Timeout(10)
  void concurrentTakeoversHaveOneWinner() {
    RunStore store = store();
    store.acquireLease(id, "dead", T0, TTL).await();
    List<Future<RunLease>> takeovers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      takeovers.add(store.acquireLease(id, "node-" + i, T0.plus(TTL), TTL));
    }
    Future.join(takeovers).otherwiseEmpty().await();

    assertThat(takeovers.stream().filter(Future::succeeded)).hasSize(1);
    assertThat(takeovers.stream().filter(Future::succeeded).findFirst().orElseThrow().result()
        .epoch()).isEqualTo(2);
  }
}
