package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.Plugin;
import dev.agentloop.openrouter.ToolChoice;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The request options of {@link AgentOptions} reach every request of a run, exactly. */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class AgentRequestOptionsTest {

  static final List<String> REQUEST_OPTION_FIELDS = List.of("temperature", "top_p", "top_k",
      "min_p", "top_a", "frequency_penalty", "presence_penalty", "repetition_penalty", "seed",
      "stop", "user", "plugins", "metadata", "models", "provider", "reasoning");

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
  void everyRequestCarriesEachOptionExactly() {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":2}"));
    fx.fake.enqueue(MockChat.text("3"));
    AgentOptions options = fx.options().setParameters(fx.options().getParameters().toBuilder()
        .temperature(0.3).topP(0.9).topK(40)
        .minP(0.05).topA(0.1).frequencyPenalty(0.5).presencePenalty(-0.5)
        .repetitionPenalty(1.1).seed(42L).stop(List.of("END", "STOP"))
        .user("user-7").maxTokens(512)
        .plugins(List.of(Plugin.of("response-healing"),
            Plugin.of("file-parser", Map.of("pdf", Map.of("engine", "native")))))
        .metadata(Map.of("team", "search")).build());

    AgentResult result = fx.agent(options).run("Add 1 and 2").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    List<JsonObject> sent = fx.chatBodies();
    assertThat(sent).hasSize(2);
    for (JsonObject body : sent) {
      assertThat(body.getValue("temperature")).isEqualTo(0.3);
      assertThat(body.getValue("top_p")).isEqualTo(0.9);
      assertThat(body.getValue("top_k")).isEqualTo(40);
      assertThat(body.getValue("min_p")).isEqualTo(0.05);
      assertThat(body.getValue("top_a")).isEqualTo(0.1);
      assertThat(body.getValue("frequency_penalty")).isEqualTo(0.5);
      assertThat(body.getValue("presence_penalty")).isEqualTo(-0.5);
      assertThat(body.getValue("repetition_penalty")).isEqualTo(1.1);
      assertThat(body.getValue("seed")).isEqualTo(42);
      assertThat(body.getValue("stop")).isEqualTo(new JsonArray().add("END").add("STOP"));
      assertThat(body.getValue("user")).isEqualTo("user-7");
      assertThat(body.getValue("plugins")).isEqualTo(new JsonArray()
          .add(new JsonObject().put("id", "response-healing"))
          .add(new JsonObject().put("id", "file-parser")
              .put("pdf", new JsonObject().put("engine", "native"))));
      assertThat(body.getValue("metadata")).isEqualTo(new JsonObject().put("team", "search"));
      assertThat(body.getInteger("max_tokens")).isEqualTo(512);
    }
  }

  @Test
  void unsetOptionsAreAbsent() {
    fx.fake.enqueue(MockChat.text("hi"));

    fx.agent().run("Hello").await();

    JsonObject body = fx.chatBodies().get(0);
    // The run has tools, so it asks for providers that support them (AgentRequireParametersTest).
    assertThat(body.remove("provider")).isEqualTo(new JsonObject().put("require_parameters", true));
    assertThat(body.fieldNames()).doesNotContainAnyElementsOf(REQUEST_OPTION_FIELDS);
    // No max_tokens unless the user sets one: a forced default would cap every answer.
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("model", "messages", "tools",
        "session_id");
  }

  @Test
  void emptyCollectionsAndClearedValuesAreAbsent() {
    fx.fake.enqueue(MockChat.text("hi"));
    ChatParameters cleared = ChatParameters.builder().model(AgentFixture.MODEL).topP(0.5).topP(null)
        .seed(7L).seed(null).stop(List.of("x")).stop(List.of()).plugins(List.of())
        .metadata(Map.of()).build();

    fx.agent(fx.options().setParameters(cleared)).run("Hello").await();

    JsonObject body = fx.chatBodies().get(0);
    assertThat(body.remove("provider")).isEqualTo(new JsonObject().put("require_parameters", true));
    assertThat(body.fieldNames()).doesNotContainAnyElementsOf(REQUEST_OPTION_FIELDS);
  }

  @Test
  void runParametersOverrideTheAgentsFieldByField() {
    fx.fake.enqueue(MockChat.text("one"));
    fx.fake.enqueue(MockChat.text("two"));
    Agent agent = fx.agent(fx.options().setParameters(fx.options().getParameters().toBuilder()
        .temperature(0.3).seed(1L).stop(List.of("END")).maxTokens(100).build()));

    agent.run(RunRequest.builder("first").parameters(ChatParameters.builder()
        .temperature(1.5).maxTokens(2000).model("anthropic/claude-sonnet-4.5").build()).build())
        .await();
    agent.run("second").await();

    JsonObject first = fx.chatBodies().get(0);
    assertThat(first.getValue("model")).isEqualTo("anthropic/claude-sonnet-4.5");
    assertThat(first.getValue("temperature")).isEqualTo(1.5);
    assertThat(first.getValue("max_tokens")).isEqualTo(2000);
    assertThat(first.getValue("seed")).isEqualTo(1);
    assertThat(first.getValue("stop")).isEqualTo(new JsonArray().add("END"));
    JsonObject second = fx.chatBodies().get(1);
    assertThat(second.getValue("model")).isEqualTo(AgentFixture.MODEL);
    assertThat(second.getValue("temperature")).isEqualTo(0.3);
    assertThat(second.getValue("max_tokens")).isEqualTo(100);
  }

  @Test
  void sessionIdComesFromTheRunThenTheParametersThenIsGenerated() {
    fx.fake.enqueue(MockChat.text("a"));
    fx.fake.enqueue(MockChat.text("b"));
    fx.fake.enqueue(MockChat.text("c"));
    Agent agent = fx.agent(fx.options().setParameters(
        fx.options().getParameters().toBuilder().sessionId("agent-session").build()));
    Agent plain = fx.agent();

    agent.run(RunRequest.builder("x").sessionId("run-session").build()).await();
    agent.run("y").await();
    AgentResult generated = plain.run("z").await();

    assertThat(fx.chatBodies()).extracting(b -> b.getString("session_id"))
        .containsExactly("run-session", "agent-session", generated.sessionId());
    assertThat(generated.sessionId()).startsWith("run-");
  }

  @Test
  void toolParametersAreLeftOutWithoutTools() {
    fx.fake.enqueue(MockChat.text("hi"));
    AgentOptions options = new AgentOptions().setParameters(ChatParameters.builder()
        .model(AgentFixture.MODEL).toolChoice(ToolChoice.REQUIRED).parallelToolCalls(false)
        .build());

    fx.agent(options).run("Hello").await();

    assertThat(fx.chatBodies().get(0).fieldNames())
        .containsExactlyInAnyOrder("model", "messages", "session_id");
  }

  @Test
  void copiesAreIndependentAndSetModelKeepsTheOtherParameters() {
    AgentOptions original = new AgentOptions().setParameters(ChatParameters.builder()
        .topP(0.9).stop(List.of("END")).build());
    AgentOptions copy = new AgentOptions(original);
    original.setParameters(ChatParameters.EMPTY);
    copy.setModel("m");

    assertThat(original.getParameters()).isEqualTo(ChatParameters.EMPTY);
    assertThat(copy.getParameters()).isEqualTo(ChatParameters.builder().model("m").topP(0.9)
        .stop(List.of("END")).build());
    assertThat(copy.getModel()).isEqualTo("m");
  }
}
