package dev.agentloop.observe.impl;

import dev.agentloop.agent.StopReason;
import dev.agentloop.observe.GenAi;
import dev.agentloop.observe.ObservabilityOptions;
import dev.agentloop.tool.ToolResult.ErrorKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The tracer and meters of one agent, resolved once from its {@link ObservabilityOptions}. Starts a
 * {@link RunTelemetry} per run: {@link RunTelemetry#NOOP} when neither tracing nor metrics are on,
 * so the no-op path allocates nothing. Thread-safe.
 */
public final class Telemetry {

  /** Telemetry that records nothing. */
  public static final Telemetry NOOP = new Telemetry(null, null, ObservabilityOptions.disabled());

  private static final Map<MeterRegistry, AtomicInteger> ACTIVE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private static final TextMapGetter<String> TRACEPARENT =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of("traceparent");
        }

        @Override
        public @Nullable String get(@Nullable String carrier, String key) {
          return "traceparent".equals(key) ? carrier : null;
        }
      };

  final @Nullable Tracer tracer;
  final @Nullable MeterRegistry registry;
  final ObservabilityOptions options;
  final @Nullable AtomicInteger active;
  // the run span's name, "invoke_agent {agent}": the agent name is fixed per instance
  final String runSpanName;

  private Telemetry(
      @Nullable Tracer tracer, @Nullable MeterRegistry registry, ObservabilityOptions options) {
    this.tracer = tracer;
    this.registry = registry;
    this.options = options;
    this.runSpanName = GenAi.OP_INVOKE_AGENT + " " + options.getAgentName();
    if (registry != null) {
      AtomicInteger shared = ACTIVE.computeIfAbsent(registry, r -> new AtomicInteger());
      Gauge.builder(GenAi.METRIC_ACTIVE_RUNS, shared, AtomicInteger::get)
          .description("Agent runs in progress")
          .register(registry);
      this.active = shared;
    } else {
      this.active = null;
    }
  }

  /** Resolves the tracer and the registry of the options (global ones when none is given). */
  public static Telemetry create(ObservabilityOptions options) {
    if (!options.isEnabled()) {
      return NOOP;
    }
    OpenTelemetry otel = options.getOpenTelemetry();
    if (otel == null && GlobalOpenTelemetry.isSet()) {
      otel = GlobalOpenTelemetry.get();
    }
    MeterRegistry registry = options.getMeterRegistry();
    if (registry == null && !Metrics.globalRegistry.getRegistries().isEmpty()) {
      registry = Metrics.globalRegistry;
    }
    if (otel == null && registry == null) {
      return NOOP;
    }
    Tracer tracer = otel == null ? null : otel.getTracer(GenAi.SCOPE);
    return new Telemetry(tracer, registry, new ObservabilityOptions(options));
  }

  /** Whether anything is recorded. */
  public boolean enabled() {
    return tracer != null || registry != null;
  }

  /**
   * Starts the telemetry of a run.
   *
   * @param runId the run id
   * @param conversationId the session id
   * @param model the requested model, or null
   * @param traceParent a W3C {@code traceparent} that becomes the run span's parent, or null
   * @param knownTools the tool names used as metric tags; others are tagged {@link
   *     GenAi#UNKNOWN_TOOL}
   */
  public RunTelemetry startRun(
      String runId,
      String conversationId,
      @Nullable String model,
      @Nullable String traceParent,
      Set<String> knownTools) {
    if (!enabled()) {
      return RunTelemetry.NOOP;
    }
    return new ActiveRunTelemetry(
        this, runId, conversationId, model, parent(traceParent), knownTools);
  }

  /** The context a W3C {@code traceparent} names, or the root context when null or invalid. */
  public static Context parent(@Nullable String traceParent) {
    if (traceParent == null || traceParent.length() > 256) {
      return Context.root();
    }
    return W3CTraceContextPropagator.getInstance()
        .extract(Context.root(), traceParent, TRACEPARENT);
  }

  /** The W3C {@code traceparent} of the context's span, or null when it has no valid span. */
  public static @Nullable String traceParent(Context context) {
    if (!Span.fromContext(context).getSpanContext().isValid()) {
      return null;
    }
    String[] out = {null};
    W3CTraceContextPropagator.getInstance()
        .inject(
            context,
            out,
            (carrier, key, value) -> {
              if ("traceparent".equals(key) && carrier != null) {
                carrier[0] = value;
              }
            });
    return out[0];
  }

  /** A meter's name and tags: the key of {@link #meters}. */
  private record MeterKey(String name, Tags tags) {}

  /**
   * The meters registered so far, so that recording looks one up instead of building and
   * registering it again (the registry's own lookup sorts tags and builds ids and configs on every
   * call). Bounded: tags are model, outcome, error type and known tool names only.
   */
  private final ConcurrentHashMap<MeterKey, Meter> meters = new ConcurrentHashMap<>();

  /**
   * The meters a successful chat request of one (requested, response) model pair records into,
   * resolved once per pair so that the hot path builds no tags and no keys.
   *
   * @param duration {@code gen_ai.client.operation.duration}
   * @param input {@code gen_ai.client.token.usage} for input tokens
   * @param output {@code gen_ai.client.token.usage} for output tokens
   * @param cost the cost counter
   */
  record ChatMeters(
      Timer duration, DistributionSummary input, DistributionSummary output, Counter cost) {}

  private final ConcurrentHashMap<String, ConcurrentHashMap<String, ChatMeters>> chatMeters =
      new ConcurrentHashMap<>();

  /** The meters of a successful chat request; call only when metrics are on. */
  ChatMeters chatMeters(String model, String responseModel) {
    ConcurrentHashMap<String, ChatMeters> byResponse = chatMeters.get(model);
    if (byResponse == null) {
      byResponse = chatMeters.computeIfAbsent(model, m -> new ConcurrentHashMap<>());
    }
    ChatMeters m = byResponse.get(responseModel);
    if (m == null) {
      m = byResponse.computeIfAbsent(responseModel, rm -> newChatMeters(model, rm));
    }
    return m;
  }

  private ChatMeters newChatMeters(String model, String responseModel) {
    Tags tokens =
        Tags.of(
            GenAi.OPERATION_NAME,
            GenAi.OP_CHAT,
            GenAi.PROVIDER_NAME,
            GenAi.PROVIDER_OPENROUTER,
            GenAi.REQUEST_MODEL,
            model,
            GenAi.RESPONSE_MODEL,
            responseModel);
    return new ChatMeters(
        (Timer) meter(GenAi.METRIC_OPERATION_DURATION, tokens.and(GenAi.ERROR_TYPE, "")),
        (DistributionSummary)
            meter(GenAi.METRIC_TOKEN_USAGE, tokens.and(GenAi.TOKEN_TYPE, "input")),
        (DistributionSummary)
            meter(GenAi.METRIC_TOKEN_USAGE, tokens.and(GenAi.TOKEN_TYPE, "output")),
        (Counter)
            meter(
                GenAi.METRIC_COST,
                Tags.of(GenAi.REQUEST_MODEL, model, GenAi.RESPONSE_MODEL, responseModel)));
  }

  private Meter meter(String name, Tags tags) {
    MeterRegistry r = registry;
    if (r == null) {
      throw new IllegalStateException("metrics are off");
    }
    return meters.computeIfAbsent(
        new MeterKey(name, tags),
        k ->
            switch (name) {
              case GenAi.METRIC_OPERATION_DURATION ->
                  Timer.builder(name)
                      .description("GenAI operation duration")
                      .tags(tags)
                      .serviceLevelObjectives(durationBuckets())
                      .register(r);
              case GenAi.METRIC_TOKEN_USAGE ->
                  DistributionSummary.builder(name)
                      .description("Number of input and output tokens used")
                      .tags(tags)
                      .serviceLevelObjectives(TOKEN_SLOS)
                      .register(r);
              default ->
                  Counter.builder(name)
                      .description("Cost of model requests in USD")
                      .tags(tags)
                      .register(r);
            });
  }

  void recordDuration(Tags tags, long nanos) {
    if (registry != null) {
      MeterRegistry r = registry;
      ((Timer)
              meters.computeIfAbsent(
                  new MeterKey(GenAi.METRIC_OPERATION_DURATION, tags),
                  k ->
                      Timer.builder(GenAi.METRIC_OPERATION_DURATION)
                          .description("GenAI operation duration")
                          .tags(tags)
                          .serviceLevelObjectives(durationBuckets())
                          .register(r)))
          .record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  void recordFirstChunk(Tags tags, long nanos) {
    if (registry != null) {
      MeterRegistry r = registry;
      ((Timer)
              meters.computeIfAbsent(
                  new MeterKey(GenAi.METRIC_TIME_TO_FIRST_CHUNK, tags),
                  k ->
                      Timer.builder(GenAi.METRIC_TIME_TO_FIRST_CHUNK)
                          .description("Time to receive the first chunk of a streamed response")
                          .tags(tags)
                          .serviceLevelObjectives(durationBuckets())
                          .register(r)))
          .record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Span names by model or tool name, built once rather than concatenated per span. Bounded: a
   * model or tool name comes from a request or a model's answer, so only names up to {@link
   * #CACHED_NAME_LENGTH} characters are kept, and past {@link #CACHED_NAMES} names further ones are
   * concatenated on every call.
   */
  private static final int CACHED_NAMES = 256;

  private static final int CACHED_NAME_LENGTH = 256;

  private final ConcurrentHashMap<String, String> chatSpanNames = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> toolSpanNames = new ConcurrentHashMap<>();

  /** {@code chat {model}}, or {@code chat} without a model. */
  String chatSpanName(String model) {
    return model.isEmpty() ? GenAi.OP_CHAT : spanName(chatSpanNames, GenAi.OP_CHAT, model);
  }

  /** {@code execute_tool {tool}}. */
  String toolSpanName(String tool) {
    return spanName(toolSpanNames, GenAi.OP_EXECUTE_TOOL, tool);
  }

  private static String spanName(
      ConcurrentHashMap<String, String> cache, String operation, String name) {
    String cached = cache.get(name);
    if (cached != null) {
      return cached;
    }
    String built = operation + " " + name;
    if (name.length() <= CACHED_NAME_LENGTH && cache.size() < CACHED_NAMES) {
      cache.putIfAbsent(name, built);
    }
    return built;
  }

  /** Tool-call counters by tool tag, then by outcome (0: ok, else the error kind's ordinal + 1). */
  private final ConcurrentHashMap<String, AtomicReferenceArray<Counter>> toolCalls =
      new ConcurrentHashMap<>();

  /** Run counters by stop reason ordinal. */
  private final AtomicReferenceArray<Counter> runs =
      new AtomicReferenceArray<>(StopReason.values().length);

  /**
   * Counts a tool call.
   *
   * @param tool the tool tag: a known tool's name or {@link GenAi#UNKNOWN_TOOL}, so bounded
   * @param outcome 0 for ok, else the error kind's ordinal + 1
   * @param outcomeTag the outcome's tag value
   */
  void countToolCall(String tool, int outcome, String outcomeTag) {
    if (registry == null) {
      return;
    }
    AtomicReferenceArray<Counter> byOutcome = toolCalls.get(tool);
    if (byOutcome == null) {
      byOutcome =
          toolCalls.computeIfAbsent(
              tool, k -> new AtomicReferenceArray<>(ErrorKind.values().length + 1));
    }
    Counter c = byOutcome.get(outcome);
    if (c == null) {
      c =
          counter(
              GenAi.METRIC_TOOL_CALLS,
              "Tool calls by tool and outcome",
              Tags.of(GenAi.TOOL_NAME, tool, GenAi.TOOL_OUTCOME, outcomeTag));
      byOutcome.set(outcome, c);
    }
    c.increment();
  }

  /** Counts a finished run by its stop reason. */
  void countRun(StopReason reason, String reasonTag) {
    if (registry == null) {
      return;
    }
    Counter c = runs.get(reason.ordinal());
    if (c == null) {
      c =
          counter(
              GenAi.METRIC_RUNS,
              "Agent runs by stop reason",
              Tags.of(GenAi.STOP_REASON, reasonTag));
      runs.set(reason.ordinal(), c);
    }
    c.increment();
  }

  private Counter counter(String name, String description, Tags tags) {
    MeterRegistry r = registry;
    if (r == null) {
      throw new IllegalStateException("metrics are off");
    }
    return (Counter)
        meters.computeIfAbsent(
            new MeterKey(name, tags),
            k -> Counter.builder(name).description(description).tags(tags).register(r));
  }

  void count(String name, String description, Tags tags, double amount) {
    if (registry != null) {
      counter(name, description, tags).increment(amount);
    }
  }

  void recordLimiterWait(long nanos) {
    if (registry != null) {
      MeterRegistry r = registry;
      ((Timer)
              meters.computeIfAbsent(
                  new MeterKey(GenAi.METRIC_LIMITER_WAIT, Tags.empty()),
                  k ->
                      Timer.builder(GenAi.METRIC_LIMITER_WAIT)
                          .description("Time waited for the client's request limiter")
                          .register(r)))
          .record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  private static final double[] TOKEN_SLOS =
      GenAi.TOKEN_BUCKETS.stream().mapToDouble(Double::doubleValue).toArray();

  private static final Duration[] DURATION_SLOS =
      GenAi.DURATION_BUCKETS.stream()
          .map(s -> Duration.ofNanos(Math.round(s * 1e9)))
          .toArray(Duration[]::new);

  private static Duration[] durationBuckets() {
    return DURATION_SLOS;
  }
}
