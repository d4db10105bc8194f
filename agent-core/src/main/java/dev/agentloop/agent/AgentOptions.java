package dev.agentloop.agent;

import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.Plugin;
import dev.agentloop.openrouter.ProviderPreferences;
import dev.agentloop.openrouter.Reasoning;
import dev.agentloop.openrouter.ToolChoice;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Handler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of an {@link Agent}, in the Vert.x options style: fluent setters that validate, a
 * copy constructor, {@code DEFAULT_*} constants. {@link Agent#create} copies the options, so
 * changing them afterwards does not affect the agent.
 *
 * <p>The request options (model, sampling parameters such as {@code temperature} and {@code top_p},
 * {@code stop}, {@code seed}, {@code user}, {@code plugins}, {@code metadata}, provider
 * preferences, reasoning) are copied into every request of every run. One left unset (null, or
 * empty for lists and maps) is not sent, so the provider's default applies.
 *
 * <pre>{@code
 * AgentOptions options = new AgentOptions()
 *     .setModel("openai/gpt-4o-mini")
 *     .setTemperature(0.2)
 *     .setTopP(0.9)
 *     .setSeed(42L)
 *     .setStop(List.of("END"))
 *     .setPlugins(List.of(Plugin.of("response-healing")));
 * }</pre>
 */
public final class AgentOptions {

  /** Default iteration cap: model requests that may lead to tool calls. */
  public static final int DEFAULT_MAX_ITERATIONS = 10;

  /** Default completion token limit sent as {@code max_tokens} on every request. */
  public static final int DEFAULT_MAX_TOKENS = 4096;

  /** Default bound on concurrently running tool calls of one step. */
  public static final int DEFAULT_MAX_PARALLEL_TOOL_CALLS = 8;

  /** Default timeout of a tool call whose tool declares none. */
  public static final Duration DEFAULT_TOOL_TIMEOUT = Duration.ofSeconds(60);

  /** Default number of identical calls (same tool, same arguments) allowed per run. */
  public static final int DEFAULT_LOOP_GUARD = 3;

  /**
   * Default limit of tool calls in one model response (128); a response with more stops the run
   * with {@link StopReason#TOOL_CALL_LIMIT} before any of its calls runs.
   */
  public static final int DEFAULT_MAX_CALLS_PER_RESPONSE = 128;

  /** Default time budget for checking an answer against a caller-supplied output schema. */
  public static final Duration DEFAULT_OUTPUT_VALIDATION_TIMEOUT = Duration.ofSeconds(1);

  /** Default number of repair requests for invalid structured output. */
  public static final int DEFAULT_MAX_OUTPUT_REPAIRS = 2;

  /** How structured output is requested. */
  public enum OutputMode {
    /**
     * {@code json_schema} when the model supports it (per {@code supported_parameters}), else
     * {@code json_object}.
     */
    AUTO,
    /** Always {@code json_schema} with {@code strict: true}. */
    JSON_SCHEMA,
    /** {@code json_object}, with the schema written into the instructions. */
    JSON_OBJECT
  }

  private @Nullable String model;
  private List<String> fallbackModels = new ArrayList<>();
  private @Nullable ProviderPreferences provider;
  private @Nullable String instructions;
  private @Nullable Toolbox toolbox;
  private int maxIterations = DEFAULT_MAX_ITERATIONS;
  private MaxIterationsBehavior maxIterationsBehavior = MaxIterationsBehavior.FAIL;
  private int maxParallelToolCalls = DEFAULT_MAX_PARALLEL_TOOL_CALLS;
  private Duration toolTimeout = DEFAULT_TOOL_TIMEOUT;
  private @Nullable Double temperature;
  private @Nullable Double topP;
  private @Nullable Integer topK;
  private @Nullable Double minP;
  private @Nullable Double topA;
  private @Nullable Double frequencyPenalty;
  private @Nullable Double presencePenalty;
  private @Nullable Double repetitionPenalty;
  private @Nullable Long seed;
  private List<String> stop = new ArrayList<>();
  private @Nullable String user;
  private List<Plugin> plugins = new ArrayList<>();
  private Map<String, String> metadata = new LinkedHashMap<>();
  private int maxTokens = DEFAULT_MAX_TOKENS;
  private @Nullable Reasoning reasoning;
  private @Nullable Boolean parallelToolCalls;
  private @Nullable ToolChoice toolChoice;
  private @Nullable BigDecimal maxCostUsd;
  private long maxTotalTokens;
  private @Nullable Duration timeout;
  private Map<String, Integer> maxCallsPerTool = new LinkedHashMap<>();
  private int maxCallsPerResponse = DEFAULT_MAX_CALLS_PER_RESPONSE;
  private int loopGuard = DEFAULT_LOOP_GUARD;
  private @Nullable ToolApprover approver;
  private List<Handler<AgentEvent>> listeners = new ArrayList<>();
  private int maxOutputRepairs = DEFAULT_MAX_OUTPUT_REPAIRS;
  private Duration outputValidationTimeout = DEFAULT_OUTPUT_VALIDATION_TIMEOUT;
  private OutputMode outputMode = OutputMode.AUTO;

  /** Creates options with the defaults. */
  public AgentOptions() {}

  /** Creates a copy of other options. */
  public AgentOptions(AgentOptions other) {
    model = other.model;
    fallbackModels = new ArrayList<>(other.fallbackModels);
    provider = other.provider;
    instructions = other.instructions;
    toolbox = other.toolbox;
    maxIterations = other.maxIterations;
    maxIterationsBehavior = other.maxIterationsBehavior;
    maxParallelToolCalls = other.maxParallelToolCalls;
    toolTimeout = other.toolTimeout;
    temperature = other.temperature;
    topP = other.topP;
    topK = other.topK;
    minP = other.minP;
    topA = other.topA;
    frequencyPenalty = other.frequencyPenalty;
    presencePenalty = other.presencePenalty;
    repetitionPenalty = other.repetitionPenalty;
    seed = other.seed;
    stop = new ArrayList<>(other.stop);
    user = other.user;
    plugins = new ArrayList<>(other.plugins);
    metadata = new LinkedHashMap<>(other.metadata);
    maxTokens = other.maxTokens;
    reasoning = other.reasoning;
    parallelToolCalls = other.parallelToolCalls;
    toolChoice = other.toolChoice;
    maxCostUsd = other.maxCostUsd;
    maxTotalTokens = other.maxTotalTokens;
    timeout = other.timeout;
    maxCallsPerTool = new LinkedHashMap<>(other.maxCallsPerTool);
    maxCallsPerResponse = other.maxCallsPerResponse;
    loopGuard = other.loopGuard;
    approver = other.approver;
    listeners = new ArrayList<>(other.listeners);
    maxOutputRepairs = other.maxOutputRepairs;
    outputValidationTimeout = other.outputValidationTimeout;
    outputMode = other.outputMode;
  }

  /** The model slug; null uses the account default. */
  public @Nullable String getModel() {
    return model;
  }

  /** Sets the model slug, e.g. {@code openai/gpt-4o-mini}. */
  public AgentOptions setModel(@Nullable String model) {
    this.model = model;
    return this;
  }

  /** The fallback models, sent as {@code models}. */
  public List<String> getFallbackModels() {
    return List.copyOf(fallbackModels);
  }

  /**
   * Sets the fallback models tried after the model fails.
   *
   * @throws IllegalArgumentException when more than {@value ChatRequest#MAX_FALLBACK_MODELS} are
   *     given
   */
  public AgentOptions setFallbackModels(List<String> models) {
    if (models.size() > ChatRequest.MAX_FALLBACK_MODELS) {
      throw new IllegalArgumentException(
          "at most " + ChatRequest.MAX_FALLBACK_MODELS + " fallback models: " + models.size());
    }
    this.fallbackModels = new ArrayList<>(models);
    return this;
  }

  /** The provider routing preferences, or null. */
  public @Nullable ProviderPreferences getProvider() {
    return provider;
  }

  /** Sets the provider routing preferences. */
  public AgentOptions setProvider(@Nullable ProviderPreferences provider) {
    this.provider = provider;
    return this;
  }

  /** The system instructions, or null. */
  public @Nullable String getInstructions() {
    return instructions;
  }

  /** Sets the system instructions, sent as the first message of every request. */
  public AgentOptions setInstructions(@Nullable String instructions) {
    this.instructions = instructions;
    return this;
  }

  /** The tools, or null for none. */
  public @Nullable Toolbox getToolbox() {
    return toolbox;
  }

  /** Sets the tools the model may call. */
  public AgentOptions setToolbox(@Nullable Toolbox toolbox) {
    this.toolbox = toolbox;
    return this;
  }

  /** The iteration cap. */
  public int getMaxIterations() {
    return maxIterations;
  }

  /**
   * Sets the iteration cap: how many model requests a run may make whose tool calls are executed.
   *
   * @throws IllegalArgumentException when not positive
   */
  public AgentOptions setMaxIterations(int maxIterations) {
    if (maxIterations <= 0) {
      throw new IllegalArgumentException("maxIterations must be > 0: " + maxIterations);
    }
    this.maxIterations = maxIterations;
    return this;
  }

  /** What happens at the iteration cap. */
  public MaxIterationsBehavior getMaxIterationsBehavior() {
    return maxIterationsBehavior;
  }

  /** Sets what happens at the iteration cap. */
  public AgentOptions setMaxIterationsBehavior(MaxIterationsBehavior behavior) {
    this.maxIterationsBehavior = Objects.requireNonNull(behavior, "behavior == null");
    return this;
  }

  /** The bound on concurrently running tool calls of one step. */
  public int getMaxParallelToolCalls() {
    return maxParallelToolCalls;
  }

  /**
   * Sets the bound on concurrently running tool calls of one step.
   *
   * @throws IllegalArgumentException when not positive
   */
  public AgentOptions setMaxParallelToolCalls(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("maxParallelToolCalls must be > 0: " + n);
    }
    this.maxParallelToolCalls = n;
    return this;
  }

  /** The timeout for tools that declare none. */
  public Duration getToolTimeout() {
    return toolTimeout;
  }

  /** Sets the timeout for tools that declare none. */
  public AgentOptions setToolTimeout(Duration toolTimeout) {
    if (toolTimeout.isNegative() || toolTimeout.isZero()) {
      throw new IllegalArgumentException("toolTimeout must be positive: " + toolTimeout);
    }
    this.toolTimeout = toolTimeout;
    return this;
  }

  /** The sampling temperature, or null for the provider default. */
  public @Nullable Double getTemperature() {
    return temperature;
  }

  /** Sets the sampling temperature, 0 to 2. */
  public AgentOptions setTemperature(@Nullable Double temperature) {
    if (temperature != null && (temperature < 0 || temperature > 2)) {
      throw new IllegalArgumentException("temperature must be within [0, 2]: " + temperature);
    }
    this.temperature = temperature;
    return this;
  }

  /** The {@code top_p} (nucleus sampling), or null for the provider default. */
  public @Nullable Double getTopP() {
    return topP;
  }

  /** Sets {@code top_p}, within (0, 1]. */
  public AgentOptions setTopP(@Nullable Double topP) {
    this.topP = check(topP, topP == null || (topP > 0 && topP <= 1), "topP must be within (0, 1]");
    return this;
  }

  /** The {@code top_k}, or null for the provider default. */
  public @Nullable Integer getTopK() {
    return topK;
  }

  /** Sets {@code top_k}, at least 0 (0 disables it). */
  public AgentOptions setTopK(@Nullable Integer topK) {
    this.topK = check(topK, topK == null || topK >= 0, "topK must be >= 0");
    return this;
  }

  /** The {@code min_p}, or null for the provider default. */
  public @Nullable Double getMinP() {
    return minP;
  }

  /** Sets {@code min_p}, within [0, 1]. */
  public AgentOptions setMinP(@Nullable Double minP) {
    this.minP = check(minP, minP == null || (minP >= 0 && minP <= 1), "minP must be within [0, 1]");
    return this;
  }

  /** The {@code top_a}, or null for the provider default. */
  public @Nullable Double getTopA() {
    return topA;
  }

  /** Sets {@code top_a}, within [0, 1]. */
  public AgentOptions setTopA(@Nullable Double topA) {
    this.topA = check(topA, topA == null || (topA >= 0 && topA <= 1), "topA must be within [0, 1]");
    return this;
  }

  /** The {@code frequency_penalty}, or null for the provider default. */
  public @Nullable Double getFrequencyPenalty() {
    return frequencyPenalty;
  }

  /** Sets {@code frequency_penalty}, within [-2, 2]. */
  public AgentOptions setFrequencyPenalty(@Nullable Double penalty) {
    this.frequencyPenalty =
        check(
            penalty,
            penalty == null || Math.abs(penalty) <= 2,
            "frequencyPenalty must be within [-2, 2]");
    return this;
  }

  /** The {@code presence_penalty}, or null for the provider default. */
  public @Nullable Double getPresencePenalty() {
    return presencePenalty;
  }

  /** Sets {@code presence_penalty}, within [-2, 2]. */
  public AgentOptions setPresencePenalty(@Nullable Double penalty) {
    this.presencePenalty =
        check(
            penalty,
            penalty == null || Math.abs(penalty) <= 2,
            "presencePenalty must be within [-2, 2]");
    return this;
  }

  /** The {@code repetition_penalty}, or null for the provider default. */
  public @Nullable Double getRepetitionPenalty() {
    return repetitionPenalty;
  }

  /** Sets {@code repetition_penalty}, within (0, 2]. */
  public AgentOptions setRepetitionPenalty(@Nullable Double penalty) {
    this.repetitionPenalty =
        check(
            penalty,
            penalty == null || (penalty > 0 && penalty <= 2),
            "repetitionPenalty must be within (0, 2]");
    return this;
  }

  /** The {@code seed}, or null for none. */
  public @Nullable Long getSeed() {
    return seed;
  }

  /** Sets the {@code seed}, for deterministic sampling where the provider supports it. */
  public AgentOptions setSeed(@Nullable Long seed) {
    this.seed = seed;
    return this;
  }

  /** The stop sequences; empty for none. */
  public List<String> getStop() {
    return List.copyOf(stop);
  }

  /**
   * Sets the stop sequences, sent as {@code stop}; empty sends none.
   *
   * @throws IllegalArgumentException when more than 4 are given
   */
  public AgentOptions setStop(List<String> stop) {
    Objects.requireNonNull(stop, "stop == null");
    check(stop.size(), stop.size() <= 4, "at most 4 stop sequences");
    this.stop = new ArrayList<>(List.copyOf(stop));
    return this;
  }

  /** The end-user id sent as {@code user}, or null. */
  public @Nullable String getUser() {
    return user;
  }

  /** Sets a stable id of the end user, sent as {@code user} (abuse detection, per-user stats). */
  public AgentOptions setUser(@Nullable String user) {
    this.user = user;
    return this;
  }

  /** The OpenRouter plugins; empty for none. */
  public List<Plugin> getPlugins() {
    return List.copyOf(plugins);
  }

  /** Sets the OpenRouter plugins, e.g. {@code Plugin.of("response-healing")}; empty sends none. */
  public AgentOptions setPlugins(List<Plugin> plugins) {
    Objects.requireNonNull(plugins, "plugins == null");
    this.plugins = new ArrayList<>(List.copyOf(plugins));
    return this;
  }

  /** The request metadata; empty for none. */
  public Map<String, String> getMetadata() {
    return Map.copyOf(metadata);
  }

  /**
   * Sets the request {@code metadata}; empty sends none.
   *
   * @throws IllegalArgumentException beyond 16 pairs, 64-character keys or 512-character values
   */
  public AgentOptions setMetadata(Map<String, String> metadata) {
    Objects.requireNonNull(metadata, "metadata == null");
    check(metadata.size(), metadata.size() <= 16, "at most 16 metadata pairs");
    metadata.forEach(
        (k, v) -> {
          check(k, k.length() <= 64, "metadata keys must be at most 64 characters");
          check(
              v.length(),
              v.length() <= 512,
              "metadata value of " + k + " must be at most 512 characters");
        });
    this.metadata = new LinkedHashMap<>(metadata);
    return this;
  }

  /** The {@code max_tokens} sent on every request. */
  public int getMaxTokens() {
    return maxTokens;
  }

  /** Sets the {@code max_tokens} sent on every request. */
  public AgentOptions setMaxTokens(int maxTokens) {
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be > 0: " + maxTokens);
    }
    this.maxTokens = maxTokens;
    return this;
  }

  /** The reasoning options, or null. */
  public @Nullable Reasoning getReasoning() {
    return reasoning;
  }

  /** Sets the reasoning options. */
  public AgentOptions setReasoning(@Nullable Reasoning reasoning) {
    this.reasoning = reasoning;
    return this;
  }

  /** Whether the model may call several tools at once; null leaves the API default (true). */
  public @Nullable Boolean getParallelToolCalls() {
    return parallelToolCalls;
  }

  /** Sets {@code parallel_tool_calls}. */
  public AgentOptions setParallelToolCalls(@Nullable Boolean parallelToolCalls) {
    this.parallelToolCalls = parallelToolCalls;
    return this;
  }

  /** The tool choice of a run's first request, or null for auto. */
  public @Nullable ToolChoice getToolChoice() {
    return toolChoice;
  }

  /**
   * Sets the tool choice of a run's first request. A forcing choice ({@code required} or a
   * function) applies to the first request only; later requests use {@code auto}, or the model
   * could never stop.
   */
  public AgentOptions setToolChoice(@Nullable ToolChoice toolChoice) {
    this.toolChoice = toolChoice;
    return this;
  }

  /** The cost budget of one run in USD, or null for none. */
  public @Nullable BigDecimal getMaxCostUsd() {
    return maxCostUsd;
  }

  /** Sets the cost budget of one run in USD; the run stops once its reported cost reaches it. */
  public AgentOptions setMaxCostUsd(@Nullable BigDecimal maxCostUsd) {
    if (maxCostUsd != null && maxCostUsd.signum() <= 0) {
      throw new IllegalArgumentException("maxCostUsd must be > 0: " + maxCostUsd);
    }
    this.maxCostUsd = maxCostUsd;
    return this;
  }

  /** The token budget of one run (prompt plus completion), or 0 for none. */
  public long getMaxTotalTokens() {
    return maxTotalTokens;
  }

  /** Sets the token budget of one run (prompt plus completion tokens); 0 means none. */
  public AgentOptions setMaxTotalTokens(long maxTotalTokens) {
    if (maxTotalTokens < 0) {
      throw new IllegalArgumentException("maxTotalTokens must be >= 0: " + maxTotalTokens);
    }
    this.maxTotalTokens = maxTotalTokens;
    return this;
  }

  /** The run deadline, measured from the start of the run, or null for none. */
  public @Nullable Duration getTimeout() {
    return timeout;
  }

  /** Sets the run deadline, measured from the start of the run. */
  public AgentOptions setTimeout(@Nullable Duration timeout) {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
    return this;
  }

  /** The per-run call limits by tool name. */
  public Map<String, Integer> getMaxCallsPerTool() {
    return Map.copyOf(maxCallsPerTool);
  }

  /** Limits how many times one tool may be called in a run; exceeding it stops the run. */
  public AgentOptions setMaxCallsPerTool(String tool, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0: " + limit);
    }
    maxCallsPerTool.put(Objects.requireNonNull(tool, "tool == null"), limit);
    return this;
  }

  /** The limit of tool calls in one model response, or 0 for none. */
  public int getMaxCallsPerResponse() {
    return maxCallsPerResponse;
  }

  /**
   * Limits the tool calls in one model response (default {@value #DEFAULT_MAX_CALLS_PER_RESPONSE});
   * 0 means no limit. A response with more calls stops the run with {@link
   * StopReason#TOOL_CALL_LIMIT} before any of its calls runs: such an answer is a model gone wrong,
   * and answering each call with an error would send as many tool messages back, at the user's
   * cost. Every call of that response is answered with a refusal in the transcript.
   */
  public AgentOptions setMaxCallsPerResponse(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("maxCallsPerResponse must be >= 0: " + limit);
    }
    this.maxCallsPerResponse = limit;
    return this;
  }

  /** How many identical calls (same tool, same arguments) a run may make. */
  public int getLoopGuard() {
    return loopGuard;
  }

  /**
   * Sets how many identical calls (same tool, same normalized arguments) a run may make; further
   * ones are refused with a message to the model.
   */
  public AgentOptions setLoopGuard(int loopGuard) {
    if (loopGuard <= 0) {
      throw new IllegalArgumentException("loopGuard must be > 0: " + loopGuard);
    }
    this.loopGuard = loopGuard;
    return this;
  }

  /** The approval hook, or null (calls needing approval are then rejected). */
  public @Nullable ToolApprover getApprover() {
    return approver;
  }

  /** Sets the approval hook for tools marked {@code requiresApproval}. */
  public AgentOptions setApprover(@Nullable ToolApprover approver) {
    this.approver = approver;
    return this;
  }

  /** The listeners that receive the events of every run. */
  public List<Handler<AgentEvent>> getListeners() {
    return List.copyOf(listeners);
  }

  /** Adds a listener that receives the events of every run, on the run's context. */
  public AgentOptions addListener(Handler<AgentEvent> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener == null"));
    return this;
  }

  /** The number of repair requests for invalid structured output. */
  public int getMaxOutputRepairs() {
    return maxOutputRepairs;
  }

  /** Sets the number of repair requests for invalid structured output. */
  public AgentOptions setMaxOutputRepairs(int maxOutputRepairs) {
    if (maxOutputRepairs < 0) {
      throw new IllegalArgumentException("maxOutputRepairs must be >= 0: " + maxOutputRepairs);
    }
    this.maxOutputRepairs = maxOutputRepairs;
    return this;
  }

  /** The time budget for checking an answer against a caller-supplied output schema. */
  public Duration getOutputValidationTimeout() {
    return outputValidationTimeout;
  }

  /**
   * Sets the time budget for checking an answer against a caller-supplied schema ({@link
   * RunRequest#outputSchema()}); must be positive. The check runs on a worker; an answer whose
   * check exceeds it (a backtracking {@code pattern}) stops the run with {@link
   * StopReason#OUTPUT_INVALID}, without repair requests.
   */
  public AgentOptions setOutputValidationTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "outputValidationTimeout == null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("outputValidationTimeout must be positive: " + timeout);
    }
    this.outputValidationTimeout = timeout;
    return this;
  }

  /** How structured output is requested. */
  public OutputMode getOutputMode() {
    return outputMode;
  }

  /** Sets how structured output is requested. */
  public AgentOptions setOutputMode(OutputMode outputMode) {
    this.outputMode = Objects.requireNonNull(outputMode, "outputMode == null");
    return this;
  }

  private static <T> T check(T value, boolean valid, String rule) {
    if (!valid) {
      throw new IllegalArgumentException(rule + ": " + value);
    }
    return value;
  }
}
