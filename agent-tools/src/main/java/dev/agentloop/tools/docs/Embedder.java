package dev.agentloop.tools.docs;

import dev.agentloop.openrouter.EmbeddingRequest;
import dev.agentloop.openrouter.OpenRouterClient;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns texts into vectors for {@link DocumentSearch}'s hybrid ranking. Implementations return one
 * vector of {@link #dimensions()} floats per text, in input order.
 *
 * <pre>{@code
 * Embedder embedder = Embedder.openRouter(client, "openai/text-embedding-3-small", 512);
 * DocumentSearch docs = DocumentSearch.index(Path.of("docs"), new DocumentSearchOptions(), embedder);
 * }</pre>
 */
public interface Embedder {

  /** The largest vector Lucene's KNN field indexes: {@value} dimensions. */
  int MAX_DIMENSIONS = 1024;

  /** The most texts {@link #openRouter} sends in one request: {@value}. */
  int MAX_BATCH = 256;

  /** The size of every vector this embedder returns. */
  int dimensions();

  /**
   * Embeds texts.
   *
   * @param texts the texts, none empty
   * @return one vector per text, in order; a failed future when the embedding service fails
   */
  Future<List<float[]>> embed(List<String> texts);

  /**
   * Returns an embedder on OpenRouter's {@code /embeddings}: batches of at most {@link #MAX_BATCH}
   * texts, sent one after the other, asking for {@code dimensions}-sized vectors.
   *
   * @param client the client (not closed by the embedder)
   * @param model an embedding model that can shorten its vectors, e.g. {@code
   *     openai/text-embedding-3-small}
   * @param dimensions 1 to {@link #MAX_DIMENSIONS}
   * @throws IllegalArgumentException when {@code dimensions} is out of range
   */
  static Embedder openRouter(OpenRouterClient client, String model, int dimensions) {
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(model, "model == null");
    if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
      throw new IllegalArgumentException(
          "dimensions must be in 1.." + MAX_DIMENSIONS + ": " + dimensions);
    }
    return new Embedder() {
      @Override
      public int dimensions() {
        return dimensions;
      }

      @Override
      public Future<List<float[]>> embed(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        Future<Void> chain = Future.succeededFuture();
        for (int from = 0; from < texts.size(); from += MAX_BATCH) {
          List<String> batch = texts.subList(from, Math.min(texts.size(), from + MAX_BATCH));
          chain =
              chain.compose(
                  v ->
                      client
                          .embeddings(EmbeddingRequest.of(model, batch).withDimensions(dimensions))
                          .map(
                              r -> {
                                for (float[] vector : r.vectors()) {
                                  if (vector.length != dimensions) {
                                    throw new IllegalStateException(
                                        "embedding has "
                                            + vector.length
                                            + " dimensions, asked for "
                                            + dimensions);
                                  }
                                  out.add(vector);
                                }
                                return null;
                              }));
        }
        return chain.map(v -> List.copyOf(out));
      }
    };
  }
}
