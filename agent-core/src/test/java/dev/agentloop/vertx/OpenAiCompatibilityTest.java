package dev.agentloop.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.models.Model;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAI-compatible endpoints of {@link AgentRoutes}, driven by the official OpenAI Java SDK
 * (its blocking client, on the JUnit thread).
 */
@ExtendWith(VertxExtension.class)
class OpenAiCompatibilityTest {

  private EmbeddingFixture f;
  private OpenAIClient openAi;

  @BeforeAll
  static void warmUp(Vertx vertx) throws Exception {
    SdkWarmUp.run(vertx);
  }

  @BeforeEach
  void setUp(Vertx vertx) {
    f = EmbeddingFixture.start(vertx);
    int port = f.serve(new AgentRoutesOptions().addToken(AgentRoutesTest.ALICE, "alice"));
    openAi = client(port, AgentRoutesTest.ALICE);
  }

  @AfterEach
  void tearDown() {
    openAi.close();
    f.close();
  }

  private static OpenAIClient client(int port, String token) {
    return OpenAIOkHttpClient.builder()
        .baseUrl("http://127.0.0.1:" + port + "/v1")
        .apiKey(token)
        .maxRetries(0)
        .build();
  }

  private static ChatCompletionCreateParams.Builder params(String prompt) {
    return ChatCompletionCreateParams.builder().model("weather").addUserMessage(prompt);
  }

