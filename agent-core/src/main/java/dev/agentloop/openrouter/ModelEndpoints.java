package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The providers serving one model ({@code GET /models/{author}/{slug}/endpoints}, SPEC {@code
 * ListEndpointsResponse}).
 *
 * @param id the model slug, e.g. {@code openai/gpt-4o}
 * @param name the display name
 * @param created when the model was added, epoch seconds
 * @param description a description, or null
 * @param architecture modalities and tokenizer, or null
 * @param endpoints one entry per provider endpoint
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelEndpoints(
    String id,
    @Nullable String name,
    @Nullable Long created,
    @Nullable String description,
    @Nullable ModelArchitecture architecture,
    List<Endpoint> endpoints) {

  /** Copies the list. */
  public ModelEndpoints {
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
  }

  /**
   * One provider's endpoint of a model (SPEC {@code PublicEndpoint}).
   *
   * @param name the endpoint's display name, e.g. {@code OpenAI: GPT-4o}
   * @param modelId the model's permanent slug
   * @param providerName the provider, e.g. {@code OpenAI}
   * @param tag the provider slug to use in {@code provider.order}, e.g. {@code openai}
   * @param quantization e.g. {@code fp8}, or null
   * @param contextLength the context window in tokens
   * @param maxCompletionTokens the largest completion, or null
   * @param maxPromptTokens the largest prompt, or null
   * @param pricing USD per token, as for the model
   * @param supportedParameters the request parameters this endpoint honours
   * @param status 0 when healthy; negative values mean degraded or down
   * @param uptimeLast30m percent of successful requests over 30 minutes, or null
   * @param uptimeLast1d percent over a day, or null
   * @param latencyLast30m time to first token percentiles, or null
   * @param throughputLast30m tokens per second percentiles, or null
   * @param supportsImplicitCaching whether the provider caches prompts without breakpoints
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Endpoint(
      @Nullable String name,
      @Nullable String modelId,
      String providerName,
      @Nullable String tag,
      @Nullable String quantization,
      long contextLength,
      @Nullable Long maxCompletionTokens,
      @Nullable Long maxPromptTokens,
      ModelInfo.@Nullable Pricing pricing,
      List<String> supportedParameters,
      int status,
      @JsonProperty("uptime_last_30m") @Nullable Double uptimeLast30m,
      @JsonProperty("uptime_last_1d") @Nullable Double uptimeLast1d,
      @JsonProperty("latency_last_30m") @Nullable Percentiles latencyLast30m,
      @JsonProperty("throughput_last_30m") @Nullable Percentiles throughputLast30m,
      @Nullable Boolean supportsImplicitCaching) {

    /** Copies the list. */
    public Endpoint {
      supportedParameters =
          supportedParameters == null ? List.of() : List.copyOf(supportedParameters);
    }

    /** Returns whether the endpoint honours the request parameter, e.g. {@code tools}. */
    public boolean supports(String parameter) {
      return supportedParameters.contains(parameter);
    }
  }

  /**
   * Percentiles of a measurement over the last 30 minutes.
   *
   * @param p50 the median
   * @param p75 the 75th percentile
   * @param p90 the 90th percentile
   * @param p99 the 99th percentile
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Percentiles(double p50, double p75, double p90, double p99) {}
}
