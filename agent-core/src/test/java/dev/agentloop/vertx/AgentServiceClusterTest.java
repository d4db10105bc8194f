package dev.agentloop.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
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

  /** A clustered Vert.x whose Hazelcast member only talks to members on 127.0.0.1. */
  private static Vertx clustered(String clusterName, int basePort) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(basePort).setPortAutoIncrement(true).setPortCount(10);
    network.getInterfaces().setEnabled(true).setInterfaces(List.of("127.0.0.1"));
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true)
        .setMembers(List.of("127.0.0.1:" + basePort, "127.0.0.1:" + (basePort + 1)));
    VertxOptions options = new VertxOptions()
        .setEventBusOptions(new EventBusOptions().setHost("127.0.0.1").setClusterPublicHost("127.0.0.1"));
    return Vertx.builder()
        .with(options)
        .withClusterManager(new HazelcastClusterManager(config))
        .buildClustered()
        .await();
  }
}
