package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@code POST /embeddings} request: texts to embed with one model (the spec's inline request
 * body).
 *
 * @param model the embedding model, e.g. {@code openai/text-embedding-3-small}
 * @param input the texts, 1 to {@link #MAX_INPUTS}, none empty
 * @param dimensions the vector size to ask for (models that can shorten their vectors), or null
 * @param inputType e.g. {@code search_query} or {@code search_document}, for models that use it
 * @param provider provider routing preferences, or null
 * @param user an end-user id, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmbeddingRequest(
    String model,
    List<String> input,
    @Nullable Integer dimensions,
    @Nullable String inputType,
    @Nullable ProviderPreferences provider,
    @Nullable String user) {

  /** The most texts in one request: {@value}. Split larger batches. */
  public static final int MAX_INPUTS = 2048;

  /** The largest vector accepted, asked for or answered: {@value} dimensions. */
  public static final int MAX_DIMENSIONS = 8192;

  /** Validates the components and copies the list. */
  public EmbeddingRequest {
    Objects.requireNonNull(model, "model == null");
    input = List.copyOf(Objects.requireNonNull(input, "input == null"));
    if (input.isEmpty() || input.size() > MAX_INPUTS) {
      throw new IllegalArgumentException(
          "input must have 1 to " + MAX_INPUTS + " texts: " + input.size());
    }
    for (int i = 0; i < input.size(); i++) {
      if (input.get(i).isEmpty()) {
        throw new IllegalArgumentException("input text must not be empty: index " + i);
      }
    }
    if (dimensions != null && (dimensions < 1 || dimensions > MAX_DIMENSIONS)) {
      throw new IllegalArgumentException(
          "dimensions must be in 1.." + MAX_DIMENSIONS + ": " + dimensions);
    }
  }

  /** Creates a request for {@code texts} with {@code model} and nothing else set. */
  public static EmbeddingRequest of(String model, List<String> texts) {
    return new EmbeddingRequest(model, texts, null, null, null, null);
  }

  /** Returns a copy asking for vectors of {@code dimensions}. */
  public EmbeddingRequest withDimensions(@Nullable Integer dimensions) {
    return new EmbeddingRequest(model, input, dimensions, inputType, provider, user);
  }

  /** Returns a copy with an input type such as {@code search_query}. */
  public EmbeddingRequest withInputType(@Nullable String inputType) {
    return new EmbeddingRequest(model, input, dimensions, inputType, provider, user);
  }
}
