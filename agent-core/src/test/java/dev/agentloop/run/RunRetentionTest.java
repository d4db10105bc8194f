package dev.agentloop.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.agent.StopReason;
import dev.agentloop.openrouter.Message;
import dev.agentloop.run.impl.InMemoryRunStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RunRetentionTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    volatile Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static JournalRecord start(String id) {
    return new JournalRecord.RunStarted(id, "s", List.of(Message.user("hi")), null, null);
  }

  /** Writes a finished, a parked and a running run at the clock's current time. */
  private static void threeRuns(RunStore store) {
    store.append("finished", 0, start("finished")).await();
    store.append("finished", 1, new JournalRecord.RunFinished(StopReason.COMPLETED, "x")).await();
    store.append("parked", 0, start("parked")).await();
    store.append("parked", 1, new JournalRecord.RunParked(List.of("c"))).await();
    store.append("running", 0, start("running")).await();
  }

  @Test
  @Timeout(10)
  void finishedRunIsPrunedOnlyOnceOlderThanTheMaxAge(Vertx vertx) {
    TestClock clock = new TestClock();
    RunStore store = new InMemoryRunStore(clock);
    threeRuns(store);
    clock.now = T0.plus(Duration.ofDays(7));
    try (RunRetention retention = RunRetention.start(vertx, store,
        new RunRetentionOptions().setMaxAge(Duration.ofDays(7)).setClock(clock))) {
      assertThat(retention.prune().await()).isZero();
      assertThat(store.list(null, 10).await()).hasSize(3);

      clock.now = T0.plus(Duration.ofDays(7)).plusMillis(1);
      assertThat(retention.prune().await()).isEqualTo(1);
      assertThat(store.load("finished").await()).isEmpty();
    }
  }

  @Test
  @Timeout(10)
  void runsThatCanStillBeResumedAreNeverPruned(Vertx vertx) {
    TestClock clock = new TestClock();
    RunStore store = new InMemoryRunStore(clock);
    threeRuns(store);
    clock.now = T0.plus(Duration.ofDays(3650));
    try (RunRetention retention = RunRetention.start(vertx, store,
        new RunRetentionOptions().setMaxAge(Duration.ofSeconds(1)).setClock(clock))) {
      retention.prune().await();
      assertThat(store.list(null, 10).await()).extracting(RunInfo::runId)
          .containsExactlyInAnyOrder("parked", "running");
      assertThat(store.load("parked").await()).hasSize(2);
    }
  }

  @Test
  @Timeout(10)
  void prunesOnStartAndThenOnItsTimer(Vertx vertx) {
    TestClock clock = new TestClock();
    AtomicInteger calls = new AtomicInteger();
    Promise<Void> third = Promise.promise();
    RunStore counting = new Counting(new InMemoryRunStore(clock), () -> {
      if (calls.incrementAndGet() == 3) {
        third.tryComplete();
      }
    });
    threeRuns(counting);
    clock.now = T0.plus(Duration.ofDays(8));
    RunRetention retention = RunRetention.start(vertx, counting,
        new RunRetentionOptions().setInterval(Duration.ofMillis(20)).setClock(clock));
    assertThat(calls.get()).isEqualTo(1);
    assertThat(counting.load("finished").await()).isEmpty();

    third.future().await();
    retention.close();
    int after = calls.get();
    vertx.timer(100).await();
    assertThat(calls.get()).isEqualTo(after);
  }

  @Test
  void optionsRejectNonsense() {
    assertThat(RunRetentionOptions.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(RunRetentionOptions.parseDuration("12h")).isEqualTo(Duration.ofHours(12));
    assertThat(RunRetentionOptions.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(RunRetentionOptions.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> RunRetentionOptions.parseDuration("0d"))
        .hasMessage("a duration must be a positive number followed by s, m, h or d (e.g. 7d): 0d");
    assertThatThrownBy(() -> RunRetentionOptions.parseDuration("7 days"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RunRetentionOptions().setMaxAge(Duration.ofMillis(999)))
        .hasMessage("maxAge must be at least 1 s: PT0.999S");
    assertThatThrownBy(() -> new RunRetentionOptions().setInterval(Duration.ZERO))
        .hasMessage("interval must be at least 1 ms: PT0S");
  }

  /** Delegates, counting prunes. */
  private record Counting(RunStore store, Runnable onPrune) implements RunStore {
    @Override
    public Future<Void> append(String runId, int seq, JournalRecord record) {
      return store.append(runId, seq, record);
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
      onPrune.run();
      return store.prune(finishedBefore);
    }
  }
}
