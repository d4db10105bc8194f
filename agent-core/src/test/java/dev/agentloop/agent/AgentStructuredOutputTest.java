package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Structured output: strict schema requests, validation, repair, binding, fallbacks. */
@ExtendWith(VertxExtension.class)
class AgentStructuredOutputTest {

  /** The typed answer of the tests. */
  public record Trip(String city, int days, List<String> sights, Season season) {}

  /** A nested enum. */
  public enum Season { SPRING, SUMMER, AUTUMN, WINTER }

  private static final String VALID =
      "{\"city\":\"Lyon\",\"days\":2,\"sights\":[\"Fourviere\"],\"season\":\"SPRING\"}";

  private AgentFixture fx;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = AgentFixture.start(vertx);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  @Timeout(10)
  void typedOutputIsRequestedStrictAndRepairedAfterOneInvalidAnswer() {
    fx.fake.enqueue(MockChat.text("{\"city\":\"Lyon\",\"days\":\"two\"}").usage(10, 5, 0.001));
    fx.fake.enqueue(MockChat.text("```json\n" + VALID + "\n```").usage(20, 5, 0.002));

    AgentResult result = fx.agent().run("Plan two days in Lyon", Trip.class).await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.output(Trip.class)).isEqualTo(new Trip("Lyon", 2, List.of("Fourviere"), Season.SPRING));
    List<JsonObject> sent = fx.chatBodies();
    JsonObject format = sent.get(0).getJsonObject("response_format");
    assertThat(format.getString("type")).isEqualTo("json_schema");
    assertThat(format.getJsonObject("json_schema").getBoolean("strict")).isTrue();
    assertThat(format.getJsonObject("json_schema").getJsonObject("schema").getBoolean("additionalProperties")).isFalse();
    JsonArray repair = sent.get(1).getJsonArray("messages");
    JsonObject ask = repair.getJsonObject(repair.size() - 1);
    assertThat(ask.getString("role")).isEqualTo("user");
    assertThat(ask.getString("content")).contains("days");
    assertThat(result.usage().cost()).isEqualByComparingTo("0.003");
    assertThat(result.steps()).extracting(Step::kind).containsExactly(Step.Kind.ITERATION, Step.Kind.OUTPUT_REPAIR);
  }

  @Test
  @Timeout(10)
  void persistentlyInvalidAnswerFailsWithTheErrors() {
    for (int i = 0; i < 3; i++) {
      fx.fake.enqueue(MockChat.text("{\"city\":\"Lyon\"}"));
    }

    AgentRunException e = AgentFixture.failure(fx.agent().run("Plan", Trip.class));

    assertThat(e.stopReason()).isEqualTo(StopReason.OUTPUT_INVALID);
    assertThat(e.result().text()).isEqualTo("{\"city\":\"Lyon\"}");
    assertThat(e.result().outputErrors()).isNotEmpty();
    assertThat(e.getMessage()).contains("days");
    assertThat(e.result().steps()).hasSize(3);
  }

  @Test
  @Timeout(10)
  void explicitSchemaGivesJson() throws Exception {
    JsonNode schema = new ObjectMapper().readTree("{\"type\":\"object\",\"properties\":{\"answer\":"
        + "{\"type\":\"integer\"}},\"required\":[\"answer\"],\"additionalProperties\":false}");
    fx.fake.enqueue(MockChat.text("{\"answer\":42}"));

    AgentResult result = fx.agent().run(RunRequest.builder("6*7").outputSchema(schema).build()).await();

    assertThat(result.output().get("answer").asInt()).isEqualTo(42);
  }

  @Test
  @Timeout(10)
  void listOutputIsWrappedForStrictMode() {
    fx.fake.enqueue(MockChat.text("{\"value\":[\"SPRING\",\"WINTER\"]}"));

    AgentResult result = fx.agent().run("Seasons?", new com.fasterxml.jackson.core.type.TypeReference<List<Season>>() {}.getType()).await();

    assertThat(result.value()).isEqualTo(List.of(Season.SPRING, Season.WINTER));
  }

  @Test
  @Timeout(10)
  void structuredOutputAfterToolRoundsInAStreamingRun() {
    fx.fake.enqueue(MockChat.streamToolCalls(3, MockChat.ToolCall.of("weather", "{\"city\":\"Lyon\"}")));
    fx.fake.enqueue(MockChat.streamText(VALID, 4));

    AgentResult result = fx.agent().stream(RunRequest.builder("Plan").output(Trip.class).build()).result().await();

    assertThat(result.output(Trip.class).city()).isEqualTo("Lyon");
    assertThat(fx.tools.calls).containsExactly("weather(Lyon)");
  }

  @Test
  @Timeout(10)
  void modelWithoutStructuredOutputsFallsBackToJsonObject() {
    fx.fake.models(new JsonArray().add(new JsonObject().put("id", "old/model").put("name", "Old")
        .put("supported_parameters", new JsonArray().add("response_format").add("tools"))));
    fx.fake.enqueue(MockChat.text(VALID));
    Agent agent = fx.agent(fx.options().setModel("old/model").setInstructions("Plan trips."));

    AgentResult result = agent.run("Plan", Trip.class).await();

    assertThat(result.output(Trip.class).days()).isEqualTo(2);
    JsonObject body = fx.chatBodies().get(0);
    assertThat(body.getJsonObject("response_format").getString("type")).isEqualTo("json_object");
    String system = body.getJsonArray("messages").getJsonObject(0).getString("content");
    assertThat(system).startsWith("Plan trips.").contains("\"sights\"");
  }
}
