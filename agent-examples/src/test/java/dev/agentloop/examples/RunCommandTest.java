package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code agentloop run} against FakeOpenRouter over real HTTP: output, JSON and exit codes. */
@ExtendWith(VertxExtension.class)
class RunCommandTest {

  private FakeOpenRouter fake;

  @BeforeEach
  void setUp(Vertx vertx) {
    fake = FakeOpenRouter.start(vertx).await();
  }

  @AfterEach
  void tearDown() {
    fake.close().await();
  }

  @Test
  void streamsTheAnswerAndReportsToolCallsOnStderr() {
    fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Oslo\"}").usage(0, 0, 0));
    fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Tokyo\"}").usage(100, 10, 0.001));
    fake.enqueue(MockChat.text("Tokyo is rainy, 18 °C.").pieces(4).usage(200, 20, 0.002));

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "weather", "Weather in Oslo?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("Tokyo is rainy, 18 °C.\n");
    assertThat(o.err()).doesNotContain("offline")
        .containsPattern("→ weather \\{\"city\":\"Oslo\"}  ✗ \\d+ ms: .*no weather data for Oslo")
        .containsPattern("→ weather \\{\"city\":\"Tokyo\"}  ✓ \\d+ ms")
        .endsWith("done: 3 steps, 2 tool calls, 330 tokens (300 in, 30 out), $0.003000,"
            + " openai/gpt-4o-mini\n");
    RecordedRequest first = chats().get(0);
    assertThat(first.isStream()).isTrue();
    assertThat(first.header("Authorization")).isNotNull();
    assertThat(first.tools()).extracting(t -> ((JsonObject) t).getJsonObject("function")
        .getString("name")).contains("weather", "current_time");
  }

  @Test
  void sendsModelFallbacksAndCapFromTheOptions() {
    fake.enqueue(MockChat.text("4"));

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "--no-stream", "--model",
        "anthropic/claude-sonnet-4.5", "--fallback", "a/b,c/d", "math", "2 plus 2");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("4\n");
    JsonObject body = chats().get(0).body();
    assertThat(body.getString("model")).isEqualTo("anthropic/claude-sonnet-4.5");
    assertThat(body.getJsonArray("models")).containsExactly("a/b", "c/d");
    assertThat(body.containsKey("stream") && body.getBoolean("stream")).isFalse();
  }

  @Test
  void jsonPrintsOneDocumentWithTextStepsUsageAndModel() {
    fake.enqueue(MockChat.toolCall("calculate", "{\"expression\":\"6*7\"}").usage(50, 5, 0.0001));
    fake.enqueue(MockChat.text("The answer is 42.").model("openai/gpt-4o-mini-2024-07-18")
        .usage(60, 6, 0.0002));

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "--json", "math", "6 times 7?");

    assertThat(o.exit()).as(o.toString()).isZero();
    JsonObject doc = new JsonObject(o.out());
    assertThat(doc.getString("model")).isEqualTo("openai/gpt-4o-mini-2024-07-18");
    assertThat(doc.getString("stop_reason")).isEqualTo("COMPLETED");
    assertThat(doc.getString("text")).isEqualTo("The answer is 42.");
    assertThat(doc.getValue("output")).isNull();
    assertThat(doc.getInteger("exit_code")).isZero();
    JsonObject usage = doc.getJsonObject("usage");
    assertThat(usage.getInteger("prompt_tokens")).isEqualTo(110);
    assertThat(usage.getInteger("completion_tokens")).isEqualTo(11);
    assertThat(usage.getInteger("total_tokens")).isEqualTo(121);
    assertThat(usage.getDouble("cost")).isEqualTo(0.0003, org.assertj.core.data.Offset.offset(1e-12));
    JsonArray steps = doc.getJsonArray("steps");
    assertThat(steps).hasSize(2);
    JsonObject call = steps.getJsonObject(0).getJsonArray("tool_calls").getJsonObject(0);
    assertThat(call.getString("name")).isEqualTo("calculate");
    assertThat(call.getString("arguments")).isEqualTo("{\"expression\":\"6*7\"}");
    assertThat(call.getString("result")).isEqualTo("42");
    assertThat(call.getValue("error")).isNull();
    assertThat(call.getLong("duration_ms")).isNotNegative();
    assertThat(steps.getJsonObject(0).getString("finish_reason")).isEqualTo("tool_calls");
    assertThat(steps.getJsonObject(1).getJsonArray("tool_calls")).isEmpty();
    assertThat(steps.getJsonObject(1).getJsonObject("usage").getInteger("prompt_tokens"))
        .isEqualTo(60);
    assertThat(o.err()).contains("→ calculate");
  }

  @Test
  void jsonOfStructuredOutputHasTheRecord() {
    fake.enqueue(MockChat.text("{\"name\":\"Grace Hopper\",\"email\":null,\"phone\":null,"
        + "\"company\":\"US Navy\"}"));

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "--json", "extract",
        "Grace Hopper, US Navy");

    assertThat(o.exit()).as(o.toString()).isZero();
    JsonObject output = new JsonObject(o.out()).getJsonObject("output");
    assertThat(output.getString("name")).isEqualTo("Grace Hopper");
    assertThat(output.getString("company")).isEqualTo("US Navy");
    assertThat(output.getValue("email")).isNull();
    assertThat(output.getValue("phone")).isNull();
    assertThat(chats().get(0).body().getJsonObject("response_format")).isNotNull();
  }

  @Test
  void invalidStructuredOutputIsRepairedThenStopsWithExitFour() {
    fake.dispatcher(r -> MockChat.text("{\"name\":\"Ada\",\"email\":\"not an email\","
        + "\"phone\":null,\"company\":null}").toResponse());

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "--json", "extract", "Ada");

    assertThat(o.exit()).as(o.toString()).isEqualTo(ExitCodes.STOPPED);
    JsonObject doc = new JsonObject(o.out());
    assertThat(doc.getString("stop_reason")).isEqualTo("OUTPUT_INVALID");
    assertThat(doc.getJsonArray("output_errors").getString(0)).contains("/email");
    assertThat(chats()).hasSize(3);
  }

  @Test
  void outOfCreditsExitsThreeAndSaysWhatToDo() {
    fake.enqueue(MockResponse.error(402, "Insufficient credits"));

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "weather", "Weather in Paris?");

    assertThat(o.exit()).as(o.toString()).isEqualTo(ExitCodes.API);
    assertThat(o.out()).isEmpty();
    assertThat(o.err()).contains("error: ").contains("402")
        .contains("the account is out of credits: add credits at"
            + " https://openrouter.ai/settings/credits");
    assertThat(chats()).hasSize(1);
  }

  @Test
  void outOfCreditsWithJsonReportsTheErrorKind() {
    fake.enqueue(MockResponse.error(402, "Insufficient credits"));

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "--json", "math", "1 plus 1");

    assertThat(o.exit()).isEqualTo(ExitCodes.API);
    JsonObject doc = new JsonObject(o.out());
    assertThat(doc.getString("stop_reason")).isEqualTo("API_ERROR");
    assertThat(doc.getInteger("exit_code")).isEqualTo(3);
    assertThat(doc.getJsonObject("error").getString("kind")).isEqualTo("INSUFFICIENT_CREDITS");
    assertThat(doc.getJsonObject("error").getInteger("status")).isEqualTo(402);
  }

  @Test
  void badKeyExitsThreeAndPointsAtTheVariable() {
    fake.enqueue(MockResponse.error(401, "User not found."));

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "math", "1 plus 1");

    assertThat(o.exit()).isEqualTo(ExitCodes.API);
    assertThat(o.err()).contains("check OPENROUTER_API_KEY");
  }

  @Test
  void unreachableServerExitsThree() {
    CliRunner.Output o = CliRunner.online("http://127.0.0.1:1/api/v1", "run", "math", "1 plus 1");

    assertThat(o.exit()).as(o.toString()).isEqualTo(ExitCodes.API);
    assertThat(o.err()).contains("check your network connection and --base-url");
  }

  @Test
  void modelThatNeverStopsHitsTheIterationCapAndExitsFour() {
    fake.dispatcher(r -> MockChat.toolCall("calculate", "{\"expression\":\"1+"
        + r.sequenceNumber() + "\"}").toResponse());

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "--max-iterations", "3",
        "math", "Count forever");

    assertThat(o.exit()).as(o.toString()).isEqualTo(ExitCodes.STOPPED);
    assertThat(o.err()).contains("stopped: the iteration cap was reached before the model"
        + " answered; raise --max-iterations").contains("stopped (MAX_ITERATIONS): 3 steps");
    assertThat(chats()).hasSize(3);
  }

  @Test
  void modelThatNeverStopsWithJsonReportsTheStop() {
    fake.dispatcher(r -> MockChat.toolCall("calculate", "{\"expression\":\"2+"
        + r.sequenceNumber() + "\"}").toResponse());

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "--json", "--max-iterations",
        "2", "math", "Count forever");

    assertThat(o.exit()).isEqualTo(ExitCodes.STOPPED);
    JsonObject doc = new JsonObject(o.out());
    assertThat(doc.getString("stop_reason")).isEqualTo("MAX_ITERATIONS");
    assertThat(doc.getJsonArray("steps")).hasSize(2);
    assertThat(doc.getValue("text")).isNull();
  }

  @Test
  void slowModelHitsTheTimeoutAndExitsFour() {
    fake.enqueue(MockChat.text("late").toResponse().newBuilder()
        .headersDelay(Duration.ofSeconds(4)).build());

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "--timeout", "1", "math", "1+1");

    assertThat(o.exit()).as(o.toString()).isEqualTo(ExitCodes.STOPPED);
    assertThat(o.err()).contains("the run took longer than --timeout");
  }

  @Test
  void compareAsksModelsConcurrentlyAndReportsAFailingOne() {
    fake.dispatcher(r -> "bad/model".equals(r.model())
        ? MockResponse.error(404, "No endpoints found for bad/model")
        : MockChat.text("Blue light scatters more.").model(r.model()).usage(10, 5, 0.00001)
            .toResponse());

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "--models",
        "openai/gpt-4o-mini,bad/model", "compare", "Why is the sky blue?");

    assertThat(o.exit()).as(o.toString()).isEqualTo(ExitCodes.API);
    assertThat(o.out()).contains("## openai/gpt-4o-mini\nBlue light scatters more.\n")
        .containsPattern("openai/gpt-4o-mini +25 +\\d+ ms +10/5 +\\$0\\.000010\n")
        .containsPattern("bad/model +error: 404 .*\n");
  }

  @Test
  void baseUrlWithoutKeyIsOnline() {
    fake.enqueue(MockChat.text("hello from a local server"));

    CliRunner.Output o = CliRunner.run(Map.of(), "", "run", "math", "--base-url", fake.baseUrl(),
        "hi 1+1");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("hello from a local server\n");
    assertThat(o.err()).doesNotContain("offline");
  }

  @Test
  void promptDashReadsStdin() {
    fake.enqueue(MockChat.text("ok"));

    CliRunner.Output o = CliRunner.run(Map.of("OPENROUTER_API_KEY", "k",
        "OPENROUTER_BASE_URL", fake.baseUrl()), "What is 3 plus 4?\n", "run", "math", "-");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(chats().get(0).messages().getJsonObject(1).getString("content"))
        .isEqualTo("What is 3 plus 4?");
  }

  /** The chat requests received, in order (the agent may also ask for {@code /models}). */
  private List<RecordedRequest> chats() {
    return fake.requests().stream()
        .filter(r -> r.path().endsWith(FakeOpenRouter.CHAT_PATH)).toList();
  }
}
