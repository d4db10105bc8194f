package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Provider routing preferences (the request's {@code provider} object). Only fields OpenRouter
 * accepts exist here: there is no {@code require} or {@code allow}; use {@code requireParameters},
 * {@code only} and {@code ignore}.
 *
 * @param order provider slugs to try first, in order
 * @param allowFallbacks whether other providers may serve the request (default true)
 * @param requireParameters route only to providers supporting every request parameter
 * @param dataCollection {@code allow} or {@code deny}
 * @param zdr only Zero-Data-Retention endpoints
 * @param enforceDistillableText only models whose author allows distillation
 * @param only allow-list of provider slugs
 * @param ignore deny-list of provider slugs
 * @param quantizations accepted quantizations ({@code int4}, {@code fp8}, {@code bf16}, ...)
 * @param sort {@code price}, {@code throughput}, {@code latency}, or {@code {by, partition}}
 * @param maxPrice USD per million tokens: {@code prompt}, {@code completion}, {@code image}, {@code
 *     audio}, {@code request}
 * @param preferredMinThroughput tokens/s, a number or {@code {p50,p75,p90,p99}}
 * @param preferredMaxLatency seconds, a number or {@code {p50,...}}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderPreferences(
    @Nullable List<String> order,
    @Nullable Boolean allowFallbacks,
    @Nullable Boolean requireParameters,
    @Nullable String dataCollection,
    @Nullable Boolean zdr,
    @Nullable Boolean enforceDistillableText,
    @Nullable List<String> only,
    @Nullable List<String> ignore,
    @Nullable List<String> quantizations,
    @Nullable Object sort,
    @Nullable Map<String, Object> maxPrice,
    @Nullable Object preferredMinThroughput,
    @Nullable Object preferredMaxLatency) {

  /** Copies the collections and checks enumerated values. */
  public ProviderPreferences {
    order = order == null ? null : List.copyOf(order);
    only = only == null ? null : List.copyOf(only);
    ignore = ignore == null ? null : List.copyOf(ignore);
    quantizations = quantizations == null ? null : List.copyOf(quantizations);
    maxPrice = maxPrice == null ? null : pricesAsStrings(maxPrice);
    if (dataCollection != null
        && !dataCollection.equals("allow")
        && !dataCollection.equals("deny")) {
      throw new IllegalArgumentException("dataCollection must be allow or deny: " + dataCollection);
    }
    if (sort instanceof String s
        && !List.of("price", "throughput", "latency", "exacto").contains(s)) {
      throw new IllegalArgumentException(
          "sort must be price, throughput, latency or exacto (there is no 'cheapest' or 'fastest'): "
              + s);
    }
  }

  // The spec types max_price values as numeric strings; numbers fail its validation.
  private static Map<String, Object> pricesAsStrings(Map<String, Object> prices) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    prices.forEach(
        (k, v) ->
            out.put(
                k,
                v instanceof Number n
                    ? new java.math.BigDecimal(n.toString()).toPlainString()
                    : v));
    return Map.copyOf(out);
  }

  /** Returns a builder with no preferences set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ProviderPreferences}. */
  public static final class Builder {
    private @Nullable List<String> order;
    private @Nullable Boolean allowFallbacks;
    private @Nullable Boolean requireParameters;
    private @Nullable String dataCollection;
    private @Nullable Boolean zdr;
    private @Nullable Boolean enforceDistillableText;
    private @Nullable List<String> only;
    private @Nullable List<String> ignore;
    private @Nullable List<String> quantizations;
    private @Nullable Object sort;
    private @Nullable Map<String, Object> maxPrice;
    private @Nullable Object preferredMinThroughput;
    private @Nullable Object preferredMaxLatency;

    private Builder() {}

    /** Sets the providers to try first. */
    public Builder order(List<String> v) {
      order = v;
      return this;
    }

    /** Sets whether other providers may serve the request. */
    public Builder allowFallbacks(boolean v) {
      allowFallbacks = v;
      return this;
    }

    /** Routes only to providers supporting every parameter. */
    public Builder requireParameters(boolean v) {
      requireParameters = v;
      return this;
    }

    /** Sets {@code allow} or {@code deny}. */
    public Builder dataCollection(String v) {
      dataCollection = v;
      return this;
    }

    /** Restricts to Zero-Data-Retention endpoints. */
    public Builder zdr(boolean v) {
      zdr = v;
      return this;
    }

    /** Restricts to models allowing distillation. */
    public Builder enforceDistillableText(boolean v) {
      enforceDistillableText = v;
      return this;
    }

    /** Sets the provider allow-list. */
    public Builder only(List<String> v) {
      only = v;
      return this;
    }

    /** Sets the provider deny-list. */
    public Builder ignore(List<String> v) {
      ignore = v;
      return this;
    }

    /** Sets accepted quantizations. */
    public Builder quantizations(List<String> v) {
      quantizations = v;
      return this;
    }

    /** Sorts by {@code price}, {@code throughput} or {@code latency}. */
    public Builder sort(String v) {
      sort = v;
      return this;
    }

    /** Sorts by a field with a partition ({@code model} or {@code none}). */
    public Builder sort(String by, String partition) {
      sort = Map.of("by", by, "partition", partition);
      return this;
    }

    /** Sets maximum prices in USD per million tokens. */
    public Builder maxPrice(Map<String, Object> v) {
      maxPrice = v;
      return this;
    }

    /** Sets a preferred minimum throughput. */
    public Builder preferredMinThroughput(Object v) {
      preferredMinThroughput = v;
      return this;
    }

    /** Sets a preferred maximum latency. */
    public Builder preferredMaxLatency(Object v) {
      preferredMaxLatency = v;
      return this;
    }

    /** Builds the preferences. */
    public ProviderPreferences build() {
      return new ProviderPreferences(
          order,
          allowFallbacks,
          requireParameters,
          dataCollection,
          zdr,
          enforceDistillableText,
          only,
          ignore,
          quantizations,
          sort,
          maxPrice,
          preferredMinThroughput,
          preferredMaxLatency);
    }
  }
}
