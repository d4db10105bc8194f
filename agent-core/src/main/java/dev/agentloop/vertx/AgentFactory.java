package dev.agentloop.vertx;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Creates the agent an {@link AgentVerticle} serves, from options the verticle read from its
 * configuration. The factory adds what configuration cannot carry: the OpenRouter client, the
 * tools, an approval hook.
 *
 * <pre>{@code
 * AgentFactory factory = (vertx, options, config) ->
 *     Agent.create(vertx, client, options.setToolbox(Toolbox.builder().add(new WeatherTools()).build()));
 * }</pre>
 */
@FunctionalInterface
public interface AgentFactory {

  /**
   * Creates the agent. Called on the verticle's context when it starts; must not block.
   *
   * @param vertx the verticle's Vert.x instance
   * @param options options read from the configuration (model, instructions, limits); the factory
   *     may change them
   * @param config the verticle's whole configuration, for keys of its own
   * @return the agent
   */
  Agent create(Vertx vertx, AgentOptions options, JsonObject config);
}
