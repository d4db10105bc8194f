package dev.agentloop.store;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.run.RunStore;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Journaling overhead at 64 concurrent runs (tool call + answer, 6 journal records per run):
 * runs/s without a store, with the in-memory, SQLite and (when AGENTLOOP_PG_URL is set) PostgreSQL
 * stores. Not a unit test: run with {@code -Dagentloop.measure=true}; numbers go to stdout.
 */
@EnabledIfSystemProperty(named = "agentloop.measure", matches = "true")
class JournalOverheadMeasurement {

  static final int CONCURRENCY = 64;
  static final int RUNS = 1280;

  /** A trivial non-blocking tool. */
  public static final class Echo {
    /** Echoes. */
    @Tool(description = "Echoes", nonBlocking = true)
    public String echo(@Param(description = "text") String text) {
      return text;
    }
  }

  @Test
  void measure() throws Exception {
    Vertx vertx = Vertx.vertx();
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    fake.dispatcher(r -> r.body().getJsonArray("messages").size() > 2
        ? MockResponse.chat(MockChat.text("done"))
        : MockResponse.chat(MockChat.toolCall("echo", "{\"text\":\"hi\"}")));
    OpenRouterClient client = OpenRouterClient.create(vertx,
        new OpenRouterOptions().setApiKey("sk-bench").setBaseUrl(fake.baseUrl()));
    Path dir = Files.createTempDirectory("agentloop-bench");
    List<String> lines = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      lines.clear();
      lines.add(run(vertx, client, "none", null));
      lines.add(run(vertx, client, "in-memory", RunStore.inMemory()));
      JdbcRunStore sqlite = JdbcRunStore.open(vertx, "sqlite:" + dir.resolve("b" + round + ".db")).await();
      lines.add(run(vertx, client, "sqlite", sqlite));
      sqlite.close();
      if (PostgresRunStoreTest.url() != null) {
        JdbcRunStore pg = JdbcRunStore.open(vertx, new JdbcStoreOptions()
            .setUrl(PostgresRunStoreTest.url()).setUser(System.getenv("PGUSER"))
            .setPassword(System.getenv("PGPASSWORD")).setPoolSize(8)).await();
        lines.add(run(vertx, client, "postgresql", pg));
        pg.close();
      }
    }
    lines.forEach(System.out::println);
    client.close().await();
    fake.close().await();
    vertx.close().await();
  }

  private static String run(Vertx vertx, OpenRouterClient client, String name, RunStore store) {
    Agent agent = Agent.create(vertx, client, new AgentOptions().setModel("m")
        .setToolbox(Toolbox.builder().add(new Echo()).build()).setRunStore(store));
    long start = System.nanoTime();
    List<Future<Void>> workers = new ArrayList<>();
    int[] next = {0};
    for (int w = 0; w < CONCURRENCY; w++) {
      workers.add(loop(agent, next));
    }
    Future.all(workers).await();
    double seconds = (System.nanoTime() - start) / 1e9;
    return String.format("%-10s C=%d runs=%d %.0f runs/s (%.1f ms per run at C=%d)", name,
        CONCURRENCY, RUNS, RUNS / seconds, seconds * 1000 * CONCURRENCY / RUNS, CONCURRENCY);
  }

  private static Future<Void> loop(Agent agent, int[] next) {
    synchronized (next) {
      if (next[0] >= RUNS) {
        return Future.succeededFuture();
      }
      next[0]++;
    }
    return agent.run("go").compose(r -> loop(agent, next));
  }
}
