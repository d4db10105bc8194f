package dev.agentloop.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.AgentResult;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two clustered Vert.x instances on loopback: an agent served on one node is run from the other,
 * with its events streamed across the cluster.
 */
class AgentServiceClusterTest {

  @Test
  @Timeout(60)
  void agentOnOneNodeServesCallerOnAnother() {
    int basePort = ThreadLocalRandom.current().nextInt(20_000, 40_000);
    String cluster = "agentloop-test-" + UUID.randomUUID();
    Vertx server = clustered(cluster, basePort);
    Vertx caller = null;
    try {
      caller = clustered(cluster, basePort);
      EmbeddingFixture f = EmbeddingFixture.start(server);
      f.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Bergen\"}"));
      f.fake.enqueue(MockChat.streamText("Bergen: rain, as always.", 4));
      AgentService.register(server, "agents.weather", f.agent()).completion().await();
      List<JsonObject> events = new CopyOnWriteArrayList<>();

      AgentResult result = AgentServiceClient.create(caller, "agents.weather")
          .stream(AgentServiceRequest.of("Weather in Bergen?").withConversationId("c1"), events::add)
          .await();

      assertThat(result.text()).isEqualTo("Bergen: rain, as always.");
      assertThat(result.toolExecutions()).singleElement()
          .satisfies(call -> assertThat(call.result().content()).contains("Bergen"));
      assertThat(f.tools.cities).containsExactly("Bergen");
      List<String> types = events.stream().map(e -> e.getString("type")).toList();
      assertThat(types).startsWith("run_started").endsWith("run_finished")
          .contains("tool_call_finished", "text_delta");
      assertThat(events.get(events.size() - 1).getJsonObject("result").getString("text"))
          .isEqualTo("Bergen: rain, as always.");
      f.close();
    } finally {
      if (caller != null) {
        caller.close().await();
      }
      server.close().await();
    }
  }

  /** The documented clustered Vert.x, on loopback. */
  private static Vertx clustered(String clusterName, int basePort) {
    // Joining waits a few seconds for other members by default; a test knows they are there.
    String previous = System.setProperty("hazelcast.wait.seconds.before.join", "0");
    try {
      return EmbeddingExample.clustered(clusterName,
              List.of("127.0.0.1:" + basePort, "127.0.0.1:" + (basePort + 1)), "127.0.0.1", basePort)
          .await();
    } finally {
      if (previous == null) {
        System.clearProperty("hazelcast.wait.seconds.before.join");
      } else {
        System.setProperty("hazelcast.wait.seconds.before.join", previous);
      }
    }
  }
}
