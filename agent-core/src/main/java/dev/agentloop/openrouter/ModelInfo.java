package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One model of OpenRouter's catalog ({@code GET /models}, SPEC {@code Model}).
 *
 * @param id the slug to use as {@code model}, e.g. {@code openai/gpt-4o-mini}
 * @param canonicalSlug the permanent slug
 * @param name the display name
 * @param created when it was added, epoch seconds
 * @param description a description, or null
 * @param contextLength the context window in tokens, or null
 * @param pricing prices in USD per token (request: per request; image: per input image)
 * @param supportedParameters request parameters the model supports ({@code tools}, {@code
 *     tool_choice}, {@code structured_outputs}, {@code reasoning}, ...); an open set
 * @param architecture modalities and tokenizer, as sent
 * @param topProvider context length, max completion tokens and moderation of the top provider
 * @param reasoning the model's reasoning capabilities, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelInfo(
    String id,
    @Nullable String canonicalSlug,
    @Nullable String name,
    @Nullable Long created,
    @Nullable String description,
    @Nullable Long contextLength,
    @Nullable Pricing pricing,
    List<String> supportedParameters,
    @Nullable JsonNode architecture,
    @Nullable JsonNode topProvider,
    @Nullable JsonNode reasoning) {

  /** Copies the list. */
  public ModelInfo {
    supportedParameters =
        supportedParameters == null ? List.of() : List.copyOf(supportedParameters);
  }

  /** Returns whether {@code supported_parameters} contains the parameter, e.g. {@code "tools"}. */
  public boolean supports(String parameter) {
    return supportedParameters.contains(parameter);
  }

  /** Returns the typed {@link #architecture()}: modalities and tokenizer; null when absent. */
  public @Nullable ModelArchitecture modalities() {
    return architecture == null || !architecture.isObject()
        ? null
        : dev.agentloop.openrouter.impl.Json.convert(architecture, ModelArchitecture.class);
  }

  /** Returns whether the model can call tools. */
  public boolean supportsTools() {
    return supports("tools");
  }

  /** Returns whether the model supports {@code json_schema} structured outputs. */
  public boolean supportsStructuredOutputs() {
    return supports("structured_outputs");
  }

  /**
   * Prices, parsed from OpenRouter's decimal strings; USD per token unless noted.
   *
   * @param prompt per prompt token
   * @param completion per completion token
   * @param request per request, or null
   * @param image per input image, or null
   * @param webSearch per web search, or null
   * @param internalReasoning per reasoning token, or null
   * @param inputCacheRead per cached prompt token read, or null
   * @param inputCacheWrite per prompt token written to the cache, or null
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Pricing(
      @Nullable BigDecimal prompt,
      @Nullable BigDecimal completion,
      @Nullable BigDecimal request,
      @Nullable BigDecimal image,
      @Nullable BigDecimal webSearch,
      @Nullable BigDecimal internalReasoning,
      @Nullable BigDecimal inputCacheRead,
      @Nullable BigDecimal inputCacheWrite) {

    /** Returns the cost of the given token counts (prompt and completion only, plus request). */
    public BigDecimal cost(long promptTokens, long completionTokens) {
      BigDecimal p = prompt == null ? BigDecimal.ZERO : prompt;
      BigDecimal c = completion == null ? BigDecimal.ZERO : completion;
      BigDecimal r = request == null ? BigDecimal.ZERO : request;
      return p.multiply(BigDecimal.valueOf(promptTokens))
          .add(c.multiply(BigDecimal.valueOf(completionTokens)))
          .add(r);
    }

    /**
     * Returns what prompt caching saved on this model, in USD: cached reads at the prompt price
     * minus their cache-read price, less what cache writes cost above the prompt price. A price the
     * model does not list counts as the prompt price (no saving, no surcharge); without a prompt
     * price the saving is zero. Negative when writes cost more than reads saved.
     *
     * @param usage the usage of requests to this model
     */
    public BigDecimal cacheSavings(Usage usage) {
      if (prompt == null) {
        return BigDecimal.ZERO;
      }
      BigDecimal read = inputCacheRead == null ? prompt : inputCacheRead;
      BigDecimal write = inputCacheWrite == null ? prompt : inputCacheWrite;
      return prompt
          .subtract(read)
          .multiply(BigDecimal.valueOf(usage.cachedTokens()))
          .subtract(write.subtract(prompt).multiply(BigDecimal.valueOf(usage.cacheWriteTokens())));
    }
  }
}
