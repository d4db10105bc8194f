package dev.agentloop.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.observe.impl.Telemetry;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import io.vertx.junit5.VertxExtension;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Micrometer meters, opt-in content and the no-op default. */
@ExtendWith(VertxExtension.class)
class AgentMetricsTest {

  private TracingFixture fx;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = new TracingFixture(vertx);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  @Timeout(10)
  void aRunRecordsTokensDurationsCostRunsAndToolCalls() {
    fx.fake.enqueue(
        MockChat.toolCalls(
                new MockChat.ToolCall("c1", "weather", "{\"city\":\"Lyon\"}"),
                new MockChat.ToolCall("c2", "teleport", "{}"))
            .usage(100, 20, 0.25));
    fx.fake.enqueue(MockChat.text("done").usage(300, 7, 0.5));

    fx.agent(fx.options()).run("go").await();

    var r = fx.registry;
    String model = TracingFixture.MODEL;
    DistributionSummary input =
        r.get(GenAi.METRIC_TOKEN_USAGE)
            .tags(
                GenAi.TOKEN_TYPE, "input",
                GenAi.OPERATION_NAME, "chat",
                GenAi.PROVIDER_NAME, "openrouter",
                GenAi.REQUEST_MODEL, model,
                GenAi.RESPONSE_MODEL, model)
            .summary();
    assertThat(input.count()).isEqualTo(2);
    assertThat(input.totalAmount()).isEqualTo(400.0);
    assertThat(
            Arrays.stream(input.takeSnapshot().histogramCounts())
                .map(CountAtBucket::bucket)
                .toList())
        .isEqualTo(GenAi.TOKEN_BUCKETS);
    assertThat(
            r.get(GenAi.METRIC_TOKEN_USAGE).tag(GenAi.TOKEN_TYPE, "output").summary().totalAmount())
        .isEqualTo(27.0);
    Timer duration =
        r.get(GenAi.METRIC_OPERATION_DURATION).tag(GenAi.ERROR_TYPE, "").timer();
    assertThat(duration.count()).isEqualTo(2);
    assertThat(
            Arrays.stream(duration.takeSnapshot().histogramCounts())
                .map(b -> b.bucket(TimeUnit.SECONDS))
                .toList())
        .isEqualTo(GenAi.DURATION_BUCKETS);
    assertThat(r.get(GenAi.METRIC_COST).tag(GenAi.REQUEST_MODEL, model).counter().count())
        .isEqualTo(0.75);
    assertThat(r.get(GenAi.METRIC_RUNS).tag(GenAi.STOP_REASON, "completed").counter().count())
        .isEqualTo(1.0);
    assertThat(
            r.get(GenAi.METRIC_TOOL_CALLS)
                .tags(GenAi.TOOL_NAME, "weather", GenAi.TOOL_OUTCOME, "ok")
                .counter()
                .count())
        .isEqualTo(1.0);
    // A tool name the model made up is not a tag value: tags stay bounded by the toolbox.
    assertThat(
            r.get(GenAi.METRIC_TOOL_CALLS)
                .tags(GenAi.TOOL_NAME, GenAi.UNKNOWN_TOOL, GenAi.TOOL_OUTCOME, "unknown_tool")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(r.find(GenAi.METRIC_TOOL_CALLS).tag(GenAi.TOOL_NAME, "teleport").counters())
        .isEmpty();
    assertThat(r.get(GenAi.METRIC_ACTIVE_RUNS).gauge().value()).isEqualTo(0.0);
    // No per-run or per-conversation tag anywhere.
    Set<String> keys =
        r.getMeters().stream()
            .flatMap(m -> m.getId().getTags().stream())
            .map(t -> t.getKey())
            .collect(Collectors.toSet());
    assertThat(keys).doesNotContain(GenAi.CONVERSATION_ID, GenAi.AGENT_ID, GenAi.RESPONSE_ID);
  }

  @Test
  @Timeout(10)
  void retriesAndFailedRequestsAreTaggedWithTheErrorType() {
    fx.fake.enqueue(MockResponse.error(503, "overloaded"));
    fx.fake.enqueue(MockChat.text("ok"));

    fx.agent(fx.options()).run("go").await();

    assertThat(fx.registry.get(GenAi.METRIC_RETRIES).tag(GenAi.ERROR_TYPE, "503").counter().count())
        .isEqualTo(1.0);
    assertThat(
            fx.registry.get(GenAi.METRIC_OPERATION_DURATION).tag(GenAi.ERROR_TYPE, "503").timer().count())
        .isEqualTo(1);
    // no limiter: nobody waited, so nothing is recorded
    assertThat(fx.registry.find(GenAi.METRIC_LIMITER_WAIT).timer()).isNull();
  }

  @Test
  @Timeout(10)
  void onlyARequestThatQueuedBehindTheLimiterRecordsAWait() {
    OpenRouterClient one =
        OpenRouterClient.create(
            fx.vertx,
            new OpenRouterOptions()
                .setApiKey("sk-test")
                .setBaseUrl(fx.fake.baseUrl())
                .setMaxInFlight(1));
    try {
      fx.fake.enqueue(
          MockResponse.chat(MockChat.text("first")).newBuilder()
              .headersDelay(Duration.ofMillis(150))
              .build());
      fx.fake.enqueue(MockChat.text("second"));
      Agent agent = Agent.create(fx.vertx, one, fx.options());
      Future<AgentResult> a = agent.run("a");
      Future<AgentResult> b = agent.run("b");
      Future.all(a, b).await();

      Timer waits = fx.registry.get(GenAi.METRIC_LIMITER_WAIT).timer();
      assertThat(waits.count()).as("the first request found a free slot").isEqualTo(1);
      assertThat(waits.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(100);
    } finally {
      one.close();
    }
  }

  @Test
  @Timeout(10)
  void contentIsRecordedOnlyWhenAskedCutAndScrubbedOfKeys() {
    fx.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"sk-or-v1-abcdef0123456789\"}"));
    fx.fake.enqueue(MockChat.text("done"));
    fx.fake.enqueue(MockChat.text("plain"));
    String prompt = "my key is sk-or-v1-0123456789abcdef and Bearer abcdefghijklmnop " + "x".repeat(500);

    fx.agent(fx.options().setObservability(fx.observability().setCaptureContent(true).setMaxContentChars(300)))
        .run(prompt)
        .await();
    List<SpanData> captured = fx.finished(4);
    fx.spans.reset();
    fx.agent(fx.options()).run(prompt).await();
    List<SpanData> plain = fx.finished(2);

    SpanData chat = captured.stream().filter(s -> s.getName().startsWith("chat")).findFirst().orElseThrow();
    String input = chat.getAttributes().get(AttributeKey.stringKey(GenAi.INPUT_MESSAGES));
    assertThat(input).contains("my key is [REDACTED] and [REDACTED] xxx").endsWith("...[truncated]");
    assertThat(input).doesNotContain("0123456789abcdef").doesNotContain("abcdefghijklmnop");
    assertThat(input.length()).isEqualTo(300 + "...[truncated]".length() - countReductions(input));
    assertThat(chat.getAttributes().get(AttributeKey.stringKey(GenAi.OUTPUT_MESSAGES))).contains("weather");
    SpanData tool = captured.stream().filter(s -> s.getName().startsWith("execute_tool")).findFirst().orElseThrow();
    assertThat(tool.getAttributes().get(AttributeKey.stringKey(GenAi.TOOL_CALL_ARGUMENTS)))
        .isEqualTo("{\"city\":\"[REDACTED]\"}");
    assertThat(tool.getAttributes().get(AttributeKey.stringKey(GenAi.TOOL_CALL_RESULT)))
        .isEqualTo("sunny in [REDACTED]");
    for (SpanData s : plain) {
      assertThat(s.getAttributes().asMap().keySet())
          .extracting(AttributeKey::getKey)
          .doesNotContain(
              GenAi.INPUT_MESSAGES, GenAi.OUTPUT_MESSAGES, GenAi.TOOL_CALL_ARGUMENTS, GenAi.TOOL_CALL_RESULT);
    }
  }

