package dev.agentloop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentloop.testing.MockChat.ToolCall;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Checks every kind of answer the fake gives against OpenRouter's published schemas. */
class FakeOpenRouterContractTest extends FakeServerTestBase {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<MockChat> everyChatKind() {
    return Stream.of(
        MockChat.text("Hello!"),
        MockChat.text("").usage(0, 0, 0),
        MockChat.streamText("Hello, streaming world", 5).cachedTokens(3),
        MockChat.toolCall("get_weather", "{\"city\":\"Paris\"}"),
        MockChat.toolCalls(ToolCall.of("a", "{}"), ToolCall.of("b", "{\"x\":[1,2]}")),
        MockChat.streamToolCalls(4, ToolCall.of("search", "{\"q\":\"vert.x sse\"}")),
        MockChat.text("42").reasoning("Let me think.").reasoningTokens(7),
        MockChat.text("cut").finishReason("length", "max_tokens"),
        MockChat.text("partial").error(502, "Provider disconnected", "provider_unavailable"),
        MockChat.text("Cited [1].").pieces(3).citation("https://vertx.io", "Vert.x", "reactive",
            0, 5).systemFingerprint("fp_1").serviceTier("priority"),
        MockChat.text("A dot.").pieces(2).logprobs().image("data:image/png;base64,iVBORw0KGgo="),
        MockChat.text("usage").usage(100, 10, 0.001).cachedTokens(60).cacheWriteTokens(30)
            .mediaTokens(4, 5, 6, 7).costDetails(0.002, 0.0015, 0.0005).serverToolUse(2, 3, 3)
            .byok(true));
  }

  @Test
  void completionBodiesMatchChatResult() {
    everyChatKind().forEach(chat -> assertThat(validate("ChatResult", chat.toJson()))
        .as(chat.toString()).isEmpty());
  }

  @Test
  void streamChunksMatchChatStreamChunk() {
    everyChatKind().forEach(chat -> chat.toChunks().forEach(chunk ->
        assertThat(validate("ChatStreamChunk", chunk)).as(chunk.encode()).isEmpty()));
  }

  @Test
  void servedStreamsMatchChatStreamChunk() {
    everyChatKind().forEach(fake::enqueue);
    everyChatKind().forEach(chat -> {
      Http.Response response = http.post(fake.baseUrl() + "/chat/completions",
          Http.chatRequest(true)).await();
      for (String frame : response.frames()) {
        if (frame.startsWith("data: {")) {
          JsonObject chunk = new JsonObject(frame.substring("data: ".length()).strip());
          assertThat(validate("ChatStreamChunk", chunk)).as(frame).isEmpty();
        }
      }
    });
  }

  @Test
  void errorBodiesMatchErrorSchemas() {
    assertThat(validate("TooManyRequestsResponse",
        MockResponse.error(429, "Rate limit exceeded", new JsonObject()
            .put("provider_name", "OpenAI").put("raw", "slow down")), 429)).isEmpty();
    assertThat(validate("UnauthorizedResponse", http.get(fake.baseUrl() + "/key").await().json()
        .put("ignored", true).put("error", MockResponse.errorBody(401, "No auth credentials found",
            null).getJsonObject("error")))).isEmpty();
    assertThat(validate("InternalServerResponse", http.post(fake.baseUrl() + "/chat/completions",
        Http.chatRequest(false)).await().json())).isEmpty();
    assertThat(validate("NotFoundResponse",
        http.get(fake.baseUrl() + "/generation?id=gen-x").await().json())).isEmpty();
  }

  @Test
  void errorSchemaRejectsAWrongEnvelope() {
    assertThat(validate("TooManyRequestsResponse",
        new JsonObject().put("error", new JsonObject().put("code", "429")))).isNotEmpty();
  }

  @Test
  void builtInEndpointsMatchTheirSchemas() {
    fake.enqueue(MockChat.text("hi").id("gen-c"));
    http.post(fake.baseUrl() + "/chat/completions", Http.chatRequest(false)).await();

    assertThat(validate("ModelsListResponse", http.get(fake.baseUrl() + "/models").await().json()))
        .isEmpty();
    assertThat(validate("ModelsListResponse", http.get(fake.baseUrl()
        + "/models?supported_parameters=tools&input_modalities=image").await().json())).isEmpty();
    assertThat(validate("EndpointsResponse",
        http.get(fake.baseUrl() + "/models/openai/gpt-4o-mini/endpoints").await().json()))
        .isEmpty();
    assertThat(validate("NotFoundResponse",
        http.get(fake.baseUrl() + "/models/acme/none/endpoints").await().json())).isEmpty();
    assertThat(validate("KeyResponse", http.get(fake.baseUrl() + "/key").await().json())).isEmpty();
    assertThat(validate("GenerationResponse",
        http.get(fake.baseUrl() + "/generation?id=gen-c").await().json())).isEmpty();
  }

  @Test
  void contractCatchesADriftingAnswer() {
    JsonObject drifted = MockChat.text("x").toJson();
    drifted.getJsonArray("choices").getJsonObject(0).put("finish_reason", "done");
    drifted.remove("system_fingerprint");

    List<String> errors = validate("ChatResult", drifted);

    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("/choices/0/finish_reason"));
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("system_fingerprint"));
  }

  private static List<String> validate(String schema, MockResponse response, int status) {
    assertThat(response.status()).isEqualTo(status);
    return validate(schema, new JsonObject(response.body()));
  }

  private static List<String> validate(String schema, JsonObject json) {
    try {
      return ContractSchemas.validate(schema, MAPPER.readTree(json.encode()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
