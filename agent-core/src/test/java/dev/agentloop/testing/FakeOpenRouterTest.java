package dev.agentloop.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeOpenRouterTest extends FakeServerTestBase {

  private String chatUrl() {
    return fake.baseUrl() + "/chat/completions";
  }

  @Test
  void baseUrlIsLoopbackWithApiPrefix() {
    assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + fake.port() + "/api/v1");
    assertThat(fake.port()).isPositive();
  }

  @Test
  void textAnswerIsServedAsJsonWithGenerationId() {
    MockChat chat = MockChat.text("Hello!").id("gen-abc").created(5);
    fake.enqueue(chat);

    Http.Response response = http.post(chatUrl(), Http.chatRequest(false)).await();

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(response.headers().get("X-Generation-Id")).isEqualTo("gen-abc");
    assertThat(response.json()).isEqualTo(chat.toJson());
  }

  @Test
  void streamAnswerIsServedAsSseFrames() {
    MockChat chat = MockChat.streamText("Hello world", 3).id("gen-s");
    fake.enqueue(chat);

    Http.Response response = http.post(chatUrl(), Http.chatRequest(true)).await();

    assertThat(response.headers().get("Content-Type")).isEqualTo("text/event-stream");
    assertThat(response.headers().get("X-Generation-Id")).isEqualTo("gen-s");
    assertThat(response.frames()).isEqualTo(chat.toSseFrames());
    assertThat(response.frames().get(0)).isEqualTo(": OPENROUTER PROCESSING\n\n");
    assertThat(response.frames().get(response.frames().size() - 1)).isEqualTo("data: [DONE]\n\n");
  }

  @Test
  void plainAnswerIsStreamedWhenRequestStreams() {
    MockChat chat = MockChat.toolCall("get_weather", "{\"city\":\"Paris\"}");
    fake.enqueue(chat);

    Http.Response response = http.post(chatUrl(), Http.chatRequest(true)).await();

    assertThat(response.frames()).isEqualTo(chat.toSseFrames());
  }

  @Test
  void streamedAnswerIsAggregatedWhenRequestDoesNotStream() {
    MockChat chat = MockChat.streamText("Hello world", 4);
    fake.enqueue(chat);

    Http.Response response = http.post(chatUrl(), Http.chatRequest(false)).await();

    assertThat(response.json()).isEqualTo(chat.toJson());
    assertThat(response.json().getJsonArray("choices").getJsonObject(0)
        .getJsonObject("message").getString("content")).isEqualTo("Hello world");
  }

  @Test
  void queueIsServedInOrder() {
    fake.enqueue(MockChat.text("one")).enqueue(MockChat.text("two"));

    assertThat(content(http.post(chatUrl(), Http.chatRequest(false)).await())).isEqualTo("one");
    assertThat(content(http.post(chatUrl(), Http.chatRequest(false)).await())).isEqualTo("two");
  }

  @Test
  void emptyQueueAnswers500SayingNothingIsScripted() {
    Http.Response response = http.post(chatUrl(), Http.chatRequest(false)).await();

    assertThat(response.status()).isEqualTo(500);
    JsonObject error = response.json().getJsonObject("error");
    assertThat(error.getInteger("code")).isEqualTo(500);
    assertThat(error.getString("message")).isEqualTo("FakeOpenRouter has nothing scripted for "
        + "POST /api/v1/chat/completions (request #0): enqueue a MockResponse or set a dispatcher");
  }

  @Test
  void dispatcherAnswersFromTheRequest() {
    fake.dispatcher(request -> request.countMessages("tool") == 0
        ? MockChat.toolCall("lookup", "{}").toResponse() : MockChat.text("done").toResponse());
    JsonObject withTool = Http.chatRequest(false);
    withTool.getJsonArray("messages").add(new JsonObject().put("role", "tool")
        .put("tool_call_id", "call_1").put("content", "42"));

    Http.Response first = http.post(chatUrl(), Http.chatRequest(false)).await();
    Http.Response second = http.post(chatUrl(), withTool).await();

    assertThat(first.json().getJsonArray("choices").getJsonObject(0).getString("finish_reason"))
        .isEqualTo("tool_calls");
    assertThat(content(second)).isEqualTo("done");
  }

  @Test
  void queueWinsOverDispatcherAndNullFallsBackToBuiltins() {
    fake.dispatcher(request -> null);
    fake.enqueue(MockChat.text("queued"));

    assertThat(content(http.post(chatUrl(), Http.chatRequest(false)).await())).isEqualTo("queued");
    assertThat(http.post(chatUrl(), Http.chatRequest(false)).await().status()).isEqualTo(500);
    assertThat(http.get(fake.baseUrl() + "/key").await().status()).isEqualTo(200);
  }

  @Test
  void asyncDispatcherAndFailingDispatcher(Vertx vertx) {
    fake.asyncDispatcher(request -> request.model() == null
        ? Future.failedFuture(new IllegalStateException("no model"))
        : vertx.timer(20).map(t -> MockChat.text("late").toResponse()));

    assertThat(content(http.post(chatUrl(), Http.chatRequest(false)).await())).isEqualTo("late");
    Http.Response failed = http.post(chatUrl(), new JsonObject().put("messages", new JsonArray()))
        .await();
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.json().getJsonObject("error").getString("message"))
        .isEqualTo("FakeOpenRouter dispatcher failed: java.lang.IllegalStateException: no model");
  }

  @Test
  void requestsAreRecordedWithRedactedAuthorization() {
    fake.enqueue(MockChat.text("ok"));
    JsonObject body = Http.chatRequest(false).put("tools", new JsonArray()
        .add(new JsonObject().put("type", "function")));

    http.send(HttpMethod.POST, chatUrl(), body, "sk-or-v1-secret", 0).await();

    assertThat(fake.requestCount()).isEqualTo(1);
    RecordedRequest request = fake.takeRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v1/chat/completions");
    assertThat(request.body()).isEqualTo(body);
    assertThat(request.model()).isEqualTo("openai/gpt-4o-mini");
    assertThat(request.messages()).isEqualTo(body.getJsonArray("messages"));
    assertThat(request.tools()).hasSize(1);
    assertThat(request.header("authorization")).isEqualTo("Bearer ***");
    assertThat(request.headers().getAll("Authorization")).containsExactly("Bearer ***");
    assertThat(fake.requests().toString() + request.headers()).doesNotContain("secret");
    assertThatThrownBy(fake::takeRequest).isInstanceOf(IllegalStateException.class)
        .hasMessage("no request to take: 1 recorded, all taken");
  }

  @Test
  void nextRequestWaitsForArrival() {
    Future<RecordedRequest> next = fake.nextRequest();
    assertThat(next.isComplete()).isFalse();

    http.get(fake.baseUrl() + "/models?supported_parameters=tools").await();

    RecordedRequest request = next.await();
    assertThat(request.query()).isEqualTo("supported_parameters=tools");
    assertThat(request.queryParam("supported_parameters")).isEqualTo("tools");
    assertThat(request.body()).isNull();
  }

  @Test
  void modelsCatalogueIsFilteredBySupportedParameters() {
    JsonObject all = http.get(fake.baseUrl() + "/models").await().json();
    JsonObject tools = http.get(fake.baseUrl() + "/models?supported_parameters=tools,structured_outputs")
        .await().json();

    assertThat(all.getJsonArray("data")).hasSize(5);
    assertThat(all.getInteger("total_count")).isEqualTo(5);
    JsonObject first = all.getJsonArray("data").getJsonObject(0);
    assertThat(first.getString("id")).isEqualTo("openai/gpt-4o-mini");
    assertThat(first.getJsonObject("pricing").getString("prompt")).isEqualTo("0.00000015");
    assertThat(first.getInteger("context_length")).isEqualTo(128000);
    assertThat(ids(tools)).containsExactly("openai/gpt-4o-mini", "anthropic/claude-sonnet-4.5",
        "google/gemini-2.5-flash");
  }

  @Test
  void modelsKeyAndPathQueuesAreOverridable() {
    fake.models(new JsonArray().add(new JsonObject().put("id", "x/y")
        .put("supported_parameters", new JsonArray())));
    fake.key(new JsonObject().put("label", "mine"));
    fake.enqueue("/models", MockResponse.error(503, "Service temporarily unavailable"));

    assertThat(http.get(fake.baseUrl() + "/models").await().status()).isEqualTo(503);
    assertThat(ids(http.get(fake.baseUrl() + "/models").await().json())).containsExactly("x/y");
    assertThat(http.get(fake.baseUrl() + "/key").await().json())
        .isEqualTo(new JsonObject().put("data", new JsonObject().put("label", "mine")));
  }

  @Test
  void keyInfoHasLimitsAndUsage() {
    JsonObject data = http.get(fake.baseUrl() + "/key").await().json().getJsonObject("data");

    assertThat(data.getString("label")).isEqualTo("sk-or-v1-fak...e00");
    assertThat(data.getDouble("limit_remaining")).isEqualTo(74.5);
    assertThat(data.getBoolean("is_free_tier")).isFalse();
    assertThat(data.getJsonObject("rate_limit").getInteger("requests")).isEqualTo(1000);
  }

  @Test
  void generationIsServedForAnswersItGave() {
    fake.enqueue(MockChat.text("Hi").id("gen-42").model("anthropic/claude-sonnet-4.5")
        .provider("Anthropic").usage(10, 3, 0.0002));
    http.post(chatUrl(), Http.chatRequest(true)).await();

    Http.Response found = http.get(fake.baseUrl() + "/generation?id=gen-42").await();
    Http.Response missing = http.get(fake.baseUrl() + "/generation?id=gen-nope").await();

    JsonObject data = found.json().getJsonObject("data");
    assertThat(data.getString("id")).isEqualTo("gen-42");
    assertThat(data.getString("model")).isEqualTo("anthropic/claude-sonnet-4.5");
    assertThat(data.getString("provider_name")).isEqualTo("Anthropic");
    assertThat(data.getDouble("total_cost")).isEqualTo(0.0002);
    assertThat(data.getInteger("tokens_prompt")).isEqualTo(10);
    assertThat(data.getInteger("tokens_completion")).isEqualTo(3);
    assertThat(data.getString("finish_reason")).isEqualTo("stop");
    assertThat(data.getBoolean("streamed")).isTrue();
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().getJsonObject("error").getString("message"))
        .isEqualTo("Generation not found: gen-nope");
  }

  @Test
  void unknownPathAnswers404() {
    Http.Response response = http.get("http://127.0.0.1:" + fake.port() + "/v2/nothing").await();

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().getJsonObject("error").getString("message"))
        .isEqualTo("FakeOpenRouter has no route for GET /v2/nothing");
  }

  @Test
  void apiKeyIsEnforcedWhenConfigured(Vertx vertx) {
    FakeOpenRouter secured = FakeOpenRouter.start(vertx,
        new FakeOpenRouterOptions().setApiKey("sk-or-v1-right")).await();
    secured.enqueue(MockChat.text("welcome"));
    String url = secured.baseUrl() + "/chat/completions";
    try {
      Http.Response missing = http.send(HttpMethod.POST, url, Http.chatRequest(false), null, 0)
          .await();
      Http.Response wrong = http.send(HttpMethod.POST, url, Http.chatRequest(false), "sk-bad", 0)
          .await();
      Http.Response right = http.send(HttpMethod.POST, url, Http.chatRequest(false),
          "sk-or-v1-right", 0).await();

      assertThat(missing.status()).isEqualTo(401);
      assertThat(missing.json()).isEqualTo(new JsonObject(
          "{\"error\":{\"code\":401,\"message\":\"No auth credentials found\"}}"));
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.json().getJsonObject("error").getString("message"))
          .isEqualTo("User not found.");
      assertThat(content(right)).isEqualTo("welcome");
      assertThat(secured.requests()).hasSize(3);
      assertThat(secured.requests().get(2).header("Authorization")).isEqualTo("Bearer ***");
    } finally {
      secured.close().await();
    }
  }

  private static String content(Http.Response response) {
    return response.json().getJsonArray("choices").getJsonObject(0).getJsonObject("message")
        .getString("content");
  }

  private static List<String> ids(JsonObject models) {
    return models.getJsonArray("data").stream().map(m -> ((JsonObject) m).getString("id")).toList();
  }
}