  private static int countReductions(String s) {
    // Each redaction replaced a secret of known length by "[REDACTED]" (10 chars).
    return ("sk-or-v1-0123456789abcdef".length() - 10) + ("Bearer abcdefghijklmnop".length() - 10);
  }

  @Test
  @Timeout(10)
  void aRunCancelledBeforeItStartedLeavesNoSpanAndNoActiveRun(Vertx vertx) {
    var agent = fx.agent(fx.options());
    io.vertx.core.Promise<dev.agentloop.agent.AgentRun> started = io.vertx.core.Promise.promise();
    vertx.runOnContext(
        v -> {
          dev.agentloop.agent.AgentRun run = agent.start(dev.agentloop.agent.RunRequest.of("hi"));
          run.cancel();
          started.complete(run);
        });

    var result = started.future().await().result().await();

    assertThat(result.stopReason()).isEqualTo(dev.agentloop.agent.StopReason.CANCELLED);
    assertThat(fx.spans.getFinishedSpanItems()).isEmpty();
    assertThat(fx.registry.get(GenAi.METRIC_ACTIVE_RUNS).gauge().value()).isEqualTo(0.0);
    assertThat(fx.fake.requests()).isEmpty();
  }

  @Test
  void withoutAnSdkOrARegistryTheAgentRecordsNothing() {
    assertThat(Telemetry.create(new ObservabilityOptions())).isSameAs(Telemetry.NOOP);
    assertThat(Telemetry.create(fx.observability().setEnabled(false))).isSameAs(Telemetry.NOOP);
    assertThat(Telemetry.NOOP.enabled()).isFalse();
    assertThat(new AgentOptions().getObservability().isEnabled()).isTrue();
  }

  @Test
  void optionsValidateTheirBounds() {
    assertThatThrownBy(() -> new ObservabilityOptions().setMaxContentChars(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxContentChars must be in 1..1000000: 0");
    assertThatThrownBy(() -> new ObservabilityOptions().setAgentName(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dev.agentloop.agent.RunRequest.builder("x").traceParent("0".repeat(257)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("traceParent is longer than 256: 257");
  }
}
