package dev.agentloop.agent.impl;

import dev.agentloop.openrouter.ModelInfo;
import dev.agentloop.openrouter.OpenRouterClient;
import io.vertx.core.Future;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Model capabilities ({@code supported_parameters}) from the client's model catalogue, fetched once
 * per agent and shared by its runs. A failed fetch is not cached, so a later run retries.
 */
final class Capabilities {

  private final OpenRouterClient client;
  private @Nullable Future<List<ModelInfo>> catalogue;

  Capabilities(OpenRouterClient client) {
    this.client = client;
  }

  /**
   * Returns whether a model supports {@code json_schema} structured output. Models missing from the
   * catalogue, entries listing no parameters, and lookup failures count as supporting it: a request
   * then fails loudly rather than silently losing the schema. The future never fails.
   */
  Future<Boolean> supportsJsonSchema(String model) {
    return catalogue().map(models -> supports(models, model)).otherwise(true);
  }

  private synchronized Future<List<ModelInfo>> catalogue() {
    Future<List<ModelInfo>> current = catalogue;
    if (current == null || current.failed()) {
      current = client.models();
      catalogue = current;
    }
    return current;
  }

  private static boolean supports(List<ModelInfo> models, String model) {
    String base = model.contains(":") ? model.substring(0, model.indexOf(':')) : model;
    for (ModelInfo info : models) {
      if (info.id().equals(model) || info.id().equals(base)) {
        return info.supportedParameters().isEmpty() || info.supportsStructuredOutputs();
      }
    }
    return true;
  }
}
