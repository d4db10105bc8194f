package dev.agentloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The journaling contenders run in the harness, and their ratios to agentloop are reported. */
class JournaledTest {

  private static JsonObject result(String contender, double convPerSec, double cpu, double p50) {
    return new JsonObject().put("contender", contender).put("concurrency", 64)
        .put("latencyMs", 0L).put("convPerSec", convPerSec).put("cpuMsPerConv", cpu)
        .put("p50Ms", p50);
  }

  @Test
  void ratiosCompareEachStoreToAgentLoopWithoutOne() {
    List<JsonObject> all = List.of(
        result("agentloop", 400, 2.0, 150),
        result("agentloop-journal-memory", 300, 2.5, 200),
        result("agentloop-journal-sqlite", 40, 4.0, 1500));

    assertThat(Journaled.ratios(all)).isEqualTo("""

        Journaling overhead (ratios within this run):
        - C=64, 0 ms: agentloop-journal-memory; vs no store 0.75x conv/s, 1.25x CPU ms/conv
        - C=64, 0 ms: agentloop-journal-sqlite; vs no store 0.10x conv/s, 2.00x CPU ms/conv\
        ; vs in-memory 0.13x conv/s, 1.60x CPU ms/conv
        """);
    assertThat(Journaled.ratios(List.of(result("agentloop", 1, 1, 1)))).isEmpty();
  }

  @Test
  void postgresNeedsItsUrl() {
    assertThat(Journaled.notApplicable("agentloop-journal-pg", Map.of()))
        .isEqualTo("set AGENTLOOP_PG_URL (and PGUSER, PGPASSWORD) to a PostgreSQL database");
    assertThat(Journaled.notApplicable("agentloop-journal-pg",
        Map.of("AGENTLOOP_PG_URL", "jdbc:postgresql://h/db"))).isNull();
    assertThat(Journaled.notApplicable("agentloop-journal-sqlite", Map.of())).isNull();
  }

  @Test
  @Timeout(60)
  void journalingContendersCompleteConversationsWithoutErrors() throws Exception {
    Vertx vertx = Vertx.vertx();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    int p = port;
    vertx.deployVerticle(() -> new BenchServer(p, 0), new DeploymentOptions()).await();
    try {
      for (String contender : List.of("agentloop-journal-sqlite")) {
        JsonObject r = BenchClient.run(
            contender, 2, "http://127.0.0.1:" + port + "/api/v1", 200, 0, 500, 5_000);
        assertThat(r.getLong("totalConversations")).as(r.encode()).isPositive();
        assertThat(r.getLong("errors")).as(r.encode()).isZero();
      }
    } finally {
      vertx.close().await();
    }
  }
}
