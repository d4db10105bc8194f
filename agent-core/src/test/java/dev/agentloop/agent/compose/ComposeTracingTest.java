package dev.agentloop.agent.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.observe.ObservabilityOptions;
import dev.agentloop.testing.MockChat;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A sub-run's invoke_agent span nests under its caller's; a handoff is an event of the run span. */
@ExtendWith(VertxExtension.class)
class ComposeTracingTest {

  private ComposeFixture fx;
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
          .build();

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = ComposeFixture.start(vertx);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private ObservabilityOptions traced(String name) {
    return new ObservabilityOptions().setOpenTelemetry(otel).setAgentName(name);
  }

  @Test
  @Timeout(10)
  void subRunSpanNestsUnderTheCallersInvokeAgentSpan() {
    fx.script(
        "triage",
        r ->
            r.countMessages("tool") > 0
                ? MockChat.text("done").toResponse()
                : MockChat.toolCall("research", "{\"input\":\"q\"}").toResponse());
    fx.script("research", r -> MockChat.text("found").toResponse());
    Agent research = fx.agent(fx.options("research").setObservability(traced("research")));
    Agent triage =
        fx.agent(
            fx.options("triage")
                .setObservability(traced("triage"))
                .setToolbox(AgentToolbox.of(null, AgentTool.of("research", "Researches", research))));

    AgentResult result = triage.run("go").await();

    assertThat(result.text()).isEqualTo("done");
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (invokeAgentSpans().size() < 2 && System.nanoTime() < end) {
      Thread.onSpinWait();
    }
    List<SpanData> runs = invokeAgentSpans();
    SpanData outer = runs.stream().filter(s -> s.getName().equals("invoke_agent triage")).findFirst().orElseThrow();
    SpanData inner = runs.stream().filter(s -> s.getName().equals("invoke_agent research")).findFirst().orElseThrow();
    assertThat(inner.getTraceId()).isEqualTo(outer.getTraceId());
    assertThat(inner.getParentSpanId()).isEqualTo(outer.getSpanId());
  }

  @Test
  @Timeout(10)
  void handoffIsAnEventOfTheRunSpanAndTheTargetsChatSpansNestUnderIt() {
    fx.script("triage", r -> MockChat.toolCall("transfer_to_weather", "{}").toResponse());
    fx.script("weather", r -> MockChat.text("sunny").toResponse());
    Agent weather = fx.agent(fx.options("weather"));
    Agent triage =
        fx.agent(
            fx.options("triage")
                .setObservability(traced("triage"))
                .setHandoffs(new HandoffOptions().add(Handoff.to(weather, "Weather questions"))));

    AgentResult result = triage.run("weather?").await();

    assertThat(result.text()).isEqualTo("sunny");
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (invokeAgentSpans().isEmpty() && System.nanoTime() < end) {
      Thread.onSpinWait();
    }
    SpanData run = invokeAgentSpans().get(0);
    assertThat(run.getEvents()).hasSize(1);
    EventData handoff = run.getEvents().get(0);
    assertThat(handoff.getName()).isEqualTo("agentloop.handoff");
    assertThat(handoff.getAttributes().asMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                AttributeKey.stringKey("agentloop.handoff.from"), "triage",
                AttributeKey.stringKey("agentloop.handoff.to"), "weather"));
    List<SpanData> chats =
        spans.getFinishedSpanItems().stream().filter(s -> s.getName().startsWith("chat")).toList();
    assertThat(chats).hasSize(2);
    assertThat(chats).allSatisfy(c -> assertThat(c.getParentSpanId()).isEqualTo(run.getSpanId()));
  }

  private List<SpanData> invokeAgentSpans() {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getName().startsWith("invoke_agent"))
        .toList();
  }
}
