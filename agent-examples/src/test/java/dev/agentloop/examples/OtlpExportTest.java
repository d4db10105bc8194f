package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.observe.GenAi;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.Toolbox;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CLI's SDK exports spans over OTLP/HTTP; a local receiver decodes them with the protos. */
@ExtendWith(VertxExtension.class)
class OtlpExportTest {

  /** A tool for the exported run. */
  public static final class Clock {
    /** Returns the time in a city. */
    @Tool(description = "Local time of a city", nonBlocking = true)
    public String time(@Param(description = "city") String city) {
      return "12:00 in " + city;
    }
  }

  @Test
  @Timeout(30)
  void spansArriveOverOtlpHttpWithTheirTreeAndAttributes(Vertx vertx) throws Exception {
    List<Buffer> bodies = new CopyOnWriteArrayList<>();
    List<String> paths = new CopyOnWriteArrayList<>();
    HttpServer receiver =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            body -> {
                              paths.add(req.method() + " " + req.path() + " " + req.getHeader("Content-Type"));
                              bodies.add(body);
                              req.response()
                                  .putHeader("Content-Type", "application/x-protobuf")
                                  .end(Buffer.buffer());
                            }))
            .listen(0, "127.0.0.1")
            .await();
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    OpenRouterClient client =
        OpenRouterClient.create(
            vertx, new OpenRouterOptions().setApiKey("sk-test").setBaseUrl(fake.baseUrl()));
    fake.enqueue(MockChat.toolCall("time", "{\"city\":\"Kyoto\"}").usage(30, 4, 0.001));
    fake.enqueue(MockChat.text("noon").usage(40, 2, 0.002).provider("Groq"));

    try (ObservabilitySetup setup =
        ObservabilitySetup.create("http://127.0.0.1:" + receiver.actualPort(), Map.of())) {
      Agent agent =
          Agent.create(
              vertx,
              client,
              new AgentOptions()
                  .setModel("openai/gpt-4o-mini")
                  .setToolbox(Toolbox.builder().add(new Clock()).build())
                  .setObservability(setup.options().setAgentName("clock")));
      agent.run("time in Kyoto?").await();
      setup.flush();
    }

    assertThat(paths).isNotEmpty().allMatch(p -> p.equals("POST /v1/traces application/x-protobuf"));
    List<Span> spans = new ArrayList<>();
    String service = null;
    for (Buffer body : bodies) {
      ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body.getBytes());
      for (ResourceSpans rs : request.getResourceSpansList()) {
        service = string(rs.getResource().getAttributesList(), "service.name");
        rs.getScopeSpansList().forEach(ss -> {
          assertThat(ss.getScope().getName()).isEqualTo(GenAi.SCOPE);
          spans.addAll(ss.getSpansList());
        });
      }
    }
    assertThat(service).isEqualTo("agentloop");
    assertThat(spans)
        .extracting(Span::getName)
        .containsExactlyInAnyOrder(
            "invoke_agent clock", "chat openai/gpt-4o-mini", "execute_tool time", "chat openai/gpt-4o-mini");
    Span run = spans.stream().filter(s -> s.getName().equals("invoke_agent clock")).findFirst().orElseThrow();
    assertThat(run.getParentSpanId().isEmpty()).isTrue();
    assertThat(run.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_INTERNAL);
    for (Span s : spans) {
      if (s != run) {
        assertThat(s.getTraceId()).isEqualTo(run.getTraceId());
        assertThat(s.getParentSpanId()).isEqualTo(run.getSpanId());
      }
    }
    Span last =
        spans.stream()
            .filter(s -> "Groq".equals(string(s.getAttributesList(), GenAi.OPENROUTER_PROVIDER)))
            .findFirst()
            .orElseThrow();
    assertThat(last.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(value(last.getAttributesList(), GenAi.USAGE_INPUT_TOKENS).getIntValue()).isEqualTo(40);
    assertThat(value(last.getAttributesList(), GenAi.OPENROUTER_COST_USD).getDoubleValue()).isEqualTo(0.002);
    assertThat(value(last.getAttributesList(), GenAi.RESPONSE_FINISH_REASONS).getArrayValue().getValues(0).getStringValue())
        .isEqualTo("stop");
    assertThat(value(run.getAttributesList(), GenAi.RUN_INPUT_TOKENS).getIntValue()).isEqualTo(70);
    assertThat(string(run.getAttributesList(), GenAi.OPERATION_NAME)).isEqualTo("invoke_agent");
    client.close().await();
    fake.close().await();
    receiver.close().await();
  }

  private static AnyValue value(List<KeyValue> attributes, String key) {
    return attributes.stream()
        .filter(kv -> kv.getKey().equals(key))
        .map(KeyValue::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no attribute " + key));
  }

  private static String string(List<KeyValue> attributes, String key) {
    return attributes.stream()
        .filter(kv -> kv.getKey().equals(key))
        .map(kv -> kv.getValue().getStringValue())
        .findFirst()
        .orElse(null);
  }
}
