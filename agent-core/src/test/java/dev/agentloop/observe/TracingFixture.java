package dev.agentloop.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.openrouter.RetryOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.tool.Toolbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;

/** FakeOpenRouter, the real client, an SDK with an in-memory exporter and a simple registry. */
final class TracingFixture {

  static final String MODEL = "openai/gpt-4o-mini";

  final Vertx vertx;
  final FakeOpenRouter fake;
  final OpenRouterClient client;
  final ObsTools tools;
  final Toolbox toolbox;
  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
          .build();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  TracingFixture(Vertx vertx) {
    this.vertx = vertx;
    this.fake = FakeOpenRouter.start(vertx).await();
    this.client =
        OpenRouterClient.create(
            vertx,
            new OpenRouterOptions()
                .setApiKey("sk-test")
                .setBaseUrl(fake.baseUrl())
                .setRetry(new RetryOptions().setBaseDelay(Duration.ofMillis(10)).setJitter(0)));
    this.tools = new ObsTools(vertx);
    this.toolbox = Toolbox.builder().add(tools).build();
  }

  ObservabilityOptions observability() {
    return new ObservabilityOptions()
        .setOpenTelemetry(otel)
        .setMeterRegistry(registry)
        .setAgentName("trip-planner");
  }

  AgentOptions options() {
    return new AgentOptions().setModel(MODEL).setToolbox(toolbox).setObservability(observability());
  }

  Agent agent(AgentOptions options) {
    return Agent.create(vertx, client, options);
  }

  /** The finished spans once {@code count} have ended (the run span ends before its result). */
  List<SpanData> finished(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (spans.getFinishedSpanItems().size() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    List<SpanData> all = spans.getFinishedSpanItems();
    assertThat(all).hasSize(count);
    return all;
  }

  static SpanData named(List<SpanData> spans, String name) {
    List<SpanData> found = spans.stream().filter(s -> s.getName().equals(name)).toList();
    assertThat(found).as("spans named " + name).hasSize(1);
    return found.get(0);
  }

  static List<SpanData> all(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).toList();
  }

  static void assertChildOf(SpanData child, SpanData parent) {
    assertThat(child.getTraceId()).isEqualTo(parent.getTraceId());
    assertThat(child.getParentSpanId()).isEqualTo(parent.getSpanId());
  }

  static void assertRoot(SpanData span) {
    assertThat(span.getParentSpanId()).isEqualTo(SpanId.getInvalid());
  }

  void close() {
    client.close().await();
    fake.close().await();
    otel.close();
  }
}
