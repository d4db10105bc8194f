package dev.agentloop.bench;

import io.vertx.core.Vertx;

/**
 * AgentLoop: an {@code Agent} with one {@code @Tool} method ({@link WeatherTools}), real schema
 * validation and argument binding, over {@code OpenRouterClient} pointed at the bench server.
 */
final class AgentLoopContender {

  private AgentLoopContender() {}

  /** Whether the agent loop is on the class path of this build. */
  static boolean available() {
    return false;
  }

  static AsyncContender create(Vertx vertx, String baseUrl, int concurrency) {
    throw new UnsupportedOperationException(
        "the agent loop (dev.agentloop.agent.Agent) is not on main yet");
  }
}
