package dev.agentloop.agent;

import dev.agentloop.agent.compose.GuardrailOptions;
import dev.agentloop.agent.compose.HandoffOptions;
import dev.agentloop.observe.ObservabilityOptions;
import dev.agentloop.openrouter.CacheControl;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.RequestExtras;
import dev.agentloop.openrouter.ServerTool;
import dev.agentloop.run.RunStore;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
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
 * <p>The request parameters (model, fallback models, sampling parameters such as {@code
 * temperature} and {@code top_p}, {@code max_tokens}, {@code stop}, {@code seed}, {@code user},
 * {@code plugins}, {@code metadata}, provider preferences, reasoning, {@code tool_choice}) are one
 * {@link ChatParameters} value, sent with every request of every run; a run may override any of
 * them with {@link RunRequest#parameters()}. One left unset is not sent, so the provider's default
 * applies.
 *
 * <pre>{@code
 * AgentOptions options = new AgentOptions()
 *     .setParameters(ChatParameters.builder()
 *         .model("openai/gpt-4o-mini")
 *         .temperature(0.2)
 *         .seed(42L)
 *         .stop(List.of("END"))
 *         .plugins(List.of(Plugin.of("response-healing")))
 *         .build())
 *     .setMaxIterations(5);
 * }</pre>
 */
public final class AgentOptions {

  /** Default iteration cap: model requests that may lead to tool calls. */
  public static final int DEFAULT_MAX_ITERATIONS = 10;

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

  private ChatParameters parameters = ChatParameters.EMPTY;
  private @Nullable String instructions;
  private @Nullable Toolbox toolbox;
  private int maxIterations = DEFAULT_MAX_ITERATIONS;
  private MaxIterationsBehavior maxIterationsBehavior = MaxIterationsBehavior.FAIL;
  private int maxParallelToolCalls = DEFAULT_MAX_PARALLEL_TOOL_CALLS;
  private Duration toolTimeout = DEFAULT_TOOL_TIMEOUT;
  private @Nullable BigDecimal maxCostUsd;
  private long maxTotalTokens;
  private @Nullable Duration timeout;
  private Map<String, Integer> maxCallsPerTool = new LinkedHashMap<>();
  private int maxCallsPerResponse = DEFAULT_MAX_CALLS_PER_RESPONSE;
  private @Nullable Integer maxToolCalls;
  private int loopGuard = DEFAULT_LOOP_GUARD;
  private @Nullable ToolApprover approver;
  private @Nullable RunStore runStore;
  private @Nullable String name;
  private List<Handler<AgentEvent>> listeners = new ArrayList<>();
  private int maxOutputRepairs = DEFAULT_MAX_OUTPUT_REPAIRS;
  private Duration outputValidationTimeout = DEFAULT_OUTPUT_VALIDATION_TIMEOUT;
  private OutputMode outputMode = OutputMode.AUTO;
  private ObservabilityOptions observability = new ObservabilityOptions();
  private RequestExtras extras = RequestExtras.NONE;
  private List<ServerTool> serverTools = List.of();
  private @Nullable CacheControl cacheControl;
  private @Nullable CacheControl instructionsCacheControl;
  private @Nullable CacheControl toolsCacheControl;
  private @Nullable GuardrailOptions guardrails;
  private @Nullable HandoffOptions handoffs;

  /** Creates options with the defaults. */
  public AgentOptions() {}

  /**
   * Creates options from JSON, as written by {@link #toJson()}: {@code parameters} (the {@link
   * ChatParameters} in their wire form, e.g. {@code {"model":"openai/gpt-4o-mini","max_tokens":
   * 512}}), {@code instructions}, {@code maxIterations}, {@code maxIterationsBehavior}, {@code
   * maxParallelToolCalls}, {@code toolTimeout} and {@code timeout} (ISO-8601 such as {@code
   * "PT30S"}, or milliseconds), {@code maxCostUsd}, {@code maxTotalTokens}, {@code maxCallsPerTool}
   * (tool name to limit), {@code maxCallsPerResponse}, {@code loopGuard}, {@code maxOutputRepairs},
   * {@code outputMode}. Missing keys keep their defaults; other keys are ignored. The toolbox, the
   * approver, the listeners and the observability are code, not configuration: set them afterwards.
   *
   * @throws IllegalArgumentException when a value has the wrong type or is out of range
   */
  public AgentOptions(JsonObject json) {
    AgentOptionsConverter.fromJson(json, this);
  }

  /**
   * Returns the JSON form of every option except the toolbox, the approver, the listeners and the
   * observability; {@link #AgentOptions(JsonObject)} reads it back.
   */
  public JsonObject toJson() {
    return AgentOptionsConverter.toJson(this);
  }

  /** Creates a copy of other options. */
  public AgentOptions(AgentOptions other) {
    parameters = other.parameters;
    instructions = other.instructions;
    toolbox = other.toolbox;
    maxIterations = other.maxIterations;
    maxIterationsBehavior = other.maxIterationsBehavior;
    maxParallelToolCalls = other.maxParallelToolCalls;
    toolTimeout = other.toolTimeout;
    maxCostUsd = other.maxCostUsd;
    maxTotalTokens = other.maxTotalTokens;
    timeout = other.timeout;
    maxCallsPerTool = new LinkedHashMap<>(other.maxCallsPerTool);
    maxCallsPerResponse = other.maxCallsPerResponse;
    maxToolCalls = other.maxToolCalls;
    loopGuard = other.loopGuard;
    approver = other.approver;
    runStore = other.runStore;
    name = other.name;
    listeners = new ArrayList<>(other.listeners);
    maxOutputRepairs = other.maxOutputRepairs;
    outputValidationTimeout = other.outputValidationTimeout;
    outputMode = other.outputMode;
    observability = new ObservabilityOptions(other.observability);
    extras = other.extras;
    serverTools = other.serverTools;
    cacheControl = other.cacheControl;
    instructionsCacheControl = other.instructionsCacheControl;
    toolsCacheControl = other.toolsCacheControl;
    guardrails = other.guardrails;
    handoffs = other.handoffs;
  }

  /** The request parameters sent with every request, unless a run overrides them. */
  public ChatParameters getParameters() {
    return parameters;
  }

  /**
   * Sets the request parameters sent with every request: model, fallback models, sampling, {@code
   * max_tokens}, routing and the first request's {@code tool_choice}. A run overrides them field by
   * field with {@link RunRequest#parameters()}. A {@code session_id} set here is used by runs whose
   * request gives none ({@link RunRequest#sessionId()}); without either, each run generates one.
   */
  public AgentOptions setParameters(ChatParameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters == null");
    return this;
  }

  /** The model slug of {@link #getParameters()}; null uses the account default. */
  public @Nullable String getModel() {
    return parameters.model();
  }

  /**
   * Sets the model slug, e.g. {@code openai/gpt-4o-mini}: a shortcut that replaces the model of
   * {@link #getParameters()} and keeps the other parameters.
   */
  public AgentOptions setModel(@Nullable String model) {
    this.parameters = parameters.toBuilder().model(model).build();
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

  /**
   * Sets the timeout of a tool call whose tool declares none. Precedence, first that is set: the
   * tool's own ({@code @Tool(timeoutMillis)}), its toolbox's {@code defaultTimeout}, this. The
   * toolbox arms the call's only timer; on timeout the call's context is cancelled and the model
   * reads a {@code TIMEOUT} error result.
   *
   * @throws IllegalArgumentException when not positive
   */
  public AgentOptions setToolTimeout(Duration toolTimeout) {
    if (toolTimeout.isNegative() || toolTimeout.isZero()) {
      throw new IllegalArgumentException("toolTimeout must be positive: " + toolTimeout);
    }
    this.toolTimeout = toolTimeout;
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

  /** The limit of tool calls in a whole run (sub-runs included), or null for none (the default). */
  public @Nullable Integer getMaxToolCalls() {
    return maxToolCalls;
  }

  /**
   * Limits the tool calls of a whole run, counting every call the model asked for and the calls
   * made inside agents called as tools; null means no limit, 0 allows none. A response whose calls
   * would go over it stops the run with {@link StopReason#TOOL_CALL_LIMIT} before any of them runs.
   * An agent called as a tool gets what is left as its own limit.
   */
  public AgentOptions setMaxToolCalls(@Nullable Integer limit) {
    if (limit != null && limit < 0) {
      throw new IllegalArgumentException("maxToolCalls must be >= 0: " + limit);
    }
    this.maxToolCalls = limit;
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

  /** The agent's name, journaled with each run so that a server resumes it with this agent. */
  public @Nullable String getName() {
    return name;
  }

  /** Sets the agent's name (see {@link #getName()}); null for none. */
  public AgentOptions setName(@Nullable String name) {
    this.name = name;
    return this;
  }

  /** The store runs are journaled to, or null (the default) for runs that live in memory only. */
  public @Nullable RunStore getRunStore() {
    return runStore;
  }

  /**
   * Sets the store every run is journaled to: each run writes its journal before acting, can park
   * for deferred approvals and can be resumed with {@link Agent#resume}. Code, not configuration:
   * not part of the JSON form.
   */
  public AgentOptions setRunStore(@Nullable RunStore runStore) {
    this.runStore = runStore;
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

  /** Tracing and metrics (a copy). */
  public ObservabilityOptions getObservability() {
    return new ObservabilityOptions(observability);
  }

  /**
   * Sets tracing and metrics: OpenTelemetry spans and Micrometer meters; by default the global ones
   * when installed, otherwise nothing is recorded. The options are copied.
   */
  public AgentOptions setObservability(ObservabilityOptions observability) {
    this.observability =
        new ObservabilityOptions(Objects.requireNonNull(observability, "observability == null"));
    return this;
  }

  /** The extra request fields and headers sent with every request (empty by default). */
  public RequestExtras getExtras() {
    return extras;
  }

  /**
   * Sets request fields and HTTP headers that {@link ChatParameters} does not model (e.g. {@code
   * service_tier}, {@code X-OpenRouter-Metadata}), sent with every request; a run adds to them with
   * {@link RunRequest#extras()}, its values winning. Code, not configuration: not part of the JSON
   * form.
   */
  public AgentOptions setExtras(RequestExtras extras) {
    this.extras = Objects.requireNonNull(extras, "extras == null");
    return this;
  }

  /** The OpenRouter server tools offered with the toolbox (empty by default). */
  public List<ServerTool> getServerTools() {
    return serverTools;
  }

  /**
   * Sets the OpenRouter server tools (web search, web fetch, date and time, ...) offered on every
   * request after the toolbox's tools. OpenRouter runs them inside the request, so their calls
   * never reach the loop; citations of a web search come back in {@link AgentResult#sources()}.
   *
   * @throws IllegalArgumentException when two server tools have the same type
   */
  public AgentOptions setServerTools(List<ServerTool> serverTools) {
    List<ServerTool> copy = List.copyOf(serverTools);
    if (copy.stream().map(ServerTool::type).distinct().count() != copy.size()) {
      throw new IllegalArgumentException("server tools must have distinct types: " + copy);
    }
    this.serverTools = copy;
    return this;
  }

  /** The top-level {@code cache_control} of every request, or null. */
  public @Nullable CacheControl getCacheControl() {
    return cacheControl;
  }

  /**
   * Sets the top-level {@code cache_control} of every request: automatic prompt caching, whose
   * breakpoint advances with the conversation (Anthropic and other providers with explicit
   * caching); null for none.
   */
  public AgentOptions setCacheControl(@Nullable CacheControl cacheControl) {
    this.cacheControl = cacheControl;
    return this;
  }

  /** The prompt-cache breakpoint after the instructions, or null. */
  public @Nullable CacheControl getInstructionsCacheControl() {
    return instructionsCacheControl;
  }

  /**
   * Sets a prompt-cache breakpoint after the instructions: the system message is then sent as one
   * text part carrying {@code cache_control}; null for none.
   */
  public AgentOptions setInstructionsCacheControl(@Nullable CacheControl cacheControl) {
    this.instructionsCacheControl = cacheControl;
    return this;
  }

  /** The prompt-cache breakpoint after the tool definitions, or null. */
  public @Nullable CacheControl getToolsCacheControl() {
    return toolsCacheControl;
  }

  /**
   * Sets a prompt-cache breakpoint after the tool definitions: the last entry of {@code tools}
   * carries {@code cache_control}, so the definitions are cached; null for none.
   */
  public AgentOptions setToolsCacheControl(@Nullable CacheControl cacheControl) {
    this.toolsCacheControl = cacheControl;
    return this;
  }

  /** The guardrails (a copy), or null for none. */
  public @Nullable GuardrailOptions getGuardrails() {
    return guardrails == null ? null : new GuardrailOptions(guardrails);
  }

  /**
   * Sets the input, output and tool guardrails (copied); see {@link
   * dev.agentloop.agent.compose.GuardrailOptions}.
   */
  public AgentOptions setGuardrails(@Nullable GuardrailOptions guardrails) {
    this.guardrails = guardrails == null ? null : new GuardrailOptions(guardrails);
    return this;
  }

  /** The agents this one may hand the conversation to, or null for none. */
  public @Nullable HandoffOptions getHandoffs() {
    return handoffs;
  }

  /**
   * Sets the agents this one may hand the conversation to; see {@link
   * dev.agentloop.agent.compose.HandoffOptions}.
   */
  public AgentOptions setHandoffs(@Nullable HandoffOptions handoffs) {
    this.handoffs = handoffs;
    return this;
  }
}
