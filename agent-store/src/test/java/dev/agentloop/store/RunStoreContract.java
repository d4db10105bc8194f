package dev.agentloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.agent.StopReason;
import dev.agentloop.openrouter.Message;
import dev.agentloop.run.JournalRecord;
import dev.agentloop.run.RunConflictException;
import dev.agentloop.run.RunRetention;
import dev.agentloop.run.RunRetentionOptions;
import dev.agentloop.run.RunInfo;
import dev.agentloop.run.RunStatus;
import dev.agentloop.run.RunStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every durable run store must do; subclasses provide the store. */
abstract class RunStoreContract {

  /** The store under test, fresh (or with unique run ids) for each test. */
  abstract RunStore store();

  abstract Vertx vertx();

  final String id = "run-" + UUID.randomUUID();

  static JournalRecord start(String id) {
    return new JournalRecord.RunStarted(id, "s", List.of(Message.user("hi")), null, null);
  }

  @Test
  @Timeout(10)
  void recordsComeBackInOrder() {
    RunStore store = store();
    store.append(id, 0, start(id)).await();
    store.append(id, 1, new JournalRecord.ToolStarted("c", "add", "{\"a\":1}")).await();
    store.append(id, 2, new JournalRecord.RunFinished(StopReason.COMPLETED, "ok")).await();

    assertThat(store.load(id).await()).containsExactly(
        start(id),
        new JournalRecord.ToolStarted("c", "add", "{\"a\":1}"),
        new JournalRecord.RunFinished(StopReason.COMPLETED, "ok"));
    assertThat(store.load("run-none").await()).isEmpty();
  }

  @Test
  @Timeout(10)
  void appendAtATakenOrMissingPositionConflicts() {
    RunStore store = store();
    store.append(id, 0, start(id)).await();
    store.append(id, 1, new JournalRecord.RunParked(List.of("c"))).await();

    assertThatThrownBy(() -> store.append(id, 1, new JournalRecord.RunParked(List.of("d"))).await())
        .isInstanceOf(RunConflictException.class);
    assertThatThrownBy(() -> store.append(id, 0, start(id)).await())
        .isInstanceOf(RunConflictException.class);
    assertThatThrownBy(() -> store.append(id, 5, new JournalRecord.RunParked(List.of())).await())
        .isInstanceOf(RunConflictException.class);
    assertThat(store.load(id).await()).hasSize(2);
    assertThat(store.list(RunStatus.AWAITING_APPROVAL, 1000).await())
        .extracting(RunInfo::runId).contains(id);
  }

  @Test
  @Timeout(10)
  void concurrentWritersAtOnePositionHaveOneWinner() {
    RunStore store = store();
    store.append(id, 0, start(id)).await();
    List<Future<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      writes.add(store.append(id, 1, new JournalRecord.ApprovalDecided("c", true, null, null)));
    }
    Future.join(writes).otherwiseEmpty().await();

    assertThat(writes.stream().filter(Future::succeeded)).hasSize(1);
    assertThat(writes.stream().filter(f -> f.cause() instanceof RunConflictException)).hasSize(7);
    assertThat(store.load(id).await()).hasSize(2);
  }

  @Test
  @Timeout(10)
  void pruneKeepsRunsThatCanStillBeResumed() {
    RunStore store = store();
    String finished = id + "-f";
    String parked = id + "-p";
    store.append(finished, 0, start(finished)).await();
    store.append(finished, 1, new JournalRecord.RunFinished(StopReason.COMPLETED, "x")).await();
    store.append(parked, 0, start(parked)).await();
    store.append(parked, 1, new JournalRecord.RunParked(List.of("c"))).await();
    store.append(id, 0, start(id)).await();

    assertThat(store.prune(Instant.now().minusSeconds(3600)).await()).isZero();
    assertThat(store.prune(Instant.now().plusSeconds(1)).await()).isGreaterThanOrEqualTo(1);

    assertThat(store.load(finished).await()).isEmpty();
    assertThat(store.load(parked).await()).hasSize(2);
    assertThat(store.load(id).await()).hasSize(1);
  }

  @Test
  @Timeout(10)
  void retentionPrunesFinishedRunsOnlyPastTheMaxAge() {
    RunStore store = store();
    String finished = id + "-f";
    String parked = id + "-p";
    store.append(finished, 0, start(finished)).await();
    store.append(finished, 1, new JournalRecord.RunFinished(StopReason.COMPLETED, "x")).await();
    store.append(parked, 0, start(parked)).await();
    store.append(parked, 1, new JournalRecord.RunParked(List.of("c"))).await();
    store.append(id, 0, start(id)).await();
    RunRetentionOptions week = new RunRetentionOptions().setMaxAge(Duration.ofDays(7));

    try (RunRetention sixDaysLater = RunRetention.start(vertx(), store,
        week.setClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(6))))) {
      sixDaysLater.prune().await();
      assertThat(store.load(finished).await()).hasSize(2);
    }
    try (RunRetention eightDaysLater = RunRetention.start(vertx(), store,
        week.setClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(8))))) {
      eightDaysLater.prune().await();
      assertThat(store.load(finished).await()).isEmpty();
      assertThat(store.load(parked).await()).hasSize(2);
      assertThat(store.load(id).await()).hasSize(1);
    }
  }

  @Test
  @Timeout(10)
  void callbacksRunOnTheCallersContext() {
    RunStore store = store();
    var context = vertx().getOrCreateContext();
    Future<Boolean> onContext = Future.future(p -> context.runOnContext(v ->
        store.append(id, 0, start(id)).onComplete(ar -> p.complete(
            io.vertx.core.Vertx.currentContext() == context && ar.succeeded()))));

    assertThat(onContext.await()).isTrue();
  }
}