  @Test
  @Timeout(20)
  void completionRunsTheAgentsToolsOnTheServer() {
    f.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Oslo\"}"));
    f.fake.enqueue(MockChat.text("Oslo: snow, -3 °C."));

    ChatCompletion completion = openAi.chat().completions().create(params("Weather in Oslo?").build());

    assertThat(completion.choices()).singleElement().satisfies(choice -> {
      assertThat(choice.message().content()).contains("Oslo: snow, -3 °C.");
      assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    });
    assertThat(completion.model()).isEqualTo("weather");
    assertThat(completion.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isPositive());
    assertThat(f.tools.cities).containsExactly("Oslo");
    assertThat(f.tools.threads).noneMatch(t -> t.contains("eventloop"));
  }

  @Test
  @Timeout(20)
  void streamingCompletionDeliversChunksWithoutUsageUnlessAsked() {
    f.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Oslo\"}"));
    f.fake.enqueue(MockChat.streamText("Snow in Oslo today.", 4));

    List<ChatCompletionChunk> chunks = stream(params("Weather in Oslo?").build());

    assertThat(text(chunks)).isEqualTo("Snow in Oslo today.");
    assertThat(chunks.size()).isGreaterThanOrEqualTo(4);
    ChatCompletionChunk last = chunks.get(chunks.size() - 1);
    assertThat(last.choices().get(0).finishReason())
        .hasValue(ChatCompletionChunk.Choice.FinishReason.STOP);
    assertThat(chunks).allSatisfy(c -> assertThat(c.usage()).isEmpty());
    assertThat(f.tools.cities).containsExactly("Oslo");
    assertThat(f.fake.requests()).allSatisfy(r -> assertThat(r.isStream()).isTrue());
  }

  @Test
  @Timeout(20)
  void includeUsageAddsAFinalUsageChunkWithoutChoices() {
    f.fake.enqueue(MockChat.streamText("Snow in Oslo today.", 4));

    List<ChatCompletionChunk> chunks = stream(params("Weather in Oslo?")
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
        .build());

    ChatCompletionChunk last = chunks.get(chunks.size() - 1);
    assertThat(last.choices()).isEmpty();
    assertThat(last.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isPositive());
    ChatCompletionChunk finish = chunks.get(chunks.size() - 2);
    assertThat(finish.choices().get(0).finishReason())
        .hasValue(ChatCompletionChunk.Choice.FinishReason.STOP);
    assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(c -> assertThat(c.usage()).isEmpty());
    assertThat(text(chunks)).isEqualTo("Snow in Oslo today.");
  }

  @Test
  @Timeout(20)
  void streamSurvivesKeepAliveCommentsDuringASilentGap(Vertx vertx) {
    int port = f.serve(new AgentRoutesOptions().addToken(AgentRoutesTest.ALICE, "alice")
        .setKeepAliveInterval(Duration.ofMillis(50)));
    f.fake.enqueue(MockResponse.chat(MockChat.streamText("Late snow.", 2)).newBuilder()
        .headersDelay(Duration.ofMillis(400)).build());
    OpenAIClient patient = client(port, AgentRoutesTest.ALICE);
    try {
      List<ChatCompletionChunk> chunks = new ArrayList<>();
      try (StreamResponse<ChatCompletionChunk> stream =
          patient.chat().completions().createStreaming(params("Weather?").build())) {
        stream.stream().forEach(chunks::add);
      }
      assertThat(text(chunks)).isEqualTo("Late snow.");
    } finally {
      patient.close();
    }
  }

  private List<ChatCompletionChunk> stream(ChatCompletionCreateParams params) {
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(params)) {
      stream.stream().forEach(chunks::add);
    }
    return chunks;
  }

  private static String text(List<ChatCompletionChunk> chunks) {
    return chunks.stream().flatMap(c -> c.choices().stream())
        .flatMap(c -> c.delta().content().stream()).reduce("", String::concat);
  }

  @Test
  @Timeout(20)
  void callersMessagesBecomeTheConversation() {
    f.fake.enqueue(MockChat.text("Your name is Ada."));

    openAi.chat().completions().create(ChatCompletionCreateParams.builder()
        .model("weather")
        .addUserMessage("I am Ada.")
        .addAssistantMessage("Hello Ada.")
        .addUserMessage("What is my name?")
        .build());

    JsonArray messages = f.fake.takeRequest().messages();
    assertThat(messages.stream().map(m -> ((JsonObject) m).getString("role")).toList())
        .containsExactly("system", "user", "assistant", "user");
    assertThat(messages.getJsonObject(0).getString("content")).isEqualTo("You are a weather assistant.");
    assertThat(messages.getJsonObject(3).getString("content")).isEqualTo("What is my name?");
  }

  @Test
  @Timeout(20)
  void samplingParametersApplyToEveryModelCallOfThatRunOnly() {
    f.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Oslo\"}"));
    f.fake.enqueue(MockChat.text("Snow."));
    f.fake.enqueue(MockChat.text("Rain."));

    openAi.chat().completions().create(params("Weather in Oslo?")
        .maxTokens(300).maxCompletionTokens(250).temperature(0.25).topP(0.5)
        .stop("END").seed(42).frequencyPenalty(0.5).presencePenalty(-0.5).user("user-7")
        .build());
    openAi.chat().completions().create(params("And now?").build());

    List<JsonObject> bodies = f.fake.requests().stream().map(r -> r.body()).toList();
    for (JsonObject body : bodies.subList(0, 2)) {
      assertThat(body.getInteger("max_tokens")).isEqualTo(300);
      assertThat(body.getInteger("max_completion_tokens")).isEqualTo(250);
      assertThat(body.getDouble("temperature")).isEqualTo(0.25);
      assertThat(body.getDouble("top_p")).isEqualTo(0.5);
      assertThat(body.getJsonArray("stop")).containsExactly("END");
      assertThat(body.getLong("seed")).isEqualTo(42L);
      assertThat(body.getDouble("frequency_penalty")).isEqualTo(0.5);
      assertThat(body.getDouble("presence_penalty")).isEqualTo(-0.5);
      assertThat(body.getString("user")).isEqualTo("user-7");
    }
    JsonObject plain = bodies.get(2);
    assertThat(plain.fieldNames()).doesNotContain("max_tokens", "temperature", "top_p", "stop",
        "seed", "user");
  }

  @Test
  @Timeout(20)
  void invalidOrUnsupportedParametersAre400NamingTheParameter() {
    assertThatThrownBy(() -> openAi.chat().completions().create(params("Hi").temperature(3.0).build()))
        .isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.param()).hasValue("temperature"))
        .hasMessageContaining("'temperature' is out of range");
    assertThatThrownBy(() -> openAi.chat().completions().create(params("Hi").maxTokens(0).build()))
        .isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.param()).hasValue("max_tokens"));
    assertThatThrownBy(() -> openAi.chat().completions().create(params("Hi")
            .responseFormat(ResponseFormatJsonObject.builder().build()).build()))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.param()).hasValue("response_format");
          assertThat(e.code()).hasValue("unsupported_parameter");
        })
        .hasMessageContaining("unsupported 'response_format.type': use text or json_schema: json_object");
    assertThatThrownBy(() -> openAi.chat().completions().create(params("Hi").user("u".repeat(257)).build()))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).hasValue("user"))
        .hasMessageContaining("'user' must be a string of at most 256 characters");
    assertThatThrownBy(() -> openAi.chat().completions().create(params("Hi").logprobs(true).build()))
        .isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.param()).hasValue("logprobs"));
    assertThat(f.fake.requests()).isEmpty();
  }

  @Test
  @Timeout(20)
  void modelListContainsTheAgent() {
    List<Model> models = openAi.models().list().data();

    assertThat(models).extracting(Model::id).containsExactly("weather");
  }

  @Test
  @Timeout(20)
  void sdkSeesOpenAiErrors() {
    assertThatThrownBy(() -> openAi.chat().completions().create(
            ChatCompletionCreateParams.builder().model("nobody").addUserMessage("Hi").build()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("the model 'nobody' does not exist");
    assertThatThrownBy(() -> openAi.chat().completions().create(
            ChatCompletionCreateParams.builder().model("weather").addAssistantMessage("Hi").build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("the last message must be a user message");
    OpenAIClient stranger = client(f.serve(new AgentRoutesOptions()), "wrong-token-0123456789");
    try {
      assertThatThrownBy(() -> stranger.models().list()).isInstanceOf(UnauthorizedException.class);
    } finally {
      stranger.close();
    }
  }

  @Test
  @Timeout(20)
  void upstreamAuthFailureReachesTheSdkWithoutTheKey() {
    f.fake.enqueue(MockResponse.error(401, "Invalid key " + EmbeddingFixture.KEY + ": check OPENROUTER_API_KEY"));

    assertThatThrownBy(() -> openAi.chat().completions().create(params("Hi").build()))
        .satisfies(e -> assertThat(e.getMessage())
            .contains("refused this server's request")
            .doesNotContain(EmbeddingFixture.KEY)
            .doesNotContain("OPENROUTER_API_KEY"));
  }
}
