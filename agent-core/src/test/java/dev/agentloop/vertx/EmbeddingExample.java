package dev.agentloop.vertx;

import com.hazelcast.config.Config;
import com.hazelcast.config.NetworkConfig;
import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.util.List;

/** The snippets of docs/embedding.md, compiled here and run by {@link EmbeddingDocTest}. */
final class EmbeddingExample {

  private EmbeddingExample() {}

  static Future<AgentResult> eventBus(Vertx vertx, OpenRouterClient client, Toolbox tools) {
    // tag::eventbus[]
    // Serve an agent on an event-bus address; the verticle reads its options from the config.
    AgentFactory factory = (v, options, config) -> Agent.create(v, client, options.setToolbox(tools));
    JsonObject config = new JsonObject()
        .put("address", "agents.weather")
        .put("model", "openai/gpt-4o-mini")
        .put("instructions", "You are a weather assistant.");
    Future<String> deployed =
        vertx.deployVerticle(new AgentVerticle(factory), new DeploymentOptions().setConfig(config));

    // Call it from anywhere on the event bus, printing its events as they happen.
    AgentServiceClient weather = AgentServiceClient.create(vertx, "agents.weather");
    Future<AgentResult> answer = deployed.compose(id -> weather.stream(
        AgentServiceRequest.of("Will it snow in Oslo?").withConversationId("user-42"),
        event -> System.out.println(event.getString("type") + " " + event.getString("text", ""))));
    // end::eventbus[]
    return answer;
  }

  static Future<HttpServer> http(Vertx vertx, Agent agent, String token, int port) {
    // tag::http[]
    Router router = Router.router(vertx);
    AgentRoutes.create(vertx, new AgentRoutesOptions()
            .addToken(token, "frontend")                  // bearer token -> caller name
            .setRateLimit(30, Duration.ofMinutes(1)))      // per caller
        .add("weather", agent)                            // POST /agents/weather/run, .../stream
        .mount(router);                                   // and /v1/chat/completions, /v1/models
    Future<HttpServer> server = vertx.createHttpServer().requestHandler(router).listen(port);
    // end::http[]
    return server;
  }

  static Future<Vertx> clustered(String clusterName, List<String> members, String iface, int port) {
    // tag::cluster[]
    Config hazelcast = ConfigUtil.loadConfig();           // Vert.x's defaults, then adjust
    hazelcast.setClusterName(clusterName);
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    hazelcast.setProperty("hazelcast.logging.type", "slf4j");
    hazelcast.setProperty("hazelcast.socket.bind.any", "false");  // only the interface below
    NetworkConfig network = hazelcast.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).addInterface(iface);
    network.getJoin().getMulticastConfig().setEnabled(false);
    network.getJoin().getAutoDetectionConfig().setEnabled(false);
    network.getJoin().getTcpIpConfig().setEnabled(true).setMembers(members);

    Future<Vertx> vertx = Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions()
            .setHost(iface).setClusterPublicHost(iface)))  // where other nodes reach this one
        .withClusterManager(new HazelcastClusterManager(hazelcast))
        .buildClustered();
    // end::cluster[]
    return vertx;
  }
}
