package dev.agentloop.agent.impl;

import dev.agentloop.openrouter.OpenRouterClient;
import io.vertx.core.Future;
import java.util.function.Function;

/** Looks up model capabilities ({@code supported_parameters}) through the client. */
final class Capabilities {

  private Capabilities() {}

  /** Returns a lookup answering whether a model supports {@code json_schema} structured output. */
  static Function<String, Future<Boolean>> lookup(OpenRouterClient client) {
    // TODO: wire to client.models() once the client implementation lands.
    return model -> Future.succeededFuture(true);
  }
}
