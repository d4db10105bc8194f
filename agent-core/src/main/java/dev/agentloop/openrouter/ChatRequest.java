package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /chat/completions}. Null fields are not sent. Build one with {@link
 * #builder()}; derive variants with {@link #toBuilder()}.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *     .model("openai/gpt-4o-mini")
 *     .addMessage(Message.user("Hello"))
 *     .maxTokens(256)
 *     .build();
 * }</pre>
 *
 * @param model the model slug, e.g. {@code openai/gpt-4o-mini}; null uses the account default
 * @param models fallback models tried in order after {@code model}; at most {@value
 *     #MAX_FALLBACK_MODELS}
 * @param messages the conversation; at least one message
 * @param stream whether to stream; set by the client
 * @param maxTokens the completion token limit; always send one, or the credit pre-check assumes the
 *     model maximum
 * @param maxCompletionTokens the newer name for {@code max_tokens}; send one of the two
 * @param temperature sampling temperature, 0 to 2
 * @param topP nucleus sampling, (0, 1]
 * @param topK top-k sampling
 * @param frequencyPenalty -2 to 2
 * @param presencePenalty -2 to 2
 * @param repetitionPenalty (0, 2]
 * @param minP min-p sampling, 0 to 1
 * @param topA top-a sampling, 0 to 1
 * @param seed seed for deterministic sampling where supported
 * @param stop up to 4 stop sequences
 * @param logitBias token id to bias
 * @param logprobs whether to return log probabilities
 * @param topLogprobs 0 to 20
 * @param tools the tools the model may call
 * @param toolChoice whether and which tool the model must call
 * @param parallelToolCalls whether the model may call several tools at once (default true)
 * @param responseFormat text, JSON object or JSON schema output
 * @param provider provider routing preferences
 * @param plugins OpenRouter plugins
 * @param reasoning reasoning options
 * @param user a stable id of the end user
 * @param sessionId groups requests of one session (sticky routing, observability); at most 256
 *     characters
 * @param metadata up to 16 string pairs
 * @param extra further top-level fields sent as they are (for API features not modelled here)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatRequest(
    @Nullable String model,
    @Nullable List<String> models,
    List<Message> messages,
    @Nullable Boolean stream,
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
    @Nullable List<ToolDefinition> tools,
    @Nullable ToolChoice toolChoice,
    @Nullable Boolean parallelToolCalls,
    @Nullable ResponseFormat responseFormat,
    @Nullable ProviderPreferences provider,
    @Nullable List<Plugin> plugins,
    @Nullable Reasoning reasoning,
    @Nullable String user,
    @Nullable String sessionId,
    @Nullable Map<String, String> metadata,
    @JsonIgnore Map<String, Object> extra) {

  /** OpenRouter rejects a {@code models} fallback list longer than this. */
  public static final int MAX_FALLBACK_MODELS = 3;

  /** Validates the request and copies collections. */
  public ChatRequest {
    Objects.requireNonNull(messages, "messages == null");
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must not be empty");
    }
    messages = List.copyOf(messages);
    if (models != null) {
      if (models.size() > MAX_FALLBACK_MODELS) {
        throw new IllegalArgumentException(
            "OpenRouter accepts at most " + MAX_FALLBACK_MODELS + " fallback models: " + models);
      }
      models = List.copyOf(models);
    }
    if (stop != null && stop.size() > 4) {
      throw new IllegalArgumentException("at most 4 stop sequences: " + stop.size());
    }
    if (sessionId != null && sessionId.length() > 256) {
      throw new IllegalArgumentException(
          "sessionId must be at most 256 characters: " + sessionId.length());
    }
    stop = stop == null ? null : List.copyOf(stop);
    tools = tools == null ? null : List.copyOf(tools);
    plugins = plugins == null ? null : List.copyOf(plugins);
    logitBias = logitBias == null ? null : Map.copyOf(logitBias);
    metadata = metadata == null ? null : Map.copyOf(metadata);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  /** Extra fields, flattened into the request object. */
  @JsonAnyGetter
  public Map<String, Object> jsonExtra() {
    return extra;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised from this request. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.model = model;
    b.models = models;
    b.messages = new ArrayList<>(messages);
    b.stream = stream;
    b.maxTokens = maxTokens;
    b.maxCompletionTokens = maxCompletionTokens;
    b.temperature = temperature;
    b.topP = topP;
    b.topK = topK;
    b.frequencyPenalty = frequencyPenalty;
    b.presencePenalty = presencePenalty;
    b.repetitionPenalty = repetitionPenalty;
    b.minP = minP;
    b.topA = topA;
    b.seed = seed;
    b.stop = stop;
    b.logitBias = logitBias;
    b.logprobs = logprobs;
    b.topLogprobs = topLogprobs;
    b.tools = tools;
    b.toolChoice = toolChoice;
    b.parallelToolCalls = parallelToolCalls;
    b.responseFormat = responseFormat;
    b.provider = provider;
    b.plugins = plugins;
    b.reasoning = reasoning;
    b.user = user;
    b.sessionId = sessionId;
    b.metadata = metadata;
    b.extra = new LinkedHashMap<>(extra);
    return b;
  }

  /** Builds {@link ChatRequest}s. */
  public static final class Builder {
    private @Nullable String model;
    private @Nullable List<String> models;
    private List<Message> messages = new ArrayList<>();
    private @Nullable Boolean stream;
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
    private @Nullable List<ToolDefinition> tools;
    private @Nullable ToolChoice toolChoice;
    private @Nullable Boolean parallelToolCalls;
    private @Nullable ResponseFormat responseFormat;
    private @Nullable ProviderPreferences provider;
    private @Nullable List<Plugin> plugins;
    private @Nullable Reasoning reasoning;
    private @Nullable String user;
    private @Nullable String sessionId;
    private @Nullable Map<String, String> metadata;
    private Map<String, Object> extra = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets model: the model slug, e.g. {@code openai/gpt-4o-mini}; null uses the account default.
     */
    public Builder model(@Nullable String v) {
      model = v;
      return this;
    }

    /** Sets models: fallback models tried in order after {@code model}; at most . */
    public Builder models(@Nullable List<String> v) {
      models = v;
      return this;
    }

    /** Replaces the messages. */
    public Builder messages(List<Message> v) {
      messages = new ArrayList<>(v);
      return this;
    }

    /** Appends a message. */
    public Builder addMessage(Message v) {
      messages.add(Objects.requireNonNull(v, "message == null"));
      return this;
    }

    /** Sets stream: whether to stream; set by the client. */
    public Builder stream(@Nullable Boolean v) {
      stream = v;
      return this;
    }

    /**
     * Sets maxTokens: the completion token limit; always send one, or the credit pre-check assumes
     * the model maximum.
     */
    public Builder maxTokens(@Nullable Integer v) {
      maxTokens = v;
      return this;
    }

    /** Sets maxCompletionTokens: the newer name for {@code max_tokens}; send one of the two. */
    public Builder maxCompletionTokens(@Nullable Integer v) {
      maxCompletionTokens = v;
      return this;
    }

    /** Sets temperature: sampling temperature, 0 to 2. */
    public Builder temperature(@Nullable Double v) {
      temperature = v;
      return this;
    }

    /** Sets topP: nucleus sampling, (0, 1]. */
    public Builder topP(@Nullable Double v) {
      topP = v;
      return this;
    }

    /** Sets topK: top-k sampling. */
    public Builder topK(@Nullable Integer v) {
      topK = v;
      return this;
    }

    /** Sets frequencyPenalty: -2 to 2. */
    public Builder frequencyPenalty(@Nullable Double v) {
      frequencyPenalty = v;
      return this;
    }

    /** Sets presencePenalty: -2 to 2. */
    public Builder presencePenalty(@Nullable Double v) {
      presencePenalty = v;
      return this;
    }

    /** Sets repetitionPenalty: (0, 2]. */
    public Builder repetitionPenalty(@Nullable Double v) {
      repetitionPenalty = v;
      return this;
    }

    /** Sets minP: min-p sampling, 0 to 1. */
    public Builder minP(@Nullable Double v) {
      minP = v;
      return this;
    }

    /** Sets topA: top-a sampling, 0 to 1. */
    public Builder topA(@Nullable Double v) {
      topA = v;
      return this;
    }

    /** Sets seed: seed for deterministic sampling where supported. */
    public Builder seed(@Nullable Long v) {
      seed = v;
      return this;
    }

    /** Sets stop: up to 4 stop sequences. */
    public Builder stop(@Nullable List<String> v) {
      stop = v;
      return this;
    }

    /** Sets logitBias: token id to bias. */
    public Builder logitBias(@Nullable Map<String, Integer> v) {
      logitBias = v;
      return this;
    }

    /** Sets logprobs: whether to return log probabilities. */
    public Builder logprobs(@Nullable Boolean v) {
      logprobs = v;
      return this;
    }

    /** Sets topLogprobs: 0 to 20. */
    public Builder topLogprobs(@Nullable Integer v) {
      topLogprobs = v;
      return this;
    }

    /** Sets tools: the tools the model may call. */
    public Builder tools(@Nullable List<ToolDefinition> v) {
      tools = v;
      return this;
    }

    /** Sets toolChoice: whether and which tool the model must call. */
    public Builder toolChoice(@Nullable ToolChoice v) {
      toolChoice = v;
      return this;
    }

    /** Sets parallelToolCalls: whether the model may call several tools at once (default true). */
    public Builder parallelToolCalls(@Nullable Boolean v) {
      parallelToolCalls = v;
      return this;
    }

    /** Sets responseFormat: text, JSON object or JSON schema output. */
    public Builder responseFormat(@Nullable ResponseFormat v) {
      responseFormat = v;
      return this;
    }

    /** Sets provider: provider routing preferences. */
    public Builder provider(@Nullable ProviderPreferences v) {
      provider = v;
      return this;
    }

    /** Sets plugins: OpenRouter plugins. */
    public Builder plugins(@Nullable List<Plugin> v) {
      plugins = v;
      return this;
    }

    /** Sets reasoning: reasoning options. */
    public Builder reasoning(@Nullable Reasoning v) {
      reasoning = v;
      return this;
    }

    /** Sets user: a stable id of the end user. */
    public Builder user(@Nullable String v) {
      user = v;
      return this;
    }

    /**
     * Sets sessionId: groups requests of one session (sticky routing, observability); at most 256
     * characters.
     */
    public Builder sessionId(@Nullable String v) {
      sessionId = v;
      return this;
    }

    /** Sets metadata: up to 16 string pairs. */
    public Builder metadata(@Nullable Map<String, String> v) {
      metadata = v;
      return this;
    }

    /** Sets a further top-level field, sent as it is; null removes it. */
    public Builder extra(String name, @Nullable Object value) {
      if (value == null) {
        extra.remove(name);
      } else {
        extra.put(name, value);
      }
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException when messages are empty or more than {@value
     *     #MAX_FALLBACK_MODELS} fallback models are given
     */
    public ChatRequest build() {
      return new ChatRequest(
          model,
          models,
          messages,
          stream,
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
          tools,
          toolChoice,
          parallelToolCalls,
          responseFormat,
          provider,
          plugins,
          reasoning,
          user,
          sessionId,
          metadata,
          extra);
    }
  }
}
