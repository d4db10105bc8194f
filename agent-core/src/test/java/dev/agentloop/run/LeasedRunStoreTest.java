package dev.agentloop.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.AgentRunException;
import dev.agentloop.agent.StopReason;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.openrouter.RetryOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Leases with a fencing epoch and the takeover of a lapsed node's runs, on a test clock. */
@ExtendWith(VertxExtension.class)
class LeasedRunStoreTest {

  static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
  static final Duration TTL = Duration.ofSeconds(10);

  /** A side effect that must happen at most once. */
  public static final class Ledger {
    final List<String> lines = new CopyOnWriteArrayList<>();

    /** Records a line. */
    @Tool(description = "Records a line", nonBlocking = true)
    public String record(@Param(description = "line") String line) {
      lines.add(line);
      return "recorded " + line;
    }
  }

  @Test
  @Timeout(10)
  void aLapsedNodesRunIsTakenOverAndItsLateWritesAreRefused(Vertx vertx) {
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    Promise<MockResponse> held = Promise.promise();
    Promise<Void> nodeAWaits = Promise.promise();
    AtomicInteger requests = new AtomicInteger();
    fake.asyncDispatcher(r -> switch (requests.incrementAndGet()) {
      case 1 -> Future.succeededFuture(MockResponse.chat(MockChat.toolCall("record",
          "{\"line\":\"paid 40\"}")));
      case 2 -> {
        nodeAWaits.complete();
        yield held.future();   // node A's next model call never answers while it is "paused"
      }
      default -> Future.succeededFuture(MockResponse.chat(MockChat.text("done")));
    });
    OpenRouterClient client = OpenRouterClient.create(vertx, new OpenRouterOptions()
        .setApiKey("sk-test").setBaseUrl(fake.baseUrl()).setRetry(new RetryOptions().setMaxAttempts(1)));
    RunStore shared = RunStore.inMemory();
    Ledger ledger = new Ledger();
    // Node A's clock stands still (a paused node renews nothing past T0 + TTL); B lives later.
    LeasedRunStore a = LeasedRunStore.create(vertx, shared, "node-a", TTL,
        Clock.fixed(T0, ZoneOffset.UTC));
    LeasedRunStore b = LeasedRunStore.create(vertx, shared, "node-b", TTL,
        Clock.fixed(T0.plus(TTL).plusSeconds(1), ZoneOffset.UTC));
    Agent agentA = agent(vertx, client, a, ledger);
    Agent agentB = agent(vertx, client, b, ledger);

    Future<AgentResult> onA = agentA.run("pay 40");
    nodeAWaits.future().await();
    String runId = a.leases().keySet().iterator().next();
    assertThat(a.leases().get(runId).epoch()).isEqualTo(1);

    assertThat(b.takeOver(agentB, 10).await()).containsExactly(runId);
    awaitFinished(vertx, shared, runId);
    held.complete(MockResponse.chat(MockChat.text("late answer from A")));
    StopReason onAStopped = onA.transform(ar -> Future.succeededFuture(ar.succeeded()
        ? ar.result().stopReason()
        : ((AgentRunException) ar.cause()).result().stopReason())).await();

    assertThat(onAStopped).isEqualTo(StopReason.STORE_ERROR);
    assertThat(ledger.lines).containsExactly("paid 40");
    List<JournalRecord> journal = shared.load(runId).await();
    assertThat(journal.get(journal.size() - 1))
        .isEqualTo(new JournalRecord.RunFinished(StopReason.COMPLETED, "done"));
    assertThat(journal.stream().filter(r -> r instanceof JournalRecord.ToolStarted)).hasSize(1);
    assertThat(journal.stream().filter(r -> r instanceof JournalRecord.ModelResponded)
        .map(r -> ((JournalRecord.ModelResponded) r).message().content()))
        .doesNotContain("late answer from A");
    assertThat(b.leases()).isEmpty();
    a.close().await();
    b.close().await();
    client.close().await();
    fake.close().await();
  }

  @Test
  @Timeout(10)
  void aLiveOwnersRunIsLeftAlone(Vertx vertx) {
    RunStore shared = RunStore.inMemory();
    LeasedRunStore a = LeasedRunStore.create(vertx, shared, "node-a", TTL,
        Clock.fixed(T0, ZoneOffset.UTC));
    LeasedRunStore b = LeasedRunStore.create(vertx, shared, "node-b", TTL,
        Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC));
    a.append("run-1", 0, new JournalRecord.RunStarted("run-1", "s", List.of(), null, null))
        .await();
    OpenRouterClient client = OpenRouterClient.create(vertx,
        new OpenRouterOptions().setApiKey("sk-test").setBaseUrl("http://127.0.0.1:9"));

    assertThat(b.takeOver(agent(vertx, client, b, new Ledger()), 10).await()).isEmpty();
    assertThatThrownBy(() -> b.append("run-1", 1, new JournalRecord.RunParked(List.of())).await())
        .isInstanceOf(RunConflictException.class)
        .hasMessage("run run-1 is leased by node node-a until 2026-12-01T12:00:10Z");
    assertThat(a.leases()).containsOnlyKeys("run-1");
    a.close().await();
    b.close().await();
    client.close().await();
  }

  @Test
  void leaseTimeAndNodeAreValidated(Vertx vertx) {
    assertThatThrownBy(() -> LeasedRunStore.create(vertx, RunStore.inMemory(), "n",
        Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ttl must be at least 30 ms: PT0.01S");
    assertThatThrownBy(() -> LeasedRunStore.create(vertx, RunStore.inMemory(), "", TTL))
        .hasMessage("node must not be empty");
  }

  private static Agent agent(Vertx vertx, OpenRouterClient client, RunStore store, Ledger ledger) {
    return Agent.create(vertx, client, new AgentOptions().setModel("m").setName("payer")
        .setToolbox(Toolbox.builder().add(ledger).build()).setRunStore(store));
  }

  /** Waits until the run's journal ends (the taken-over run's result future is not exposed). */
  private static void awaitFinished(Vertx vertx, RunStore store, String runId) {
    for (int i = 0; i < 250; i++) {
      List<JournalRecord> journal = store.load(runId).await();
      if (!journal.isEmpty() && journal.get(journal.size() - 1) instanceof JournalRecord.RunFinished) {
        return;
      }
      vertx.timer(20).await();
    }
    throw new AssertionError("the run never finished: " + runId);
  }
}
