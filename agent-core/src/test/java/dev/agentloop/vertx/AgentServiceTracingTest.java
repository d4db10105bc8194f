package dev.agentloop.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.Agent;
import dev.agentloop.observe.GenAi;
import dev.agentloop.observe.ObservabilityOptions;
import dev.agentloop.testing.MockChat;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The caller's trace context crosses the (clustered) event bus and parents the run's spans. */
class AgentServiceTracingTest {

  @Test
  @Timeout(60)
  void aClusteredEventBusCallParentsTheRunOnTheCallersSpan() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    OpenTelemetrySdk otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .build();
    int basePort = ThreadLocalRandom.current().nextInt(20_000, 40_000);
    String cluster = "agentloop-trace-" + UUID.randomUUID();
    Vertx server = clustered(cluster, basePort);
    Vertx caller = null;
    try {
      caller = clustered(cluster, basePort);
      EmbeddingFixture f = EmbeddingFixture.start(server);
      f.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Oslo\"}"));
      f.fake.enqueue(MockChat.streamText("Oslo: snow.", 3));
      Agent agent =
          Agent.create(
              server,
              f.client,
              f.options()
                  .setObservability(
                      new ObservabilityOptions().setOpenTelemetry(otel).setAgentName("weather")));
      AgentService.register(server, "agents.traced", agent).completion().await();
      Tracer tracer = otel.getTracer("test");
      Span parent = tracer.spanBuilder("http request").startSpan();
      var client = AgentServiceClient.create(caller, "agents.traced");

      io.vertx.core.Future<dev.agentloop.agent.AgentResult> done;
      try (Scope ignored = parent.makeCurrent()) {
        done = client.stream(AgentServiceRequest.of("Weather in Oslo?"), e -> {});
      }
      done.await();
      parent.end();

      List<SpanData> spans = exporter.getFinishedSpanItems();
      SpanData run =
          spans.stream().filter(s -> s.getName().equals("invoke_agent weather")).findFirst().orElseThrow();
      assertThat(run.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
      assertThat(run.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
      List<SpanData> children =
          spans.stream().filter(s -> s.getParentSpanId().equals(run.getSpanId())).toList();
      assertThat(children)
          .extracting(SpanData::getName)
          .containsExactlyInAnyOrder(
              "chat openai/gpt-4o-mini", "execute_tool weather", "chat openai/gpt-4o-mini");
      assertThat(children)
          .allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(run.getTraceId()));
      SpanData streamed =
          children.stream()
              .filter(s -> Boolean.TRUE.equals(s.getAttributes().get(AttributeKey.booleanKey(GenAi.REQUEST_STREAM))))
              .filter(s -> s.getAttributes().get(AttributeKey.doubleKey(GenAi.RESPONSE_TIME_TO_FIRST_CHUNK)) != null)
              .findFirst()
              .orElseThrow();
      assertThat(streamed.getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.CLIENT);
      f.close();
    } finally {
      if (caller != null) {
        caller.close().await();
      }
      server.close().await();
      otel.close();
    }
  }

  @Test
  @Timeout(30)
  void anHttpTraceparentParentsTheRunOnEveryEndpoint() {
    Vertx vertx = Vertx.vertx();
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    OpenTelemetrySdk otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .build();
    try {
      EmbeddingFixture f = EmbeddingFixture.start(vertx);
      f.fake.enqueue(MockChat.text("Oslo: snow."));
      f.fake.enqueue(MockChat.text("Oslo: still snow."));
      f.fake.enqueue(MockChat.text("Oslo: snow again."));
      Agent agent =
          Agent.create(
              vertx,
              f.client,
              f.options()
                  .setRunStore(dev.agentloop.run.RunStore.inMemory())
                  .setObservability(
                      new ObservabilityOptions().setOpenTelemetry(otel).setAgentName("weather")));
      io.vertx.ext.web.Router router = io.vertx.ext.web.Router.router(vertx);
      AgentRoutes.create(vertx, new AgentRoutesOptions().setAuthRequired(false))
          .add("weather", agent)
          .mount(router);
      io.vertx.core.http.HttpServer server =
          vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
      io.vertx.ext.web.client.WebClient web = io.vertx.ext.web.client.WebClient.create(vertx);
      String trace = "0af7651916cd43dd8448eb211c80319c";

      int run =
          web.post(server.actualPort(), "127.0.0.1", "/agents/weather/run")
              .putHeader("traceparent", "00-" + trace + "-b7ad6b7169203331-01")
              .sendJsonObject(new io.vertx.core.json.JsonObject().put("prompt", "Oslo?"))
              .await()
              .statusCode();
      int openAi =
          web.post(server.actualPort(), "127.0.0.1", "/v1/chat/completions")
              .putHeader("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
              .sendJsonObject(
                  new io.vertx.core.json.JsonObject()
                      .put("model", "weather")
                      .put(
                          "messages",
                          new io.vertx.core.json.JsonArray()
                              .add(
                                  new io.vertx.core.json.JsonObject()
                                      .put("role", "user")
                                      .put("content", "Oslo?"))))
              .await()
              .statusCode();

      int durable =
          web.post(server.actualPort(), "127.0.0.1", "/v1/runs")
              .putHeader("traceparent", "00-" + trace + "-53995c3f42cd8ad8-01")
              .sendJsonObject(
                  new io.vertx.core.json.JsonObject().put("agent", "weather").put("input", "Oslo?"))
              .await()
              .statusCode();

      assertThat(run).isEqualTo(200);
      assertThat(openAi).isEqualTo(200);
      assertThat(durable).isEqualTo(201);
      List<SpanData> runs = List.of();
      for (int i = 0; i < 500 && runs.size() < 3; i++) {
        runs =
            exporter.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("invoke_agent weather"))
                .toList();
        vertx.timer(10).await();
      }
      assertThat(runs).extracting(SpanData::getTraceId).containsExactly(trace, trace, trace);
      assertThat(runs)
          .extracting(SpanData::getParentSpanId)
          .containsExactlyInAnyOrder("b7ad6b7169203331", "00f067aa0ba902b7", "53995c3f42cd8ad8");
      server.close().await();
      f.close();
    } finally {
      vertx.close().await();
      otel.close();
    }
  }

  private static Vertx clustered(String clusterName, int basePort) {
    String previous = System.setProperty("hazelcast.wait.seconds.before.join", "0");
    try {
      return EmbeddingExample.clustered(clusterName,
              List.of("127.0.0.1:" + basePort, "127.0.0.1:" + (basePort + 1)), "127.0.0.1", basePort)
          .await();
    } finally {
      if (previous == null) {
        System.clearProperty("hazelcast.wait.seconds.before.join");
      } else {
        System.setProperty("hazelcast.wait.seconds.before.join", previous);
      }
    }
  }
}
