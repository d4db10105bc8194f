package dev.agentloop.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.UnprocessableEntityException;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.embeddings.EmbeddingModel;
import dev.agentloop.agent.Agent;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Status codes and request validation of the OpenAI-compatible endpoint, seen by the official
 * OpenAI Java SDK with its default retries on: a failure that a retry cannot fix must reach the
 * caller after exactly one run.
 */
@ExtendWith(VertxExtension.class)
class OpenAiErrorsTest {

  private EmbeddingFixture f;
  private OpenAIClient openAi;
  private int port;

  @BeforeAll
  static void warmUp(Vertx vertx) throws Exception {
    SdkWarmUp.run(vertx);
  }

  @BeforeEach
  void setUp(Vertx vertx) {
    f = EmbeddingFixture.start(vertx);
    port = f.serve(new AgentRoutesOptions().addToken(AgentRoutesTest.ALICE, "alice"),
        Agent.create(vertx, f.client, f.options().setMaxIterations(1)));
    openAi = OpenAIOkHttpClient.builder()
        .baseUrl("http://127.0.0.1:" + port + "/v1")
        .apiKey(AgentRoutesTest.ALICE)
        .maxRetries(2)
        .build();
  }

  @AfterEach
  void tearDown() {
    openAi.close();
    f.close();
  }

  private static ChatCompletionCreateParams.Builder params(String prompt) {
    return ChatCompletionCreateParams.builder().model("weather").addUserMessage(prompt);
  }

  @Test
  @Timeout(20)
  void iterationCapIs422AndTheSdkDoesNotRunTheAgentAgain() {
    f.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Oslo\"}"));

    assertThatThrownBy(() -> openAi.chat().completions().create(params("Weather?").build()))
        .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(422);
          assertThat(e.code()).hasValue("max_iterations");
          assertThat(e.type()).hasValue("agent_error");
          assertThat(e.headers().values("x-should-retry")).containsExactly("false");
        })
        .hasMessageContaining("the agent reached its iteration cap without an answer");
    assertThat(f.fake.requests()).hasSize(1);
    assertThat(f.tools.cities).containsExactly("Oslo");
  }

  @Test
  @Timeout(20)
  void invalidStructuredOutputIs422WithoutRetries() {
    for (int i = 0; i < 5; i++) {
      f.fake.enqueue(MockChat.text("not json"));
    }
    String body = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
        + "\"required\":[\"city\"],\"additionalProperties\":false}";
    ChatCompletionCreateParams request = params("Which city?")
        .responseFormat(com.openai.models.ResponseFormatJsonSchema.builder()
            .jsonSchema(com.openai.models.ResponseFormatJsonSchema.JsonSchema.builder()
                .name("city")
                .schema(JsonValue.from(io.vertx.core.json.Json.decodeValue(body, java.util.Map.class)))
                .build())
            .build())
        .build();

    assertThatThrownBy(() -> openAi.chat().completions().create(request))
        .isInstanceOfSatisfying(UnprocessableEntityException.class,
            e -> assertThat(e.code()).hasValue("output_invalid"));
    // One run: the first answer and the agent's own repairs, then no SDK retry.
    assertThat(f.fake.requests().stream().filter(r -> r.path().endsWith("/chat/completions")))
        .hasSize(1 + dev.agentloop.agent.AgentOptions.DEFAULT_MAX_OUTPUT_REPAIRS);
  }

  @Test
  @Timeout(20)
  void upstreamAuthFailureIs502ThatTheSdkDoesNotRetry() {
    f.fake.enqueue(MockResponse.error(401, "Invalid key"));

    assertThatThrownBy(() -> openAi.chat().completions().create(params("Hi").build()))
        .isInstanceOfSatisfying(InternalServerException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(502);
          assertThat(e.headers().values("x-should-retry")).containsExactly("false");
        });
    assertThat(f.fake.requests()).hasSize(1);
  }

  @Test
  @Timeout(20)
  void modelsRetrieveFindsTheAgentOr404() {
    assertThat(openAi.models().retrieve("weather").id()).isEqualTo("weather");
    assertThat(openAi.models().retrieve("weather").ownedBy()).isEqualTo("agentloop");

    assertThatThrownBy(() -> openAi.models().retrieve("nobody"))
        .isInstanceOfSatisfying(NotFoundException.class,
            e -> assertThat(e.code()).hasValue("model_not_found"))
        .hasMessageContaining("the model 'nobody' does not exist");
  }

  @Test
  @Timeout(20)
  void unknownV1RouteIsAnOpenAiError404() {
    assertThatThrownBy(() -> openAi.embeddings().create(EmbeddingCreateParams.builder()
            .model(EmbeddingModel.TEXT_EMBEDDING_3_SMALL).input("hi").build()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.code()).hasValue("not_found");
          assertThat(e.type()).hasValue("invalid_request_error");
        })
        .hasMessageContaining("no such route: POST /v1/embeddings");
  }

  @Test
  @Timeout(20)
  void moreThanOneChoiceIsRefusedNamingN() {
    f.fake.enqueue(MockChat.text("One answer."));
    assertThatThrownBy(() -> openAi.chat().completions().create(params("Hi").n(2).build()))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.param()).hasValue("n");
          assertThat(e.code()).hasValue("unsupported_parameter");
        })
        .hasMessageContaining("'n' must be 1: 2");
    assertThat(openAi.chat().completions().create(params("Hi").n(1).build()).choices()).hasSize(1);
  }

  @Test
  @Timeout(20)
  void numericContentIsRefusedNotCoerced() {
    ChatCompletionCreateParams request = ChatCompletionCreateParams.builder().model("weather")
        .addMessage(ChatCompletionUserMessageParam.builder().content(JsonValue.from(42)).build())
        .build();

    assertThatThrownBy(() -> openAi.chat().completions().create(request))
        .isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.param()).hasValue("messages[0].content"))
        .hasMessageContaining(
            "'messages[0].content' must be a string or a non-empty array of content parts: 42");
    assertThat(f.fake.requests()).isEmpty();
  }

  @Test
  @Timeout(20)
  void messageWithoutContentIsRefusedNamingTheField() {
    ChatCompletionCreateParams request = ChatCompletionCreateParams.builder().model("weather")
        .addMessage(ChatCompletionAssistantMessageParam.builder().build())
        .addUserMessage("And now?")
        .build();

    assertThatThrownBy(() -> openAi.chat().completions().create(request))
        .isInstanceOfSatisfying(BadRequestException.class,
            e -> assertThat(e.param()).hasValue("messages[0].content"))
        .hasMessageContaining("'messages[0].content' is required");
    assertThat(f.fake.requests()).isEmpty();
  }

  @Test
  @Timeout(20)
  void validationErrorsAreNotRetried() {
    assertThatThrownBy(() -> openAi.chat().completions().create(params("Hi").n(3).build()))
        .isInstanceOfSatisfying(OpenAIServiceException.class,
            e -> assertThat(e.headers().values("x-should-retry")).containsExactly("false"));
  }
}
