package dev.agentloop.openrouter.impl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.EmbeddingRequest;
import dev.agentloop.openrouter.EmbeddingResponse;
import io.vertx.core.Future;

/** Binds and checks an embeddings answer against its request. */
final class Embeddings {

  private Embeddings() {}

  /** Returns the typed answer, or a failed future when it does not fit the request. */
  static Future<EmbeddingResponse> check(
      JsonNode node, EmbeddingRequest request, ErrorMapper errors) {
    // Bound before binding: a vector's size decides how much memory binding takes.
    for (JsonNode item : node.path("data")) {
      JsonNode vector = item.path("embedding");
      if (!vector.isArray()) {
        return Future.failedFuture(errors.invalid("an embedding is not an array of numbers", null));
      }
      if (vector.size() > EmbeddingRequest.MAX_DIMENSIONS) {
        return Future.failedFuture(
            errors.invalid(
                "an embedding has "
                    + vector.size()
                    + " dimensions (max "
                    + EmbeddingRequest.MAX_DIMENSIONS
                    + ")",
                null));
      }
    }
    EmbeddingResponse response;
    try {
      response = Json.convert(node, EmbeddingResponse.class);
    } catch (RuntimeException e) {
      return Future.failedFuture(errors.invalid("the body is not an embeddings answer", e));
    }
    if (response.data().size() != request.input().size()) {
      return Future.failedFuture(
          errors.invalid(
              response.data().size() + " embeddings for " + request.input().size() + " inputs",
              null));
    }
    return Future.succeededFuture(response);
  }
}
