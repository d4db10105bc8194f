package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST /embeddings}: one vector per input text, with usage and cost.
 *
 * @param id the response id, or null
 * @param model the model that embedded
 * @param data the vectors, each with the index of its input
 * @param usage tokens and cost, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmbeddingResponse(
    @Nullable String id, @Nullable String model, List<Embedding> data, @Nullable Usage usage) {

  /** Copies the list. */
  public EmbeddingResponse {
    data = data == null ? List.of() : List.copyOf(data);
  }

  /** Returns the vectors in input order (sorted by index). The arrays are not copied. */
  public List<float[]> vectors() {
    List<Embedding> sorted = new ArrayList<>(data);
    sorted.sort(Comparator.comparingInt(Embedding::index));
    return sorted.stream().map(Embedding::embedding).toList();
  }

  /**
   * One vector.
   *
   * @param index the position of its text in the request's input
   * @param embedding the vector (compared by identity in {@code equals}, as arrays are)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Embedding(int index, float[] embedding) {}

  /**
   * What the request used.
   *
   * @param promptTokens tokens in the input
   * @param totalTokens tokens billed
   * @param cost the cost in USD (credits), or null
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Usage(long promptTokens, long totalTokens, @Nullable BigDecimal cost) {}
}
