package dev.agentloop.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.MockChat;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Spans a sampler drops: the run and its meters go on, the spans that are kept carry everything,
 * and a sampler still sees the attributes it may decide on.
 */
@ExtendWith(VertxExtension.class)
class SampledTracingTest {

  private TracingFixture fx;
  private final InMemorySpanExporter kept = InMemorySpanExporter.create();
  private final List<String> sampledNames = Collections.synchronizedList(new ArrayList<>());
  private final List<String> sampledOperations = Collections.synchronizedList(new ArrayList<>());
  private final List<Set<String>> sampledKeys = Collections.synchronizedList(new ArrayList<>());

  /** Keeps only the tool spans, whatever their parent: not a parent-based sampler. */
  private final Sampler toolsOnly =
      new Sampler() {
        @Override
        public SamplingResult shouldSample(
            Context parentContext,
            String traceId,
            String name,
            SpanKind spanKind,
            Attributes attributes,
            List<LinkData> parentLinks) {
          sampledNames.add(name);
          sampledOperations.add(attributes.get(AttributeKey.stringKey(GenAi.OPERATION_NAME)));
          sampledKeys.add(
              attributes.asMap().keySet().stream()
                  .map(AttributeKey::getKey)
                  .collect(Collectors.toSet()));
          return name.startsWith("execute_tool")
              ? SamplingResult.recordAndSample()
              : SamplingResult.drop();
        }

        @Override
        public String getDescription() {
          return "tools only";
        }
      };

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
  void droppedSpansLeaveTheRunItsMetricsAndTheKeptSpansWhole() {
    fx.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Paris\"}").usage(100, 5, 0.25));
    fx.fake.enqueue(MockChat.text("done").usage(120, 7, 0.5));
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .setSampler(toolsOnly)
                    .addSpanProcessor(SimpleSpanProcessor.create(kept))
                    .build())
            .build();

    var result =
        fx.agent(
                fx.options()
                    .setObservability(
                        fx.observability().setOpenTelemetry(sdk).setCaptureContent(true)))
            .run("weather in Paris?")
            .await();

    assertThat(result.text()).isEqualTo("done");
    // the sampler was asked about every span, with the operation name to decide on
    assertThat(sampledNames)
        .containsExactly(
            "invoke_agent trip-planner",
            "chat " + TracingFixture.MODEL,
            "execute_tool weather",
            "chat " + TracingFixture.MODEL);
    assertThat(sampledOperations)
        .containsExactly("invoke_agent", "chat", "execute_tool", "chat");
    // what the conventions call sampling-relevant is there when the sampler decides
    assertThat(sampledKeys.get(0))
        .contains(GenAi.OPERATION_NAME, GenAi.PROVIDER_NAME, GenAi.AGENT_NAME, GenAi.REQUEST_MODEL);
    assertThat(sampledKeys.get(1))
        .contains(
            GenAi.OPERATION_NAME,
            GenAi.PROVIDER_NAME,
            GenAi.REQUEST_MODEL,
            GenAi.SERVER_ADDRESS,
            GenAi.SERVER_PORT);
    assertThat(sampledKeys.get(2))
        .contains(GenAi.OPERATION_NAME, GenAi.PROVIDER_NAME, GenAi.TOOL_NAME);
    // only the tool span was kept, and it is whole: content, outcome, ids, parent
    List<SpanData> spans = kept.getFinishedSpanItems();
    assertThat(spans).hasSize(1);
    SpanData tool = spans.get(0);
    assertThat(tool.getName()).isEqualTo("execute_tool weather");
    assertThat(tool.getAttributes().get(AttributeKey.stringKey(GenAi.TOOL_CALL_ARGUMENTS)))
        .isEqualTo("{\"city\":\"Paris\"}");
    assertThat(tool.getAttributes().get(AttributeKey.stringKey(GenAi.TOOL_CALL_RESULT)))
        .isEqualTo("sunny in Paris");
    assertThat(tool.getAttributes().get(AttributeKey.stringKey(GenAi.TOOL_OUTCOME)))
        .isEqualTo("ok");
    assertThat(tool.getAttributes().get(AttributeKey.stringKey(GenAi.TOOL_TYPE)))
        .isEqualTo("function");
    assertThat(tool.getAttributes().get(AttributeKey.stringKey(GenAi.TOOL_CALL_ID))).isNotBlank();
    assertThat(tool.getParentSpanContext().isValid())
        .as("the dropped run span is still the parent")
        .isTrue();
    assertThat(tool.getParentSpanContext().isSampled()).isFalse();
    // the meters do not depend on the sampler
    var r = fx.registry;
    assertThat(r.get(GenAi.METRIC_RUNS).tag(GenAi.STOP_REASON, "completed").counter().count())
        .isEqualTo(1.0);
    assertThat(
            r.get(GenAi.METRIC_TOOL_CALLS)
                .tag(GenAi.TOOL_NAME, "weather")
                .tag(GenAi.TOOL_OUTCOME, "ok")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            r.get(GenAi.METRIC_TOKEN_USAGE).tag(GenAi.TOKEN_TYPE, "input").summary().totalAmount())
        .isEqualTo(220.0);
    assertThat(r.get(GenAi.METRIC_OPERATION_DURATION).timer().count()).isEqualTo(2);
    assertThat(r.get(GenAi.METRIC_COST).counter().count()).isEqualTo(0.75);
  }
}
