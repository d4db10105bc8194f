package dev.agentloop.openrouter;

import static dev.agentloop.openrouter.OpenRouterClientChatTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentloop.openrouter.OpenRouterException.Kind;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.FakeOpenRouterOptions;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.MockResponse.SocketEffect;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real client over real HTTP against {@link FakeOpenRouter}: every behaviour of issue 2 once
 * more, this time against answers shaped exactly like OpenRouter's (the raw-server tests cover the
 * edge cases of the wire format).
 */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class OpenRouterClientFakeTest {

  static final String KEY = "sk-or-v1-fake-0123456789-secret";
  static final String SCHEMA = "{\"type\":\"object\","
      + "\"properties\":{\"city\":{\"type\":\"string\"}},"
      + "\"required\":[\"city\"],\"additionalProperties\":false}";

  Vertx vertx;
  FakeOpenRouter fake;
  OpenRouterClient client;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    // With a key configured the fake answers 401 unless "Authorization: Bearer KEY" is sent.
    fake = FakeOpenRouter.start(vertx, new FakeOpenRouterOptions().setApiKey(KEY)).await();
    client = client(o -> o);
  }

  @AfterEach
  void tearDown() {
    client.close().await();
    fake.close().await();
  }

  /** Replaces the client with one whose options are the defaults of this test, then changed. */
  OpenRouterClient client(UnaryOperator<OpenRouterOptions> change) {
    if (client != null) {
      client.close().await();
    }
    client = OpenRouterClient.create(vertx, change.apply(new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(fake.baseUrl()).setSiteUrl("https://agentloop.dev").setSiteName("AgentLoop")
        .setRetry(new RetryOptions().setBaseDelay(Duration.ofMillis(10)))));
    return client;
  }

  static ChatRequest hello() {
    return ChatRequest.builder().model("openai/gpt-4o-mini").addMessage(Message.user("Hi"))
        .maxTokens(16).build();
  }

  @Test
  void chatParsesTextAndSendsHeadersAndBody() throws Exception {
    fake.enqueue(MockChat.text("Sunny, 24 °C.").id("gen-text-1")
        .model("anthropic/claude-sonnet-4.5").provider("Anthropic").usage(42, 7, 0.000231));
    ChatRequest request = ChatRequest.builder().model("anthropic/claude-sonnet-4.5")
        .addMessage(Message.system("Be brief.")).addMessage(Message.user("Weather in Paris?"))
        .maxTokens(64).temperature(0.2)
        .tools(List.of(ToolDefinition.function("get_weather", "Weather for a city",
            new ObjectMapper().readTree(SCHEMA), true)))
        .toolChoice(ToolChoice.AUTO).parallelToolCalls(false).build();

    ChatResponse r = client.chat(request).await();

    assertThat(r.id()).isEqualTo("gen-text-1");
    assertThat(r.object()).isEqualTo("chat.completion");
    assertThat(r.model()).isEqualTo("anthropic/claude-sonnet-4.5");
    assertThat(r.provider()).isEqualTo("Anthropic");
    assertThat(r.message().role()).isEqualTo("assistant");
    assertThat(r.message().text()).isEqualTo("Sunny, 24 °C.");
    assertThat(r.message().toolCalls()).isNull();
    assertThat(r.finishReason()).isEqualTo("stop");
    assertThat(r.usage().promptTokens()).isEqualTo(42);
    assertThat(r.usage().completionTokens()).isEqualTo(7);
    assertThat(r.usage().totalTokens()).isEqualTo(49);
    assertThat(r.usage().cost()).isEqualByComparingTo("0.000231");

    RecordedRequest recorded = fake.takeRequest();
    assertThat(recorded.method()).isEqualTo("POST");
    assertThat(recorded.path()).isEqualTo("/api/v1/chat/completions");
    assertThat(recorded.header("Authorization")).isEqualTo(RecordedRequest.REDACTED_AUTHORIZATION);
    assertThat(recorded.header("Content-Type")).isEqualTo("application/json");
    assertThat(recorded.header("Accept")).isEqualTo("application/json");
    assertThat(recorded.header("HTTP-Referer")).isEqualTo("https://agentloop.dev");
    assertThat(recorded.header("X-OpenRouter-Title")).isEqualTo("AgentLoop");
    assertThat(recorded.header("X-Title")).isEqualTo("AgentLoop");
    assertThat(recorded.body()).isEqualTo(new JsonObject()
        .put("model", "anthropic/claude-sonnet-4.5")
        .put("messages", new JsonArray()
            .add(new JsonObject().put("role", "system").put("content", "Be brief."))
            .add(new JsonObject().put("role", "user").put("content", "Weather in Paris?")))
        .put("max_tokens", 64).put("temperature", 0.2)
        .put("tools", new JsonArray().add(new JsonObject().put("type", "function")
            .put("function", new JsonObject().put("name", "get_weather")
                .put("description", "Weather for a city").put("parameters", new JsonObject(SCHEMA))
                .put("strict", true))))
        .put("tool_choice", "auto").put("parallel_tool_calls", false));
  }

  @Test
  void chatParsesParallelToolCalls() {
    fake.enqueue(MockChat.toolCalls(
        new MockChat.ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
        new MockChat.ToolCall("call_2", "get_time", "{}")));

    ChatResponse r = client.chat(hello()).await();

    assertThat(r.finishReason()).isEqualTo("tool_calls");
    assertThat(r.message().text()).isNull();
    assertThat(r.message().toolCalls()).containsExactly(
        ToolCall.of("call_1", "get_weather", "{\"city\":\"Paris\"}"),
        ToolCall.of("call_2", "get_time", "{}"));
    assertThat(fake.takeRequest().body().containsKey("stream")).isFalse();
  }

  @Test
  void streamAssemblesToolCallDeltasInResult() {
    fake.enqueue(MockChat.streamToolCalls(3,
        new MockChat.ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
        new MockChat.ToolCall("call_2", "get_time", "{\"zone\":\"CET\"}"))
        .id("gen-stream-1").usage(20, 11, 0.0001));
    List<ChatChunk> chunks = new CopyOnWriteArrayList<>();

    ChatResponse r = client.stream(hello()).compose(s -> {
      assertThat(s.generationId()).isEqualTo("gen-stream-1");
      s.handler(chunks::add);
      return s.result();
    }).await();

    // 2 × (1 opening delta + 3 argument pieces), the finish chunk, the usage chunk.
    assertThat(chunks).hasSize(10);
    assertThat(r.id()).isEqualTo("gen-stream-1");
    assertThat(r.finishReason()).isEqualTo("tool_calls");
    assertThat(r.message().toolCalls()).containsExactly(
        ToolCall.of("call_1", "get_weather", "{\"city\":\"Paris\"}"),
        ToolCall.of("call_2", "get_time", "{\"zone\":\"CET\"}"));
    assertThat(r.usage().totalTokens()).isEqualTo(31);
    assertThat(r.usage().cost()).isEqualByComparingTo("0.0001");
    RecordedRequest recorded = fake.takeRequest();
    assertThat(recorded.isStream()).isTrue();
    assertThat(recorded.header("Accept")).isEqualTo("text/event-stream");
  }

  @Test
  void midStreamErrorIsTypedWithPartialText() {
    fake.enqueue(MockChat.streamText("Hello wor", 3)
        .error(502, "Provider disconnected", "provider_unavailable"));

    OpenRouterException e = failure(client.stream(hello()).compose(ChatStream::result));

    assertThat(e.kind()).isEqualTo(Kind.PROVIDER_ERROR);
    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.partialText()).isEqualTo("Hello wor");
    assertThat(e.metadata().get("error_type").asText()).isEqualTo("provider_unavailable");
    assertThat(e.getMessage()).isEqualTo("502 from OpenRouter (inside a 200 response): the"
        + " provider or OpenRouter failed — retry, add fallback models (models), or allow"
        + " provider fallbacks. OpenRouter said: \"Provider disconnected\"");
    assertThat(fake.requestCount()).isEqualTo(1); // a started stream is never retried
  }

  @Test
  void rateLimitIsRetriedAfterRetryAfter() {
    fake.enqueue(MockResponse.rateLimited(1));
    fake.enqueue(MockChat.text("after the wait"));
    long start = System.nanoTime();

    ChatResponse r = client.chat(hello()).await();

    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(elapsedMs).isGreaterThanOrEqualTo(900);
    assertThat(r.message().text()).isEqualTo("after the wait");
    assertThat(fake.requestCount()).isEqualTo(2);
  }

  @Test
  void insufficientCreditsFailsAtOnce() {
    fake.enqueue(MockResponse.error(402,
        "This request requires more credits, or fewer max_tokens."));
    fake.enqueue(MockChat.text("must not be fetched"));

    OpenRouterException e = failure(client.chat(hello()));

    assertThat(e.kind()).isEqualTo(Kind.INSUFFICIENT_CREDITS);
    assertThat(e.statusCode()).isEqualTo(402);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("402 from OpenRouter: insufficient credits — add credits"
        + " at https://openrouter.ai/settings/credits or lower max_tokens (the credit check"
        + " reserves max_tokens, or the model's maximum output when max_tokens is not set)."
        + " OpenRouter said: \"This request requires more credits, or fewer max_tokens.\"");
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void hangingServerHitsTheTimeout() {
    // Warm both ends first: a cold JVM's first exchange alone can outlast the timeout under test.
    client.key().await();
    client(o -> o.setIdleTimeout(Duration.ofMillis(500)).setRetry(RetryOptions.none()));
    fake.enqueue(MockResponse.builder().effect(SocketEffect.HANG).build());

    OpenRouterException e = failure(client.chat(hello()));

    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.statusCode()).isZero();
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).startsWith("no response from OpenRouter in time (")
        .endsWith(") — the model may be slow or the network stalled; raise OpenRouterOptions"
            + " idleTimeout/requestTimeout, or stream the response")
        .doesNotContain(KEY);
    assertThat(fake.requests()).extracting(RecordedRequest::path)
        .containsExactly("/api/v1/key", "/api/v1/chat/completions");
  }

  @Test
  void droppedConnectionIsTransport() {
    client(o -> o.setRetry(RetryOptions.none()));
    fake.enqueue(MockResponse.builder().effect(SocketEffect.DISCONNECT_BEFORE_RESPONSE).build());
    fake.enqueue(MockChat.streamText("a b c d", 4).toResponse().newBuilder()
        .effect(SocketEffect.DISCONNECT_MID_BODY, 3).build()); // keep-alive, "a", " b", then gone

    OpenRouterException beforeResponse = failure(client.chat(hello()));
    OpenRouterException midStream = failure(client.stream(hello()).compose(ChatStream::result));

    assertThat(beforeResponse.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(beforeResponse.statusCode()).isZero();
    assertThat(beforeResponse.isRetryable()).isTrue();
    assertThat(beforeResponse.getMessage()).startsWith("the connection to OpenRouter was closed");
    assertThat(midStream.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(midStream.partialText()).isEqualTo("a b");
    assertThat(fake.requestCount()).isEqualTo(2);
  }

  @Test
  void limiterNeverLetsMoreThanMaxInFlightReachTheServer() throws Exception {
    client(o -> o.setMaxInFlight(3));
    fake.dispatcher(request -> MockChat.text("slow").toResponse().newBuilder()
        .headersDelay(Duration.ofMillis(100)).build());
    List<Future<ChatResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      calls.add(client.chat(hello()));
    }

    List<ChatResponse> answers = Future.all(calls).await(9, TimeUnit.SECONDS).list();

    assertThat(answers).hasSize(12).allMatch(r -> r.message().text().equals("slow"));
    assertThat(fake.requestCount()).isEqualTo(12);
    assertThat(fake.maxInFlight()).isLessThanOrEqualTo(3);
    assertThat(fake.maxInFlight()).isEqualTo(3);
  }

  @Test
  void errorsInside200BodiesAreTyped() {
    client(o -> o.setRetry(RetryOptions.none()));
    fake.enqueue(MockResponse.errorInBody(429, "Provider returned error",
        new JsonObject().put("provider_name", "Kluster").put("raw", "error code: 1015")));
    fake.enqueue(MockChat.text("partial output").error(400, "Provider disconnected mid-stream",
        "invalid_request"));

    OpenRouterException topLevel = failure(client.chat(hello()));
    OpenRouterException inChoice = failure(client.chat(hello()));

    assertThat(topLevel.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(topLevel.statusCode()).isEqualTo(429);
    assertThat(topLevel.providerName()).isEqualTo("Kluster");
    assertThat(topLevel.rawError()).isEqualTo("error code: 1015");
    assertThat(topLevel.partialText()).isNull();
    assertThat(inChoice.kind()).isEqualTo(Kind.BAD_REQUEST);
    assertThat(inChoice.statusCode()).isEqualTo(400);
    assertThat(inChoice.isRetryable()).isFalse();
    assertThat(inChoice.partialText()).isEqualTo("partial output");
    assertThat(inChoice.getMessage()).startsWith("400 from OpenRouter (inside a 200 response): ")
        .endsWith("OpenRouter said: \"Provider disconnected mid-stream\"");
    assertThat(fake.requestCount()).isEqualTo(2);
  }

  @Test
  void modelsAreParsedFromTheBuiltInCatalogue() {
    List<ModelInfo> models = client.models().await();

    assertThat(models).extracting(ModelInfo::id).containsExactly("openai/gpt-4o-mini",
        "anthropic/claude-sonnet-4.5", "google/gemini-2.5-flash",
        "mistralai/mistral-7b-instruct:free", "meta-llama/llama-3.1-8b-instruct");
    ModelInfo mini = models.get(0);
    assertThat(mini.contextLength()).isEqualTo(128_000L);
    assertThat(mini.pricing().prompt()).isEqualByComparingTo("0.00000015");
    assertThat(mini.pricing().completion()).isEqualByComparingTo("0.0000006");
    assertThat(mini.supportsTools()).isTrue();
    assertThat(mini.supportsStructuredOutputs()).isTrue();
    assertThat(models.get(3).supportsTools()).isFalse();
    assertThat(models.get(3).pricing().prompt()).isEqualByComparingTo("0");
    assertThat(fake.takeRequest().path()).isEqualTo("/api/v1/models");
  }

  @Test
  void generationOfAServedAnswerIsParsed() {
    fake.enqueue(MockChat.text("counted").id("gen-served-1").provider("Anthropic")
        .model("anthropic/claude-sonnet-4.5").usage(10, 5, 0.0007));
    String id = client.chat(hello()).await().id();

    Generation g = client.generation(id).await();

    assertThat(g.id()).isEqualTo("gen-served-1");
    assertThat(g.model()).isEqualTo("anthropic/claude-sonnet-4.5");
    assertThat(g.providerName()).isEqualTo("Anthropic");
    assertThat(g.totalCost()).isEqualByComparingTo("0.0007");
    assertThat(g.tokensPrompt()).isEqualTo(10L);
    assertThat(g.tokensCompletion()).isEqualTo(5L);
    assertThat(g.streamed()).isFalse();
    assertThat(g.cancelled()).isFalse();
    assertThat(g.finishReason()).isEqualTo("stop");
    assertThat(fake.requests().get(1).query()).isEqualTo("id=gen-served-1");
    assertThat(failure(client.generation("gen-unknown")).kind()).isEqualTo(Kind.NOT_FOUND);
  }

  @Test
  void keyInfoIsParsedFromTheBuiltIn() {
    KeyInfo k = client.key().await();

    assertThat(k.label()).isEqualTo("sk-or-v1-fak...e00");
    assertThat(k.limit()).isEqualByComparingTo("100");
    assertThat(k.limitRemaining()).isEqualByComparingTo("74.5");
    assertThat(k.limitReset()).isEqualTo("monthly");
    assertThat(k.usage()).isEqualByComparingTo("25.5");
    assertThat(k.usageDaily()).isEqualByComparingTo("0.5");
    assertThat(k.usageWeekly()).isEqualByComparingTo("5.5");
    assertThat(k.usageMonthly()).isEqualByComparingTo("25.5");
    assertThat(k.isFreeTier()).isFalse();
    assertThat(k.expiresAt()).isNull();
    assertThat(fake.takeRequest().path()).isEqualTo("/api/v1/key");
  }
}
