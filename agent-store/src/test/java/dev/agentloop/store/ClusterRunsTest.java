package dev.agentloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.ToolApprover;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.openrouter.RetryOptions;
import dev.agentloop.run.JournalRecord;
import dev.agentloop.run.LeasedRunStore;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.Toolbox;
import dev.agentloop.vertx.AgentService;
import dev.agentloop.vertx.AgentServiceClient;
import dev.agentloop.vertx.AgentServiceRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three clustered Vert.x nodes on loopback (each with its own Hazelcast instance) sharing
 * PostgreSQL. Killing a node terminates its Hazelcast instance abruptly and closes its Vert.x,
 * without releasing anything. Skipped without {@code AGENTLOOP_PG_URL}.
 */
class ClusterRunsTest {

  static final Duration TTL = Duration.ofSeconds(2);

  /** Tools with a side effect each: one runs freely, one needs approval. */
  public static final class Ledger {
    final List<String> lines = new CopyOnWriteArrayList<>();

    /** Records a line. */
    @Tool(description = "Records a line", nonBlocking = true)
    public String record(@Param(description = "line") String line) {
      lines.add(line);
      return "recorded " + line;
    }

    /** Pays. */
    @Tool(description = "Pays an amount", requiresApproval = true, nonBlocking = true)
    public String pay(@Param(description = "amount") int amount) {
      lines.add("pay " + amount);
      return "paid " + amount;
    }
  }

  /** One node: its Vert.x, Hazelcast, store, agent and per-node address. */
  record Node(Vertx vertx, HazelcastClusterManager cluster, JdbcRunStore store,
      LeasedRunStore leased, OpenRouterClient client, String address) {}

  private Vertx local;
  private FakeOpenRouter fake;
  private final Ledger ledger = new Ledger();
  private final List<Node> nodes = new ArrayList<>();

