package dev.agentloop.bench.jmh;

import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.StopReason;
import dev.agentloop.bench.Observed;
import dev.agentloop.bench.Script;
import dev.agentloop.observe.GenAi;
import dev.agentloop.observe.ObservabilityOptions;
import dev.agentloop.observe.impl.ChatTelemetry;
import dev.agentloop.observe.impl.RunTelemetry;
import dev.agentloop.observe.impl.Telemetry;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.Choice;
import dev.agentloop.openrouter.FunctionCall;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.tool.ToolResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What tracing and metrics cost per conversation of the load harness's script (one run, four model
 * requests, three tool calls: 8 spans), measured on the calling thread, against a floor: the same
 * spans, attributes and meter records made directly with the OpenTelemetry and Micrometer APIs,
 * with every key, name and meter prepared beforehand, and no AgentLoop code. The gap between the
 * two is what AgentLoop's instrumentation adds; the floor is what any instrumentation recording the
 * same data pays.
 *
 * <p>{@code agentLoopSampled} traces one conversation in ten (metrics for all), as production
 * setups that sample do. The {@code *Simple} variants end spans through a {@link
 * SimpleSpanProcessor}, which converts and exports each span on the calling thread, so the score
 * holds all the CPU the spans cost. The {@code *Batch} variants use the {@link BatchSpanProcessor}
 * the load harness's {@code agentloop-otel} contender uses, whose export thread's share is not in
 * the score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ObserveSdkBench {

  private static final String AGENT = "agent";
  private static final String CONVERSATION = "s-1";
  private static final String SERVER = "127.0.0.1";
  private static final int PORT = 8080;

  /** Spans the exporters received (they count and drop). */
  private final AtomicLong exported = new AtomicLong();

  /** When set, the exporters also keep what they receive (for the test, never in a benchmark). */
  private @Nullable List<SpanData> kept;

  private final List<AutoCloseable> closing = new ArrayList<>();
  private Telemetry simple;
  private Telemetry batch;
  private Telemetry tracesOnly;
  private Telemetry metricsOnly;
  private Telemetry sampled;
  private Floor floorSimple;

  private final ChatRequest request =
      ChatRequest.builder()
          .model(Script.MODEL)
          .messages(List.of(Message.user(Script.USER_PROMPT)))
          .build();
  private final ToolCall[] calls = new ToolCall[Script.TOOL_ROUNDS];
  private final ToolResult[] results = new ToolResult[Script.TOOL_ROUNDS];
  private final ChatResponse[] responses = new ChatResponse[Script.EXCHANGES_PER_CONVERSATION];
  private final AgentResult agentResult =
      new AgentResult(
          "run-1",
          CONVERSATION,
          StopReason.COMPLETED,
          Script.FINAL_ANSWER,
          null,
          null,
          List.of(Message.user(Script.USER_PROMPT)),
          List.of(),
          new Usage(120, 40, 160, null, null, new BigDecimal("0.00012"), null),
          Map.of(),
          Script.MODEL,
          null,
          List.of());
  private final Set<String> tools = Set.of("weather");

  /** Builds the SDK, registry and fixtures of every variant. */
  @Setup
  public void setUp() {
    simple = Telemetry.create(options(new SimpleSpanProcessorFactory(), true, true));
    batch = Telemetry.create(options(new BatchSpanProcessorFactory(), true, true));
    tracesOnly = Telemetry.create(options(new SimpleSpanProcessorFactory(), true, false));
    metricsOnly = Telemetry.create(options(new SimpleSpanProcessorFactory(), false, true));
    sampled =
        Telemetry.create(
            new ObservabilityOptions()
                .setAgentName(AGENT)
                .setOpenTelemetry(
                    sdk(
                        new BatchSpanProcessorFactory(),
                        Sampler.parentBased(Sampler.traceIdRatioBased(0.1))))
                .setMeterRegistry(new SimpleMeterRegistry()));
    OpenTelemetrySdk sdk = sdk(new SimpleSpanProcessorFactory());
    floorSimple = new Floor(sdk.getTracer(GenAi.SCOPE), new SimpleMeterRegistry());
    for (int i = 0; i < Script.TOOL_ROUNDS; i++) {
      calls[i] =
          new ToolCall("call_" + i, "function", new FunctionCall("weather", Script.TOOL_ARGUMENTS));
      results[i] = ToolResult.success("call_" + i, "weather", Script.TOOL_RESULT, Duration.ZERO);
    }
    for (int i = 0; i < responses.length; i++) {
      boolean last = i == responses.length - 1;
      responses[i] =
          new ChatResponse(
              "gen-" + i,
              "chat.completion",
              0L,
              Script.MODEL,
              "Bench",
              List.of(new Choice(0, null, last ? "stop" : "tool_calls", null, null)),
              new Usage(30, 10, 40, null, null, new BigDecimal("0.00003"), null),
              null,
              null,
              null);
    }
  }

  /** Shuts the SDKs down. */
  @TearDown
  public void tearDown() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  /** AgentLoop's instrumentation, spans exported on the calling thread, with metrics. */
  @Benchmark
  public void agentLoopSimple(Blackhole bh) {
    conversation(simple, bh);
  }

  /** The same with the batch span processor of the {@code agentloop-otel} contender. */
  @Benchmark
  public void agentLoopBatch(Blackhole bh) {
    conversation(batch, bh);
  }

  /** AgentLoop's instrumentation, spans only (exported on the calling thread). */
  @Benchmark
  public void agentLoopTracesOnly(Blackhole bh) {
    conversation(tracesOnly, bh);
  }

  /** AgentLoop's instrumentation, metrics only. */
  @Benchmark
  public void agentLoopMetricsOnly(Blackhole bh) {
    conversation(metricsOnly, bh);
  }

  /**
   * Metrics on and one run in ten traced ({@code ParentBased(TraceIdRatioBased(0.1))}, batch
   * processor): what a production setup that samples pays per conversation, on average.
   */
  @Benchmark
  public void agentLoopSampled(Blackhole bh) {
    conversation(sampled, bh);
  }

  /** The floor: the same spans and meter records straight through the APIs. */
  @Benchmark
  public void floorSimple(Blackhole bh) {
    floorSimple.conversation(bh);
  }

  /**
   * The spans one conversation records through AgentLoop's instrumentation or through the floor, in
   * the order they ended, so that a test can check that the floor records the same spans,
   * attributes and parentage as what it is compared with.
   */
  public static List<SpanData> oneConversation(boolean floor) throws Exception {
    ObserveSdkBench bench = new ObserveSdkBench();
    bench.kept = Collections.synchronizedList(new ArrayList<>());
    bench.setUp();
    try {
      Blackhole bh =
          new Blackhole(
              "Today's password is swordfish. I understand instantiating Blackholes directly is"
                  + " dangerous.");
      if (floor) {
        bench.floorSimple(bh);
      } else {
        bench.agentLoopSimple(bh);
      }
      return List.copyOf(bench.kept);
    } finally {
      bench.tearDown();
    }
  }

  private void conversation(Telemetry telemetry, Blackhole bh) {
    RunTelemetry run = telemetry.startRun("run-1", CONVERSATION, Script.MODEL, null, tools);
    for (int i = 0; i < responses.length; i++) {
      ChatTelemetry chat = run.chat(request, false);
      chat.listener().attemptStarted(1, SERVER, PORT, 0);
      chat.succeeded(responses[i]);
      bh.consume(chat);
      if (i < calls.length) {
        run.toolStarted(calls[i]);
        run.toolFinished(calls[i], results[i]);
      }
    }
    run.finished(agentResult, false);
    bh.consume(run);
  }

  private ObservabilityOptions options(
      ProcessorFactory processor, boolean traces, boolean metrics) {
    ObservabilityOptions o = new ObservabilityOptions().setAgentName(AGENT);
    if (traces) {
      o.setOpenTelemetry(sdk(processor));
    }
    if (metrics) {
      o.setMeterRegistry(new SimpleMeterRegistry());
    }
    return o;
  }

  private OpenTelemetrySdk sdk(ProcessorFactory processor) {
    return sdk(processor, Sampler.parentBased(Sampler.alwaysOn()));
  }

  private OpenTelemetrySdk sdk(ProcessorFactory processor, Sampler sampler) {
    SpanExporter counting = Observed.counting(exported, kept);
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .setSampler(sampler)
                    .addSpanProcessor(processor.of(counting))
                    .build())
            .build();
    closing.add(sdk);
    return sdk;
  }

  private interface ProcessorFactory {
    SpanProcessor of(SpanExporter exporter);
  }

  private static final class SimpleSpanProcessorFactory implements ProcessorFactory {
    @Override
    public SpanProcessor of(SpanExporter exporter) {
      return SimpleSpanProcessor.create(exporter);
    }
  }

  private static final class BatchSpanProcessorFactory implements ProcessorFactory {
    @Override
    public SpanProcessor of(SpanExporter exporter) {
      return BatchSpanProcessor.builder(exporter).build();
    }
  }

  /**
   * The same spans with the same attributes, and the same meter records, made directly: keys, span
   * names and meters prepared once, no lookups, no AgentLoop objects.
   */
  private final class Floor {
    private static final AttributeKey<String> OPERATION =
        AttributeKey.stringKey(GenAi.OPERATION_NAME);
    private static final AttributeKey<String> PROVIDER =
        AttributeKey.stringKey(GenAi.PROVIDER_NAME);
    private static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey(GenAi.AGENT_NAME);
    private static final AttributeKey<String> AGENT_ID = AttributeKey.stringKey(GenAi.AGENT_ID);
    private static final AttributeKey<String> CONVERSATION_ID =
        AttributeKey.stringKey(GenAi.CONVERSATION_ID);
    private static final AttributeKey<String> REQUEST_MODEL =
        AttributeKey.stringKey(GenAi.REQUEST_MODEL);
    private static final AttributeKey<String> RESPONSE_MODEL =
        AttributeKey.stringKey(GenAi.RESPONSE_MODEL);
    private static final AttributeKey<Long> ATTEMPT =
        AttributeKey.longKey(GenAi.OPENROUTER_ATTEMPT);
    private static final AttributeKey<Boolean> STREAM =
        AttributeKey.booleanKey(GenAi.REQUEST_STREAM);
    private static final AttributeKey<String> SERVER_ADDRESS =
        AttributeKey.stringKey(GenAi.SERVER_ADDRESS);
    private static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey(GenAi.SERVER_PORT);
    private static final AttributeKey<String> RESPONSE_ID =
        AttributeKey.stringKey(GenAi.RESPONSE_ID);
    private static final AttributeKey<List<String>> FINISH_REASONS =
        AttributeKey.stringArrayKey(GenAi.RESPONSE_FINISH_REASONS);
    private static final AttributeKey<Long> INPUT_TOKENS =
        AttributeKey.longKey(GenAi.USAGE_INPUT_TOKENS);
    private static final AttributeKey<Long> OUTPUT_TOKENS =
        AttributeKey.longKey(GenAi.USAGE_OUTPUT_TOKENS);
    private static final AttributeKey<Long> CACHE_READ =
        AttributeKey.longKey(GenAi.USAGE_CACHE_READ_INPUT_TOKENS);
    private static final AttributeKey<Long> REASONING =
        AttributeKey.longKey(GenAi.USAGE_REASONING_OUTPUT_TOKENS);
    private static final AttributeKey<Double> COST =
        AttributeKey.doubleKey(GenAi.OPENROUTER_COST_USD);
    private static final AttributeKey<String> UPSTREAM =
        AttributeKey.stringKey(GenAi.OPENROUTER_PROVIDER);
    private static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey(GenAi.TOOL_NAME);
    private static final AttributeKey<String> TOOL_CALL_ID =
        AttributeKey.stringKey(GenAi.TOOL_CALL_ID);
    private static final AttributeKey<String> TOOL_TYPE = AttributeKey.stringKey(GenAi.TOOL_TYPE);
    private static final AttributeKey<String> TOOL_OUTCOME =
        AttributeKey.stringKey(GenAi.TOOL_OUTCOME);
    private static final AttributeKey<String> STOP_REASON =
        AttributeKey.stringKey(GenAi.STOP_REASON);
    private static final AttributeKey<Long> RUN_STEPS = AttributeKey.longKey(GenAi.RUN_STEPS);
    private static final AttributeKey<Long> RUN_INPUT =
        AttributeKey.longKey(GenAi.RUN_INPUT_TOKENS);
    private static final AttributeKey<Long> RUN_OUTPUT =
        AttributeKey.longKey(GenAi.RUN_OUTPUT_TOKENS);
    private static final AttributeKey<Double> RUN_COST = AttributeKey.doubleKey(GenAi.RUN_COST_USD);

    private final Tracer tracer;
    private final String runName = GenAi.OP_INVOKE_AGENT + " " + AGENT;
    private final String chatName = GenAi.OP_CHAT + " " + Script.MODEL;
    private final String toolName = GenAi.OP_EXECUTE_TOOL + " weather";
    private final Timer duration;
    private final DistributionSummary input;
    private final DistributionSummary output;
    private final Counter cost;
    private final Counter toolCalls;
    private final Counter runs;
    private final AtomicInteger active = new AtomicInteger();

    Floor(Tracer tracer, MeterRegistry registry) {
      this.tracer = tracer;
      Tags tags =
          Tags.of(
              GenAi.OPERATION_NAME, GenAi.OP_CHAT,
              GenAi.PROVIDER_NAME, GenAi.PROVIDER_OPENROUTER,
              GenAi.REQUEST_MODEL, Script.MODEL,
              GenAi.RESPONSE_MODEL, Script.MODEL);
      Duration[] buckets =
          GenAi.DURATION_BUCKETS.stream()
              .map(s -> Duration.ofNanos(Math.round(s * 1e9)))
              .toArray(Duration[]::new);
      double[] tokenBuckets =
          GenAi.TOKEN_BUCKETS.stream().mapToDouble(Double::doubleValue).toArray();
      duration =
          Timer.builder(GenAi.METRIC_OPERATION_DURATION)
              .tags(tags.and(GenAi.ERROR_TYPE, ""))
              .serviceLevelObjectives(buckets)
              .register(registry);
      input =
          DistributionSummary.builder(GenAi.METRIC_TOKEN_USAGE)
              .tags(tags.and(GenAi.TOKEN_TYPE, "input"))
              .serviceLevelObjectives(tokenBuckets)
              .register(registry);
      output =
          DistributionSummary.builder(GenAi.METRIC_TOKEN_USAGE)
              .tags(tags.and(GenAi.TOKEN_TYPE, "output"))
              .serviceLevelObjectives(tokenBuckets)
              .register(registry);
      cost = Counter.builder(GenAi.METRIC_COST).register(registry);
      toolCalls =
          Counter.builder(GenAi.METRIC_TOOL_CALLS)
              .tags(GenAi.TOOL_NAME, "weather", GenAi.TOOL_OUTCOME, "ok")
              .register(registry);
      runs =
          Counter.builder(GenAi.METRIC_RUNS)
              .tags(GenAi.STOP_REASON, "completed")
              .register(registry);
    }

    void conversation(Blackhole bh) {
      active.incrementAndGet();
      Span run =
          tracer
              .spanBuilder(runName)
              .setParent(Context.root())
              .setSpanKind(SpanKind.INTERNAL)
              .setAttribute(OPERATION, GenAi.OP_INVOKE_AGENT)
              .setAttribute(PROVIDER, GenAi.PROVIDER_OPENROUTER)
              .setAttribute(AGENT_NAME, AGENT)
              .setAttribute(AGENT_ID, "run-1")
              .setAttribute(CONVERSATION_ID, CONVERSATION)
              .setAttribute(REQUEST_MODEL, Script.MODEL)
              .startSpan();
      Context context = Context.root().with(run);
      for (int i = 0; i < responses.length; i++) {
        long start = System.nanoTime();
        Span chat =
            tracer
                .spanBuilder(chatName)
                .setParent(context)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(OPERATION, GenAi.OP_CHAT)
                .setAttribute(PROVIDER, GenAi.PROVIDER_OPENROUTER)
                .setAttribute(CONVERSATION_ID, CONVERSATION)
                .setAttribute(ATTEMPT, 1L)
                .setAttribute(STREAM, false)
                .setAttribute(REQUEST_MODEL, Script.MODEL)
                .setAttribute(SERVER_ADDRESS, SERVER)
                .setAttribute(SERVER_PORT, (long) PORT)
                .startSpan();
        ChatResponse r = responses[i];
        duration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        input.record(r.usage().promptTokens());
        output.record(r.usage().completionTokens());
        cost.increment(r.usage().cost().doubleValue());
        chat.setAttribute(RESPONSE_ID, r.id());
        chat.setAttribute(RESPONSE_MODEL, r.model());
        chat.setAttribute(FINISH_REASONS, List.of(r.choices().get(0).finishReason()));
        chat.setAttribute(INPUT_TOKENS, (long) r.usage().promptTokens());
        chat.setAttribute(OUTPUT_TOKENS, (long) r.usage().completionTokens());
        chat.setAttribute(CACHE_READ, 0L);
        chat.setAttribute(REASONING, 0L);
        chat.setAttribute(COST, r.usage().cost().doubleValue());
        chat.setAttribute(UPSTREAM, r.provider());
        chat.end();
        if (i < calls.length) {
          Span tool =
              tracer
                  .spanBuilder(toolName)
                  .setParent(context)
                  .setSpanKind(SpanKind.INTERNAL)
                  .setAttribute(OPERATION, GenAi.OP_EXECUTE_TOOL)
                  .setAttribute(PROVIDER, GenAi.PROVIDER_OPENROUTER)
                  .setAttribute(TOOL_NAME, "weather")
                  .setAttribute(TOOL_CALL_ID, calls[i].id())
                  .setAttribute(TOOL_TYPE, GenAi.TOOL_TYPE_FUNCTION)
                  .startSpan();
          toolCalls.increment();
          tool.setAttribute(TOOL_OUTCOME, "ok");
          tool.end();
        }
      }
      Usage usage = agentResult.usage();
      run.setAttribute(STOP_REASON, "COMPLETED");
      run.setAttribute(RUN_STEPS, (long) agentResult.steps().size());
      run.setAttribute(RUN_INPUT, (long) usage.promptTokens());
      run.setAttribute(RUN_OUTPUT, (long) usage.completionTokens());
      run.setAttribute(RUN_COST, usage.costOrZero().doubleValue());
      run.setAttribute(RESPONSE_MODEL, Script.MODEL);
      run.end();
      runs.increment();
      active.decrementAndGet();
      bh.consume(context);
    }
  }
}
