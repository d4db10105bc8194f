package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a chat request: everything in {@code POST /chat/completions} except the
 * conversation, the tools, the response format and streaming. {@link ChatRequest} embeds one
 * (serialised unwrapped, so the fields sit at the top level of the body); an agent holds one as its
 * defaults and a run may override it. A null field is not sent, so the provider's default applies;
 * empty lists and maps count as null.
 *
 * <p>All validation of request parameters lives here: the compact constructor throws {@link
 * IllegalArgumentException} for a value OpenRouter would reject.
 *
 * <pre>{@code
 * ChatParameters defaults = ChatParameters.builder()
 *     .model("openai/gpt-4o-mini")
 *     .temperature(0.2)
 *     .stop(List.of("END"))
 *     .build();
 * ChatParameters forOneRun = defaults.overrideWith(ChatParameters.builder().seed(42L).build());
 * }</pre>
 *
 * @param model the model slug, e.g. {@code openai/gpt-4o-mini}; null uses the account default
 * @param models fallback models tried in order after {@code model}; at most {@value
 *     #MAX_FALLBACK_MODELS}
 * @param maxTokens the completion token limit, &gt; 0; unset lets the credit pre-check assume the
 *     model maximum
 * @param maxCompletionTokens the newer name for {@code max_tokens}, &gt; 0; send one of the two
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling, (0, 1]
 * @param topK top-k sampling, &gt;= 0 (0 disables it)
 * @param frequencyPenalty -2 to 2
 * @param presencePenalty -2 to 2
 * @param repetitionPenalty (0, 2]
 * @param minP min-p sampling, 0 to 1
 * @param topA top-a sampling, 0 to 1
 * @param seed seed for deterministic sampling where supported
 * @param stop up to {@value #MAX_STOP} stop sequences
 * @param logitBias token id to bias
 * @param logprobs whether to return log probabilities
 * @param topLogprobs 0 to 20
 * @param toolChoice whether and which tool the model must call (sent only with tools)
 * @param parallelToolCalls whether the model may call several tools at once (default true)
 * @param provider provider routing preferences
 * @param plugins OpenRouter plugins
 * @param reasoning reasoning options
 * @param user a stable id of the end user (abuse detection, per-user statistics)
 * @param sessionId groups requests of one session; at most {@value #MAX_SESSION_ID_LENGTH}
 *     characters
 * @param metadata up to 16 string pairs; keys at most 64 characters, values at most 512
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatParameters(
    @Nullable String model,
    @Nullable List<String> models,
    @Nullable Integer maxTokens,
    @Nullable Integer maxCompletionTokens,
    @Nullable Double temperature,
    @Nullable Double topP,
    @Nullable Integer topK,
    @Nullable Double frequencyPenalty,
    @Nullable Double presencePenalty,
    @Nullable Double repetitionPenalty,
    @Nullable Double minP,
    @Nullable Double topA,
    @Nullable Long seed,
    @Nullable List<String> stop,
    @Nullable Map<String, Integer> logitBias,
    @Nullable Boolean logprobs,
    @Nullable Integer topLogprobs,
    @Nullable ToolChoice toolChoice,
    @Nullable Boolean parallelToolCalls,
    @Nullable ProviderPreferences provider,
    @Nullable List<Plugin> plugins,
    @Nullable Reasoning reasoning,
    @Nullable String user,
    @Nullable String sessionId,
    @Nullable Map<String, String> metadata) {

  /** OpenRouter rejects a {@code models} fallback list longer than this. */
  public static final int MAX_FALLBACK_MODELS = 3;

  /** The most stop sequences a request may carry. */
  public static final int MAX_STOP = 4;

  /** The longest {@code session_id} OpenRouter accepts. */
  public static final int MAX_SESSION_ID_LENGTH = 256;

  /** Parameters with every field unset. */
  public static final ChatParameters EMPTY = builder().build();

  /**
   * Validates the parameters and copies collections; empty collections become null.
   *
   * @throws IllegalArgumentException when a value is out of its documented range
   */
  public ChatParameters {
    models = copy(models);
    stop = copy(stop);
    plugins = copy(plugins);
    logitBias = logitBias == null || logitBias.isEmpty() ? null : Map.copyOf(logitBias);
    metadata = metadata == null || metadata.isEmpty() ? null : Map.copyOf(metadata);
    check(
        models == null || models.size() <= MAX_FALLBACK_MODELS,
        "fallback models",
        models == null ? 0 : models.size(),
        "at most " + MAX_FALLBACK_MODELS);
    check(
        stop == null || stop.size() <= MAX_STOP,
        "stop sequences",
        stop == null ? 0 : stop.size(),
        "at most " + MAX_STOP);
    checkSessionId(sessionId);
    check(maxTokens == null || maxTokens > 0, "maxTokens", maxTokens, "> 0");
    check(
        maxCompletionTokens == null || maxCompletionTokens > 0,
        "maxCompletionTokens",
        maxCompletionTokens,
        "> 0");
    check(
        temperature == null || (temperature >= 0 && temperature <= 2),
        "temperature",
        temperature,
        "within [0, 2]");
    check(topP == null || (topP > 0 && topP <= 1), "topP", topP, "within (0, 1]");
    check(topK == null || topK >= 0, "topK", topK, ">= 0");
    check(
        frequencyPenalty == null || Math.abs(frequencyPenalty) <= 2,
        "frequencyPenalty",
        frequencyPenalty,
        "within [-2, 2]");
    check(
        presencePenalty == null || Math.abs(presencePenalty) <= 2,
        "presencePenalty",
        presencePenalty,
        "within [-2, 2]");
    check(
        repetitionPenalty == null || (repetitionPenalty > 0 && repetitionPenalty <= 2),
        "repetitionPenalty",
        repetitionPenalty,
        "within (0, 2]");
    check(minP == null || (minP >= 0 && minP <= 1), "minP", minP, "within [0, 1]");
    check(topA == null || (topA >= 0 && topA <= 1), "topA", topA, "within [0, 1]");
    check(
        topLogprobs == null || (topLogprobs >= 0 && topLogprobs <= 20),
        "topLogprobs",
        topLogprobs,
        "within [0, 20]");
    if (metadata != null) {
      check(metadata.size() <= 16, "metadata pairs", metadata.size(), "at most 16");
      metadata.forEach(
          (k, v) -> {
            check(k.length() <= 64, "metadata key length", k, "at most 64");
            check(v.length() <= 512, "metadata value length of " + k, v.length(), "at most 512");
          });
    }
  }

  /**
   * Returns these parameters with every field that {@code overrides} sets replacing this one's.
   * Fields are replaced whole: an override's {@code stop} or {@code metadata} replaces the list or
   * map, it is not merged into it.
   *
   * @param overrides the parameters that win, or null for none
   * @return the combined parameters; this instance when there is nothing to override
   */
  public ChatParameters overrideWith(@Nullable ChatParameters overrides) {
    if (overrides == null || overrides.equals(EMPTY)) {
      return this;
    }
    ChatParameters o = overrides;
    return new ChatParameters(
        or(o.model, model),
        or(o.models, models),
        or(o.maxTokens, maxTokens),
        or(o.maxCompletionTokens, maxCompletionTokens),
        or(o.temperature, temperature),
        or(o.topP, topP),
        or(o.topK, topK),
        or(o.frequencyPenalty, frequencyPenalty),
        or(o.presencePenalty, presencePenalty),
        or(o.repetitionPenalty, repetitionPenalty),
        or(o.minP, minP),
        or(o.topA, topA),
        or(o.seed, seed),
        or(o.stop, stop),
        or(o.logitBias, logitBias),
        or(o.logprobs, logprobs),
        or(o.topLogprobs, topLogprobs),
        or(o.toolChoice, toolChoice),
        or(o.parallelToolCalls, parallelToolCalls),
        or(o.provider, provider),
        or(o.plugins, plugins),
        or(o.reasoning, reasoning),
        or(o.user, user),
        or(o.sessionId, sessionId),
        or(o.metadata, metadata));
  }

  /** Returns a new builder with every field unset. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised from these parameters. */
  public Builder toBuilder() {
    return new Builder().parameters(this);
  }

  /**
   * Checks a {@code session_id}; used by every type that accepts one.
   *
   * @throws IllegalArgumentException when longer than {@value #MAX_SESSION_ID_LENGTH} characters
   */
  public static void checkSessionId(@Nullable String sessionId) {
    check(
        sessionId == null || sessionId.length() <= MAX_SESSION_ID_LENGTH,
        "sessionId",
        sessionId == null ? 0 : sessionId.length(),
        "at most " + MAX_SESSION_ID_LENGTH + " characters");
  }

  private static <T> @Nullable T or(@Nullable T preferred, @Nullable T fallback) {
    return preferred != null ? preferred : fallback;
  }

  private static <T> @Nullable List<T> copy(@Nullable List<T> list) {
    return list == null || list.isEmpty() ? null : List.copyOf(list);
  }

  private static void check(boolean valid, String name, @Nullable Object value, String rule) {
    if (!valid) {
      throw new IllegalArgumentException(name + " must be " + rule + ": " + value);
    }
  }

  /** Builds {@link ChatParameters}. */
  public static final class Builder extends Setters<Builder> {

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Builds the parameters.
     *
     * @throws IllegalArgumentException when a value is out of its documented range
     */
    public ChatParameters build() {
      return buildParameters();
    }
  }

  /**
   * The setters of every parameter, shared by {@link ChatParameters.Builder} and {@link
   * ChatRequest.Builder} so that a parameter is declared once. Each setter documents its field on
   * {@link ChatParameters}; null unsets it.
   *
   * @param <B> the concrete builder
   */
  public abstract static class Setters<B extends Setters<B>> {
    private @Nullable String model;
    private @Nullable List<String> models;
    private @Nullable Integer maxTokens;
    private @Nullable Integer maxCompletionTokens;
    private @Nullable Double temperature;
    private @Nullable Double topP;
    private @Nullable Integer topK;
    private @Nullable Double frequencyPenalty;
    private @Nullable Double presencePenalty;
    private @Nullable Double repetitionPenalty;
    private @Nullable Double minP;
    private @Nullable Double topA;
    private @Nullable Long seed;
    private @Nullable List<String> stop;
    private @Nullable Map<String, Integer> logitBias;
    private @Nullable Boolean logprobs;
    private @Nullable Integer topLogprobs;
    private @Nullable ToolChoice toolChoice;
    private @Nullable Boolean parallelToolCalls;
    private @Nullable ProviderPreferences provider;
    private @Nullable List<Plugin> plugins;
    private @Nullable Reasoning reasoning;
    private @Nullable String user;
    private @Nullable String sessionId;
    private @Nullable Map<String, String> metadata;

    Setters() {}

    abstract B self();

    /** Replaces every parameter with those of {@code p}. */
    public B parameters(ChatParameters p) {
      model = p.model;
      models = p.models;
      maxTokens = p.maxTokens;
      maxCompletionTokens = p.maxCompletionTokens;
      temperature = p.temperature;
      topP = p.topP;
      topK = p.topK;
      frequencyPenalty = p.frequencyPenalty;
      presencePenalty = p.presencePenalty;
      repetitionPenalty = p.repetitionPenalty;
      minP = p.minP;
      topA = p.topA;
      seed = p.seed;
      stop = p.stop;
      logitBias = p.logitBias;
      logprobs = p.logprobs;
      topLogprobs = p.topLogprobs;
      toolChoice = p.toolChoice;
      parallelToolCalls = p.parallelToolCalls;
      provider = p.provider;
      plugins = p.plugins;
      reasoning = p.reasoning;
      user = p.user;
      sessionId = p.sessionId;
      metadata = p.metadata;
      return self();
    }

    ChatParameters buildParameters() {
      return new ChatParameters(
          model,
          models,
          maxTokens,
          maxCompletionTokens,
          temperature,
          topP,
          topK,
          frequencyPenalty,
          presencePenalty,
          repetitionPenalty,
          minP,
          topA,
          seed,
          stop,
          logitBias,
          logprobs,
          topLogprobs,
          toolChoice,
          parallelToolCalls,
          provider,
          plugins,
          reasoning,
          user,
          sessionId,
          metadata);
    }

    /** Sets {@link ChatParameters#model()}. */
    public B model(@Nullable String v) {
      model = v;
      return self();
    }

    /** Sets {@link ChatParameters#models()}, the fallback models. */
    public B models(@Nullable List<String> v) {
      models = v;
      return self();
    }

    /** Sets {@link ChatParameters#maxTokens()}. */
    public B maxTokens(@Nullable Integer v) {
      maxTokens = v;
      return self();
    }

    /** Sets {@link ChatParameters#maxCompletionTokens()}. */
    public B maxCompletionTokens(@Nullable Integer v) {
      maxCompletionTokens = v;
      return self();
    }

    /** Sets {@link ChatParameters#temperature()}. */
    public B temperature(@Nullable Double v) {
      temperature = v;
      return self();
    }

    /** Sets {@link ChatParameters#topP()}. */
    public B topP(@Nullable Double v) {
      topP = v;
      return self();
    }

    /** Sets {@link ChatParameters#topK()}. */
    public B topK(@Nullable Integer v) {
      topK = v;
      return self();
    }

    /** Sets {@link ChatParameters#frequencyPenalty()}. */
    public B frequencyPenalty(@Nullable Double v) {
      frequencyPenalty = v;
      return self();
    }

    /** Sets {@link ChatParameters#presencePenalty()}. */
    public B presencePenalty(@Nullable Double v) {
      presencePenalty = v;
      return self();
    }

    /** Sets {@link ChatParameters#repetitionPenalty()}. */
    public B repetitionPenalty(@Nullable Double v) {
      repetitionPenalty = v;
      return self();
    }

    /** Sets {@link ChatParameters#minP()}. */
    public B minP(@Nullable Double v) {
      minP = v;
      return self();
    }

    /** Sets {@link ChatParameters#topA()}. */
    public B topA(@Nullable Double v) {
      topA = v;
      return self();
    }

    /** Sets {@link ChatParameters#seed()}. */
    public B seed(@Nullable Long v) {
      seed = v;
      return self();
    }

    /** Sets {@link ChatParameters#stop()}. */
    public B stop(@Nullable List<String> v) {
      stop = v;
      return self();
    }

    /** Sets {@link ChatParameters#logitBias()}. */
    public B logitBias(@Nullable Map<String, Integer> v) {
      logitBias = v;
      return self();
    }

    /** Sets {@link ChatParameters#logprobs()}. */
    public B logprobs(@Nullable Boolean v) {
      logprobs = v;
      return self();
    }

    /** Sets {@link ChatParameters#topLogprobs()}. */
    public B topLogprobs(@Nullable Integer v) {
      topLogprobs = v;
      return self();
    }

    /** Sets {@link ChatParameters#toolChoice()}. */
    public B toolChoice(@Nullable ToolChoice v) {
      toolChoice = v;
      return self();
    }

    /** Sets {@link ChatParameters#parallelToolCalls()}. */
    public B parallelToolCalls(@Nullable Boolean v) {
      parallelToolCalls = v;
      return self();
    }

    /** Sets {@link ChatParameters#provider()}. */
    public B provider(@Nullable ProviderPreferences v) {
      provider = v;
      return self();
    }

    /** Sets {@link ChatParameters#plugins()}. */
    public B plugins(@Nullable List<Plugin> v) {
      plugins = v;
      return self();
    }

    /** Sets {@link ChatParameters#reasoning()}. */
    public B reasoning(@Nullable Reasoning v) {
      reasoning = v;
      return self();
    }

    /** Sets {@link ChatParameters#user()}. */
    public B user(@Nullable String v) {
      user = v;
      return self();
    }

    /** Sets {@link ChatParameters#sessionId()}. */
    public B sessionId(@Nullable String v) {
      sessionId = v;
      return self();
    }

    /** Sets {@link ChatParameters#metadata()}. */
    public B metadata(@Nullable Map<String, String> v) {
      metadata = v;
      return self();
    }
  }
}