  @BeforeEach
  void start() {
    assumeTrue(PostgresRunStoreTest.url() != null,
        "PostgreSQL tests skipped: AGENTLOOP_PG_URL is not set (.ci/run starts PostgreSQL and"
            + " sets it)");
    long t0 = System.nanoTime();
    local = Vertx.vertx();
    fake = FakeOpenRouter.start(local).await();
    String cluster = "agentloop-runs-" + UUID.randomUUID();
    int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
    String previous = System.setProperty("hazelcast.wait.seconds.before.join", "0");
    try {
      // The three members join at once: starting them one after another costs ~10 s each here.
      List<HazelcastClusterManager> managers = new ArrayList<>();
      List<Future<Vertx>> started = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(cluster, base));
        managers.add(manager);
        started.add(Vertx.builder()
            .with(new VertxOptions().setEventBusOptions(new EventBusOptions()
                .setHost("127.0.0.1").setClusterPublicHost("127.0.0.1")))
            .withClusterManager(manager)
            .buildClustered());
      }
      Future.all(started).await();
      for (int i = 1; i <= 3; i++) {
        nodes.add(node(started.get(i - 1).result(), managers.get(i - 1), i));
      }
    } finally {
      restore(previous);
    }
    System.out.printf("three nodes up in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterEach
  void stop() {
    for (Node n : nodes) {
      kill(n);
    }
    if (fake != null) {
      fake.close().await();
      local.close().await();
    }
  }

  @Test
  @Timeout(90)
  void conversationsApprovalsAndInFlightRunsContinueOnOtherNodes() {
    List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
    Promise<MockResponse> held = Promise.promise();
    Promise<Void> inFlight = Promise.promise();
    fake.asyncDispatcher(r -> {
      seen.add(r);
      String last = lastUserText(r);
      String lastRole = lastRole(r);
      if (last.equals("My name is Ada.")) {
        return answer(MockChat.text("Hello Ada."));
      }
      if (last.equals("What is my name?")) {
        return answer(MockChat.text(
            r.messages().encode().contains("My name is Ada.") ? "Ada." : "I don't know."));
      }
      if (last.equals("pay 40")) {
        return answer(lastRole.equals("tool") ? MockChat.text("paid 40, done")
            : MockChat.toolCall("pay", "{\"amount\":40}"));
      }
      if (last.equals("record it")) {
        if (!lastRole.equals("tool")) {
          return answer(MockChat.toolCall("record", "{\"line\":\"ledger entry\"}"));
        }
        if (!inFlight.future().isComplete()) {
          inFlight.complete();
          return held.future();   // node 1 dies while waiting for this answer
        }
        return answer(MockChat.text("recorded, done"));
      }
      return answer(MockChat.text("?"));
    });
    long t0 = System.nanoTime();
    Node n1 = nodes.get(0);
    Node n2 = nodes.get(1);
    Node n3 = nodes.get(2);

    // A parked run started on node 1 is approved through node 3.
    AgentServiceClient one = AgentServiceClient.create(n3.vertx(), n1.address());
    String parked = one.startRun("pay 40").await().getString("id");
    JsonObject pending = awaitStatus(n3, parked, "awaiting_approval")
        .getJsonArray("pending_approvals").getJsonObject(0);
    // The decision answers once it is journaled; the run then finishes in the background.
    assertThat(AgentServiceClient.create(n2.vertx(), n3.address())
        .approve(parked, pending.getString("call_id"), null).await().getString("status"))
        .isEqualTo("running");
    JsonObject approved = awaitStatus(n3, parked, "finished");
    assertThat(approved.getString("text")).isEqualTo("paid 40, done");

    // A conversation on node 1, and a run in flight on node 1 when it dies.
    AgentServiceClient.create(n2.vertx(), n1.address())
        .run(AgentServiceRequest.of("My name is Ada.").withConversationId("c-1")).await();
    String flying = one.startRun("record it").await().getString("id");
    inFlight.future().await();
    kill(n1);
    nodes.remove(n1);

    String name = AgentServiceClient.create(n3.vertx(), n2.address())
        .run(AgentServiceRequest.of("What is my name?").withConversationId("c-1")).await().text();
    assertThat(name).isEqualTo("Ada.");
    JsonObject done = awaitStatus(n2, flying, "finished");
    assertThat(done.getString("text")).isEqualTo("recorded, done");
    held.complete(MockResponse.chat(MockChat.text("too late")));

    System.out.printf("cluster scenario took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    assertThat(ledger.lines).containsExactly("pay 40", "ledger entry");
    List<JournalRecord> journal = n2.store().load(flying).await();
    assertThat(journal.stream().filter(r -> r instanceof JournalRecord.ToolStarted)).hasSize(1);
    assertThat(n2.store().acquireLease(flying, "probe", java.time.Instant.now(), TTL).await()
        .epoch()).isEqualTo(3);   // node 1, then the node that took it over, then the probe
  }

  private static Future<MockResponse> answer(MockChat chat) {
    return Future.succeededFuture(MockResponse.chat(chat));
  }

  private static String lastUserText(RecordedRequest r) {
    String text = "";
    for (Object o : r.messages()) {
      JsonObject m = (JsonObject) o;
      if ("user".equals(m.getString("role"))) {
        text = m.getString("content");
      }
    }
    return text;
  }

  private static String lastRole(RecordedRequest r) {
    return ((JsonObject) r.messages().getValue(r.messages().size() - 1)).getString("role");
  }

  private JsonObject awaitStatus(Node via, String runId, String status) {
    AgentServiceClient client = AgentServiceClient.create(via.vertx(), via.address());
    for (int i = 0; i < 500; i++) {
      // Until its first record is written (the start answers before) the run is unknown: 404.
      JsonObject run = client.getRun(runId).otherwiseEmpty().await();
      if (run != null && status.equals(run.getString("status"))) {
        return run;
      }
      via.vertx().timer(50).await();
    }
    throw new AssertionError("run " + runId + " never reached " + status);
  }

  private static Config hazelcast(String clusterName, int base) {
    Config hazelcast = ConfigUtil.loadConfig();
    hazelcast.setClusterName(clusterName);
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    hazelcast.setProperty("hazelcast.logging.type", "slf4j");
    hazelcast.setProperty("hazelcast.socket.bind.any", "false");
    hazelcast.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hazelcast.setProperty("hazelcast.max.no.heartbeat.seconds", "4");
    NetworkConfig network = hazelcast.getNetworkConfig();
    network.setPort(base).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    network.getJoin().getMulticastConfig().setEnabled(false);
    network.getJoin().getAutoDetectionConfig().setEnabled(false);
    network.getJoin().getTcpIpConfig().setEnabled(true).setMembers(
        List.of("127.0.0.1:" + base, "127.0.0.1:" + (base + 1), "127.0.0.1:" + (base + 2)));
    return hazelcast;
  }

  private Node node(Vertx vertx, HazelcastClusterManager manager, int i) {
    JdbcRunStore store = PostgresConversationStoreTest.openPostgres(vertx);
    LeasedRunStore leased = LeasedRunStore.create(vertx, store, "node-" + i + "-"
        + UUID.randomUUID(), TTL);
    OpenRouterClient client = OpenRouterClient.create(vertx, new OpenRouterOptions()
        .setApiKey("sk-test").setBaseUrl(fake.baseUrl())
        .setRetry(new RetryOptions().setMaxAttempts(1)));
    Agent agent = Agent.create(vertx, client, new AgentOptions().setModel("m").setName("payer")
        .setToolbox(Toolbox.builder().add(ledger).build()).setRunStore(leased)
        .setApprover((call, spec) -> Future.succeededFuture(ToolApprover.Decision.defer())));
    String address = "agents.payer.node" + i;
    AgentService.register(vertx, address, agent).completion().await();
    leased.startTakeover(agent, Duration.ofMillis(500));
    return new Node(vertx, manager, store, leased, client, address);
  }

  /** Kills a node: its Hazelcast instance terminates abruptly, then its Vert.x closes. */
  /**
   * Kills a node as a crash would: its store goes first, so the runs it abandons cannot journal an
   * end while Vert.x shuts down (a graceful close fails their requests, and a run whose failure was
   * journaled in that window looked finished, with no text, to the other nodes).
   */
  private static void kill(Node n) {
    n.store().close();
    try {
      n.cluster().getHazelcastInstance().getLifecycleService().terminate();
    } catch (RuntimeException alreadyDown) {
      // closed before
    }
    n.vertx().close().otherwiseEmpty().await();
  }

  private static void restore(String previous) {
    if (previous == null) {
      System.clearProperty("hazelcast.wait.seconds.before.join");
    } else {
      System.setProperty("hazelcast.wait.seconds.before.join", previous);
    }
  }

}
