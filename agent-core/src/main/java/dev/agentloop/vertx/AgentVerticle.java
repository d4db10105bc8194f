package dev.agentloop.vertx;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.openrouter.ChatParameters;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A verticle that serves one agent on an event-bus address, configured by its deployment
 * configuration. It reads {@link AgentOptions} from the configuration, asks its {@link
 * AgentFactory} for the agent, and registers it with {@link AgentService}; undeploying it stops
 * serving.
 *
 * <p>Configuration keys: {@code address} (required); every agent option of {@link
 * AgentOptions#AgentOptions(JsonObject)} ({@code parameters}, {@code instructions}, {@code
 * maxIterations}, {@code toolTimeout}, {@code timeout}, budgets and limits); the shortcuts {@code
 * model}, {@code maxTokens}, {@code temperature} and {@code timeoutSeconds} (see {@link
 * #options(JsonObject)}); {@code maxConversations} and {@code memoryMaxTokens} (see {@link
 * AgentServiceOptions}).
 *
 * <pre>{@code
 * vertx.deployVerticle(
 *     new AgentVerticle((v, options, config) -> Agent.create(v, client, options.setToolbox(tools))),
 *     new DeploymentOptions().setConfig(new JsonObject()
 *         .put("address", "agents.weather")
 *         .put("model", "openai/gpt-4o-mini")
 *         .put("instructions", "You are a weather assistant.")));
 * }</pre>
 *
 * <p>Deployment fails with {@link IllegalArgumentException} when the configuration is invalid.
 */
public class AgentVerticle extends VerticleBase {

  private final AgentFactory factory;
  private @Nullable MessageConsumer<JsonObject> consumer;

  /** Creates a verticle whose agent the factory creates at start. */
  public AgentVerticle(AgentFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory == null");
  }

  /**
   * Reads agent options from a configuration: every key of {@link AgentOptions#AgentOptions(
   * JsonObject)} (e.g. {@code parameters}, {@code instructions}, {@code maxIterations}, {@code
   * toolTimeout}, {@code maxCostUsd}), plus the shortcuts {@code model}, {@code maxTokens} and
   * {@code temperature} (which override the same fields of {@code parameters}) and {@code
   * timeoutSeconds}.
   *
   * @throws IllegalArgumentException when a value is invalid
   */
  public static AgentOptions options(JsonObject config) {
    AgentOptions options = new AgentOptions(config);
    ChatParameters.Builder shortcuts = ChatParameters.builder();
    try {
      shortcuts
          .model(config.getString("model"))
          .maxTokens(config.getInteger("maxTokens"))
          .temperature(config.getDouble("temperature"));
      if (config.containsKey("timeoutSeconds")) {
        options.setTimeout(Duration.ofSeconds(config.getLong("timeoutSeconds")));
      }
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("invalid agent configuration: " + e.getMessage(), e);
    }
    return options.setParameters(options.getParameters().overrideWith(shortcuts.build()));
  }

  @Override
  public Future<?> start() {
    JsonObject config = config();
    String address = config.getString("address");
    if (address == null || address.isBlank()) {
      return Future.failedFuture(
          new IllegalArgumentException(
              "the configuration must name an 'address': " + config.encode()));
    }
    try {
      AgentServiceOptions serviceOptions = new AgentServiceOptions(config);
      consumer =
          AgentService.register(
              vertx, address, factory.create(vertx, options(config), config), serviceOptions);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
