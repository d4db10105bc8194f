package dev.agentloop.vertx;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.openrouter.RetryOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A FakeOpenRouter on loopback, the real client pointed at it with a recognisable API key, and an
 * agent with the {@link CityWeather} tool. Created on the JUnit thread (setup may await).
 */
final class EmbeddingFixture {

  /** The server's OpenRouter key: no response may ever contain it. */
  static final String KEY = "sk-or-v1-SECRET-0123456789abcdef";

  final Vertx vertx;
  final FakeOpenRouter fake;
  final OpenRouterClient client;
  final CityWeather tools = new CityWeather();
  final Toolbox toolbox;
  private final List<HttpServer> servers = new ArrayList<>();

  private EmbeddingFixture(Vertx vertx, FakeOpenRouter fake) {
    this.vertx = vertx;
    this.fake = fake;
    this.client = OpenRouterClient.create(vertx, new OpenRouterOptions()
        .setApiKey(KEY)
        .setBaseUrl(fake.baseUrl())
        .setRetry(new RetryOptions().setMaxAttempts(1)));
    this.toolbox = Toolbox.builder().add(tools).build();
  }

  static EmbeddingFixture start(Vertx vertx) {
    return new EmbeddingFixture(vertx, FakeOpenRouter.start(vertx).await());
  }

  AgentOptions options() {
    return new AgentOptions()
        .setModel("openai/gpt-4o-mini")
        .setInstructions("You are a weather assistant.")
        .setToolbox(toolbox)
        .setToolTimeout(Duration.ofSeconds(5));
  }

  Agent agent() {
    return Agent.create(vertx, client, options());
  }

  /** Serves the agent as {@code weather} with the routes' options; returns the port. */
  int serve(AgentRoutesOptions options) {
    return serve(options, agent());
  }

  /** Serves the given agent as {@code weather}; returns the port. */
  int serve(AgentRoutesOptions options, Agent agent) {
    Router router = Router.router(vertx);
    AgentRoutes.create(vertx, options).add("weather", agent).mount(router);
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    servers.add(server);
    return server.actualPort();
  }

  void close() {
    servers.forEach(s -> s.close().await());
    client.close().await();
    fake.close().await();
  }
}
