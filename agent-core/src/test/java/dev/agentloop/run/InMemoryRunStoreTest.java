package dev.agentloop.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.agent.StopReason;
import dev.agentloop.openrouter.Message;
import dev.agentloop.run.impl.InMemoryRunStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRunStoreTest {

  private static final JournalRecord START =
      new JournalRecord.RunStarted("r", "s", List.of(Message.user("hi")), null, null);

  @Test
  void appendAtATakenPositionConflicts() {
    RunStore store = RunStore.inMemory();
    store.append("r", 0, START).await();
    store.append("r", 1, new JournalRecord.ToolStarted("c", "add", "{}")).await();

    assertThatThrownBy(
            () -> store.append("r", 1, new JournalRecord.RunFinished(StopReason.COMPLETED, null))
                .await())
        .isInstanceOf(RunConflictException.class)
        .hasMessage("journal conflict: run r already has 2 records, the write expected 1");
    assertThat(store.load("r").await()).hasSize(2);
    assertThat(store.load("unknown").await()).isEmpty();
  }

  @Test
  void listFiltersByStatus() {
    RunStore store = RunStore.inMemory();
    store.append("a", 0, START).await();
    store.append("b", 0, START).await();
    store.append("b", 1, new JournalRecord.RunParked(List.of("c"))).await();
    store.append("c", 0, START).await();
    store.append("c", 1, new JournalRecord.RunFinished(StopReason.COMPLETED, "x")).await();

    assertThat(store.list(RunStatus.AWAITING_APPROVAL, 10).await())
        .extracting(RunInfo::runId).containsExactly("b");
    assertThat(store.list(RunStatus.RUNNING, 10).await())
        .extracting(RunInfo::runId).containsExactly("a");
    assertThat(store.list(null, 10).await()).hasSize(3);
    assertThat(store.list(null, 2).await()).hasSize(2);
  }

  @Test
  void pruneRemovesOnlyOldFinishedRuns() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    RunStore store = new InMemoryRunStore(Clock.fixed(t0, ZoneOffset.UTC));
    store.append("finished", 0, START).await();
    store.append("finished", 1, new JournalRecord.RunFinished(StopReason.COMPLETED, "x")).await();
    store.append("parked", 0, START).await();
    store.append("parked", 1, new JournalRecord.RunParked(List.of("c"))).await();
    store.append("running", 0, START).await();

    assertThat(store.prune(t0).await()).isZero();
    assertThat(store.prune(t0.plusSeconds(1)).await()).isEqualTo(1);
    assertThat(store.list(null, 10).await())
        .extracting(RunInfo::runId).containsExactlyInAnyOrder("parked", "running");
  }
}
