package dev.agentloop.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.openrouter.OpenRouterException.Kind;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(10)
class OpenRouterClientChatTest {

  static final String KEY = "sk-or-v1-0123456789abcdef-secret";
  static final String OK = "{\"id\":\"gen-1\",\"object\":\"chat.completion\",\"model\":\"openai/gpt-4o-mini\","
      + "\"provider\":\"OpenAI\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
      + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\"}}],"
      + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5,\"cost\":0.00001}}";

  ScriptedServer server;
  OpenRouterClient client;

  static ChatRequest hello() {
    return ChatRequest.builder().model("openai/gpt-4o-mini").addMessage(Message.user("Hi"))
        .maxTokens(16).build();
  }

  @BeforeEach
  void setUp(Vertx vertx) {
    server = ScriptedServer.start(vertx);
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(server.url()).setSiteUrl("https://example.dev").setSiteName("AgentLoop Test")
        .setRetry(new RetryOptions().setBaseDelay(Duration.ofMillis(10))));
  }

  @AfterEach
  void tearDown() {
    client.close().await();
    server.close().await();
  }

  @Test
  void chatSendsAuthAndAttributionHeadersAndParsesTheAnswer() {
    server.enqueueJson(200, OK);
    ChatResponse r = client.chat(hello()).await();
    assertThat(r.message().text()).isEqualTo("Hello!");
    assertThat(r.usage().cost()).isEqualByComparingTo("0.00001");
    ScriptedServer.Recorded req = server.lastRequest();
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.uri()).isEqualTo("/api/v1/chat/completions");
    assertThat(req.headers().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(req.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(req.headers().get("HTTP-Referer")).isEqualTo("https://example.dev");
    assertThat(req.headers().get("X-OpenRouter-Title")).isEqualTo("AgentLoop Test");
    assertThat(req.headers().get("X-Title")).isEqualTo("AgentLoop Test");
    assertThat(req.json().has("stream")).isFalse();
  }

  @Test
  void nullsAreNotSent() {
    server.enqueueJson(200, OK);
    client.chat(hello()).await();
    assertThat(server.lastRequest().body().toString()).isEqualTo(
        "{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":16,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
  }

  @Test
  void generationIdHeaderFillsAMissingId() {
    server.enqueue(req -> req.response().putHeader("X-Generation-Id", "gen-from-header")
        .putHeader("Content-Type", "application/json")
        .end("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"x\"}}]}"));
    assertThat(client.chat(hello()).await().id()).isEqualTo("gen-from-header");
  }

  @Test
  void unknownResponseFieldsAreTolerated() {
    server.enqueueJson(200, "{\"id\":\"gen-2\",\"brand_new\":{\"x\":[1,2]},\"choices\":[{\"index\":0,"
        + "\"surprise\":true,\"message\":{\"role\":\"assistant\",\"content\":\"ok\",\"novel\":1}}],"
        + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2,\"extra\":{}}}");
    assertThat(client.chat(hello()).await().message().text()).isEqualTo("ok");
  }

  @Test
  void topLevelErrorInA200BodyFailsTyped(Vertx vertx) {
    server.fallback(req -> ScriptedServer.json(req.response(), 200, "{\"error\":{\"message\":"
        + "\"Provider returned error\",\"code\":429,\"metadata\":{\"raw\":\"error code: 1015\","
        + "\"provider_name\":\"Kluster\"}},\"user_id\":\"user_1\"}"));
    client.close().await();
    client = OpenRouterClient.create(vertx,
        new OpenRouterOptions().setApiKey(KEY).setBaseUrl(server.url()).setRetry(RetryOptions.none()));
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.providerName()).isEqualTo("Kluster");
    assertThat(e.rawError()).isEqualTo("error code: 1015");
    assertThat(e.getMessage()).contains("error code: 1015").contains("Kluster");
  }

  @Test
  void choiceWithFinishReasonErrorFailsTypedWithPartialText() {
    server.enqueueJson(200, "{\"id\":\"gen-3\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
        + "\"assistant\",\"content\":\"partial output...\"},\"finish_reason\":\"error\",\"error\":"
        + "{\"code\":400,\"message\":\"Provider disconnected mid-stream\",\"metadata\":"
        + "{\"error_type\":\"invalid_request\"}}}]}");
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST);
    assertThat(e.partialText()).isEqualTo("partial output...");
    assertThat(e.getMessage()).contains("Provider disconnected mid-stream");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void moreThanThreeFallbackModelsAreRejectedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.chat(hello().toBuilder().models(List.of("a", "b", "c", "d"))
        .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 3");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void modelsAreParsedWithPricingAndCapabilities() {
    server.enqueueJson(200, "{\"data\":[{\"id\":\"openai/gpt-4\",\"canonical_slug\":\"openai/gpt-4\","
        + "\"name\":\"GPT-4\",\"created\":1692901234,\"context_length\":8192,\"pricing\":{\"prompt\":"
        + "\"0.00003\",\"completion\":\"0.00006\",\"request\":\"0\",\"image\":\"0\",\"discount\":0},"
        + "\"supported_parameters\":[\"tools\",\"tool_choice\",\"structured_outputs\"],"
        + "\"per_request_limits\":null,\"links\":{}}],\"total_count\":1}");
    List<ModelInfo> models = client.models().await();
    assertThat(server.lastRequest().uri()).isEqualTo("/api/v1/models");
    ModelInfo m = models.get(0);
    assertThat(m.id()).isEqualTo("openai/gpt-4");
    assertThat(m.contextLength()).isEqualTo(8192);
    assertThat(m.pricing().prompt()).isEqualByComparingTo(new BigDecimal("0.00003"));
    assertThat(m.pricing().cost(1000, 1000)).isEqualByComparingTo("0.09");
    assertThat(m.supports("tools")).isTrue();
    assertThat(m.supportsStructuredOutputs()).isTrue();
    assertThat(m.supports("reasoning")).isFalse();
  }

  @Test
  void generationIsParsedFromData() {
    server.enqueueJson(200, "{\"data\":{\"id\":\"gen-3bh\",\"total_cost\":0.0015,\"tokens_prompt\":10,"
        + "\"tokens_completion\":25,\"native_tokens_prompt\":11,\"latency\":1250,\"generation_time\":1200,"
        + "\"provider_name\":\"Infermatic\",\"model\":\"sao10k/l3-stheno-8b\",\"finish_reason\":\"stop\","
        + "\"streamed\":true,\"cancelled\":false,\"new_field\":1}}");
    Generation g = client.generation("gen-3bh").await();
    assertThat(server.lastRequest().uri()).isEqualTo("/api/v1/generation?id=gen-3bh");
    assertThat(g.totalCost()).isEqualByComparingTo("0.0015");
    assertThat(g.tokensCompletion()).isEqualTo(25);
    assertThat(g.nativeTokensPrompt()).isEqualTo(11);
    assertThat(g.providerName()).isEqualTo("Infermatic");
    assertThat(g.latency()).isEqualTo(1250.0);
    assertThat(g.streamed()).isTrue();
  }

  @Test
  void keyInfoIsParsedFromData() {
    server.enqueueJson(200, "{\"data\":{\"label\":\"sk-or-v1-au7...890\",\"limit\":100,"
        + "\"limit_remaining\":74.5,\"usage\":25.5,\"is_free_tier\":false,"
        + "\"rate_limit\":{\"requests\":1000,\"interval\":\"1h\"}}}");
    KeyInfo k = client.key().await();
    assertThat(server.lastRequest().uri()).isEqualTo("/api/v1/key");
    assertThat(k.limitRemaining()).isEqualByComparingTo("74.5");
    assertThat(k.usage()).isEqualByComparingTo("25.5");
    assertThat(k.isFreeTier()).isFalse();
    assertThat(k.limitReset()).isNull();
  }

  @Test
  void optionsFromEnvAndToStringNeverShowTheKey() {
    OpenRouterOptions o = OpenRouterOptions.fromEnv(Map.of("OPENROUTER_API_KEY", KEY,
        "OPENROUTER_BASE_URL", "http://localhost:9/v1/", "OPENROUTER_SITE_NAME", "App"));
    assertThat(o.getApiKey()).isEqualTo(KEY);
    assertThat(o.getBaseUrl()).isEqualTo("http://localhost:9/v1");
    assertThat(o.getSiteName()).isEqualTo("App");
    assertThat(OpenRouterOptions.fromEnv(Map.of()).getBaseUrl())
        .isEqualTo(OpenRouterOptions.DEFAULT_BASE_URL);
    assertThat(o.toString()).doesNotContain(KEY).contains("<redacted>");
    assertThat(new OpenRouterOptions(o).toString()).doesNotContain(KEY);
    assertThatThrownBy(() -> o.setMaxInFlight(-1)).hasMessage("maxInFlight must be >= 0: -1");
  }

  static OpenRouterException failure(io.vertx.core.Future<?> future) {
    try {
      future.await(9, java.util.concurrent.TimeUnit.SECONDS);
    } catch (OpenRouterException e) {
      return e;
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no failure within 9 s", e);
    }
    throw new AssertionError("expected a failure");
  }
}
