package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Token counts and cost of one generation, as OpenRouter reports them (native tokenizer counts;
 * {@code cost} in USD credits). {@link #plus} sums every field, so a run's total keeps cache and
 * media tokens, upstream costs and server-tool use.
 *
 * @param promptTokens tokens in the prompt, including images and tools
 * @param completionTokens tokens generated, including reasoning
 * @param totalTokens the sum
 * @param promptTokensDetails cached, cache-write, audio and video tokens, when reported
 * @param completionTokensDetails reasoning, audio, image and prediction tokens, when reported
 * @param cost the charge in USD, when reported
 * @param isByok whether the request used the caller's own provider key (in a sum: whether any did)
 * @param costDetails the upstream inference costs, when reported
 * @param serverToolUseDetails server-tool use such as web searches, when reported (also read from
 *     the older {@code server_tool_use})
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
    @Nullable Boolean isByok,
    @Nullable CostDetails costDetails,
    @JsonAlias("server_tool_use") @Nullable ServerToolUseDetails serverToolUseDetails) {

  /** No usage. */
  public static final Usage ZERO = new Usage(0, 0, 0, null, null, BigDecimal.ZERO, null);

  /** Creates usage without cost details and server-tool use (the form before they were kept). */
  public Usage(
      int promptTokens,
      int completionTokens,
      int totalTokens,
      @Nullable PromptTokensDetails promptTokensDetails,
      @Nullable CompletionTokensDetails completionTokensDetails,
      @Nullable BigDecimal cost,
      @Nullable Boolean isByok) {
    this(
        promptTokens,
        completionTokens,
        totalTokens,
        promptTokensDetails,
        completionTokensDetails,
        cost,
        isByok,
        null,
        null);
  }

  /** Cached prompt tokens (cache reads), or 0. */
  public int cachedTokens() {
    return promptTokensDetails == null ? 0 : n(promptTokensDetails.cachedTokens());
  }

  /** Prompt tokens written to the cache, or 0. */
  public int cacheWriteTokens() {
    return promptTokensDetails == null ? 0 : n(promptTokensDetails.cacheWriteTokens());
  }

  /** Reasoning tokens, or 0. */
  public int reasoningTokens() {
    return completionTokensDetails == null ? 0 : n(completionTokensDetails.reasoningTokens());
  }

  /** Web searches performed by server tools, or 0. */
  public int webSearchRequests() {
    return serverToolUseDetails == null ? 0 : n(serverToolUseDetails.webSearchRequests());
  }

  /** The cost in USD, or zero when not reported. */
  public BigDecimal costOrZero() {
    return cost == null ? BigDecimal.ZERO : cost;
  }

  /**
   * Returns the sum of this usage and another: counts and costs are added (a detail missing on both
   * sides stays missing), {@code is_byok} is true when either is.
   */
  public Usage plus(Usage other) {
    return new Usage(
        promptTokens + other.promptTokens,
        completionTokens + other.completionTokens,
        totalTokens + other.totalTokens,
        PromptTokensDetails.sum(promptTokensDetails, other.promptTokensDetails),
        CompletionTokensDetails.sum(completionTokensDetails, other.completionTokensDetails),
        costOrZero().add(other.costOrZero()),
        isByok == null && other.isByok == null
            ? null
            : Boolean.TRUE.equals(isByok) || Boolean.TRUE.equals(other.isByok),
        CostDetails.sum(costDetails, other.costDetails),
        ServerToolUseDetails.sum(serverToolUseDetails, other.serverToolUseDetails));
  }

  private static int n(@Nullable Integer v) {
    return v == null ? 0 : v;
  }

  private static @Nullable Integer add(@Nullable Integer a, @Nullable Integer b) {
    return a == null && b == null ? null : n(a) + n(b);
  }

  private static @Nullable BigDecimal add(@Nullable BigDecimal a, @Nullable BigDecimal b) {
    if (a == null && b == null) {
      return null;
    }
    return (a == null ? BigDecimal.ZERO : a).add(b == null ? BigDecimal.ZERO : b);
  }

  /**
   * Details of prompt tokens.
   *
   * @param cachedTokens tokens read from the prompt cache
   * @param cacheWriteTokens tokens written to the prompt cache
   * @param audioTokens audio input tokens
   * @param videoTokens video input tokens
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PromptTokensDetails(
      @Nullable Integer cachedTokens,
      @Nullable Integer cacheWriteTokens,
      @Nullable Integer audioTokens,
      @Nullable Integer videoTokens) {

    /** Creates details of cache reads and writes only. */
    public PromptTokensDetails(@Nullable Integer cachedTokens, @Nullable Integer cacheWriteTokens) {
      this(cachedTokens, cacheWriteTokens, null, null);
    }

    static @Nullable PromptTokensDetails sum(
        @Nullable PromptTokensDetails a, @Nullable PromptTokensDetails b) {
      if (a == null || b == null) {
        return a == null ? b : a;
      }
      return new PromptTokensDetails(
          add(a.cachedTokens, b.cachedTokens),
          add(a.cacheWriteTokens, b.cacheWriteTokens),
          add(a.audioTokens, b.audioTokens),
          add(a.videoTokens, b.videoTokens));
    }
  }

  /**
   * Details of completion tokens.
   *
   * @param reasoningTokens tokens spent on reasoning
   * @param audioTokens audio output tokens
   * @param imageTokens image output tokens
   * @param acceptedPredictionTokens predicted tokens that were used
   * @param rejectedPredictionTokens predicted tokens that were not
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CompletionTokensDetails(
      @Nullable Integer reasoningTokens,
      @Nullable Integer audioTokens,
      @Nullable Integer imageTokens,
      @Nullable Integer acceptedPredictionTokens,
      @Nullable Integer rejectedPredictionTokens) {

    /** Creates details of reasoning tokens only. */
    public CompletionTokensDetails(@Nullable Integer reasoningTokens) {
      this(reasoningTokens, null, null, null, null);
    }

    static @Nullable CompletionTokensDetails sum(
        @Nullable CompletionTokensDetails a, @Nullable CompletionTokensDetails b) {
      if (a == null || b == null) {
        return a == null ? b : a;
      }
      return new CompletionTokensDetails(
          add(a.reasoningTokens, b.reasoningTokens),
          add(a.audioTokens, b.audioTokens),
          add(a.imageTokens, b.imageTokens),
          add(a.acceptedPredictionTokens, b.acceptedPredictionTokens),
          add(a.rejectedPredictionTokens, b.rejectedPredictionTokens));
    }
  }

  /**
   * The upstream provider's inference costs in USD; with BYOK, what the provider charged.
   *
   * @param upstreamInferenceCost the total, or null
   * @param upstreamInferencePromptCost the prompt part, or null
   * @param upstreamInferenceCompletionsCost the completion part, or null
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CostDetails(
      @Nullable BigDecimal upstreamInferenceCost,
      @Nullable BigDecimal upstreamInferencePromptCost,
      @Nullable BigDecimal upstreamInferenceCompletionsCost) {

    static @Nullable CostDetails sum(@Nullable CostDetails a, @Nullable CostDetails b) {
      if (a == null || b == null) {
        return a == null ? b : a;
      }
      return new CostDetails(
          add(a.upstreamInferenceCost, b.upstreamInferenceCost),
          add(a.upstreamInferencePromptCost, b.upstreamInferencePromptCost),
          add(a.upstreamInferenceCompletionsCost, b.upstreamInferenceCompletionsCost));
    }
  }

  /**
   * Use of server tools (run by OpenRouter inside the request).
   *
   * @param webSearchRequests web searches performed
   * @param toolCallsRequested server-tool calls the model asked for
   * @param toolCallsExecuted server-tool calls that ran and produced a result
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ServerToolUseDetails(
      @Nullable Integer webSearchRequests,
      @Nullable Integer toolCallsRequested,
      @Nullable Integer toolCallsExecuted) {

    static @Nullable ServerToolUseDetails sum(
        @Nullable ServerToolUseDetails a, @Nullable ServerToolUseDetails b) {
      if (a == null || b == null) {
        return a == null ? b : a;
      }
      return new ServerToolUseDetails(
          add(a.webSearchRequests, b.webSearchRequests),
          add(a.toolCallsRequested, b.toolCallsRequested),
          add(a.toolCallsExecuted, b.toolCallsExecuted));
    }
  }
}
