package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Token counts and cost of one generation, as OpenRouter reports them (native tokenizer counts;
 * {@code cost} in USD credits).
 *
 * @param promptTokens tokens in the prompt, including images and tools
 * @param completionTokens tokens generated, including reasoning
 * @param totalTokens the sum
 * @param promptTokensDetails cached and cache-write tokens, when reported
 * @param completionTokensDetails reasoning tokens, when reported
 * @param cost the charge in USD, when reported
 * @param isByok whether the request used the caller's own provider key
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Usage(
    int promptTokens,
    int completionTokens,
    int totalTokens,
    @Nullable PromptTokensDetails promptTokensDetails,
    @Nullable CompletionTokensDetails completionTokensDetails,
    @Nullable BigDecimal cost,
    @Nullable Boolean isByok) {

  /** No usage. */
  public static final Usage ZERO = new Usage(0, 0, 0, null, null, BigDecimal.ZERO, null);

  /** Cached prompt tokens (cache reads), or 0. */
  public int cachedTokens() {
    return promptTokensDetails == null || promptTokensDetails.cachedTokens() == null
        ? 0
        : promptTokensDetails.cachedTokens();
  }

  /** Reasoning tokens, or 0. */
  public int reasoningTokens() {
    return completionTokensDetails == null || completionTokensDetails.reasoningTokens() == null
        ? 0
        : completionTokensDetails.reasoningTokens();
  }

  /** The cost in USD, or zero when not reported. */
  public BigDecimal costOrZero() {
    return cost == null ? BigDecimal.ZERO : cost;
  }

  /** Returns the sum of this usage and another. */
  public Usage plus(Usage other) {
    return new Usage(
        promptTokens + other.promptTokens,
        completionTokens + other.completionTokens,
        totalTokens + other.totalTokens,
        new PromptTokensDetails(cachedTokens() + other.cachedTokens(), null),
        new CompletionTokensDetails(reasoningTokens() + other.reasoningTokens()),
        costOrZero().add(other.costOrZero()),
        null);
  }

  /**
   * Details of prompt tokens.
   *
   * @param cachedTokens tokens read from the prompt cache
   * @param cacheWriteTokens tokens written to the prompt cache
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PromptTokensDetails(
      @Nullable Integer cachedTokens, @Nullable Integer cacheWriteTokens) {}

  /**
   * Details of completion tokens.
   *
   * @param reasoningTokens tokens spent on reasoning
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CompletionTokensDetails(@Nullable Integer reasoningTokens) {}
}
