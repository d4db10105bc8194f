package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.openrouter.Plugin;
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
    AgentOptions options = fx.options().setTemperature(0.3).setTopP(0.9).setTopK(40)
        .setMinP(0.05).setTopA(0.1).setFrequencyPenalty(0.5).setPresencePenalty(-0.5)
        .setRepetitionPenalty(1.1).setSeed(42L).setStop(List.of("END", "STOP"))
        .setUser("user-7")
        .setPlugins(List.of(Plugin.of("response-healing"),
            Plugin.of("file-parser", Map.of("pdf", Map.of("engine", "native")))))
        .setMetadata(Map.of("team", "search"));

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
      assertThat(body.getInteger("max_tokens")).isEqualTo(AgentOptions.DEFAULT_MAX_TOKENS);
    }
  }

  @Test
  void unsetOptionsAreAbsent() {
    fx.fake.enqueue(MockChat.text("hi"));

    fx.agent().run("Hello").await();

    JsonObject body = fx.chatBodies().get(0);
    assertThat(body.fieldNames()).doesNotContainAnyElementsOf(REQUEST_OPTION_FIELDS);
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("model", "messages", "max_tokens",
        "tools", "session_id");
  }

  @Test
  void emptyCollectionsAndClearedValuesAreAbsent() {
    fx.fake.enqueue(MockChat.text("hi"));
    AgentOptions options = fx.options().setTopP(0.5).setTopP(null).setSeed(7L).setSeed(null)
        .setStop(List.of("x")).setStop(List.of()).setPlugins(List.of()).setMetadata(Map.of());

    fx.agent(options).run("Hello").await();

    assertThat(fx.chatBodies().get(0).fieldNames())
        .doesNotContainAnyElementsOf(REQUEST_OPTION_FIELDS);
  }

  @Test
  void copiesAreIndependentAndAgentsCopyTheirOptions() {
    AgentOptions original = new AgentOptions().setTopP(0.9).setStop(List.of("END"))
        .setPlugins(List.of(Plugin.of("response-healing"))).setMetadata(Map.of("k", "v"))
        .setUser("u").setSeed(1L).setTopK(5).setRepetitionPenalty(1.2);
    AgentOptions copy = new AgentOptions(original);
    original.setTopP(0.1).setStop(List.of()).setPlugins(List.of()).setMetadata(Map.of())
        .setUser(null).setSeed(null).setTopK(null).setRepetitionPenalty(null);

    assertThat(copy.getTopP()).isEqualTo(0.9);
    assertThat(copy.getStop()).containsExactly("END");
    assertThat(copy.getPlugins()).containsExactly(Plugin.of("response-healing"));
    assertThat(copy.getMetadata()).containsExactly(Map.entry("k", "v"));
    assertThat(copy.getUser()).isEqualTo("u");
    assertThat(copy.getSeed()).isEqualTo(1L);
    assertThat(copy.getTopK()).isEqualTo(5);
    assertThat(copy.getRepetitionPenalty()).isEqualTo(1.2);
  }

  @Test
  void outOfRangeValuesFailWithTheOffendingValue() {
    AgentOptions o = new AgentOptions();
    assertThatThrownBy(() -> o.setTopP(0.0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topP must be within (0, 1]: 0.0");
    assertThatThrownBy(() -> o.setTopK(-1)).hasMessage("topK must be >= 0: -1");
    assertThatThrownBy(() -> o.setMinP(1.5)).hasMessage("minP must be within [0, 1]: 1.5");
    assertThatThrownBy(() -> o.setTopA(-0.1)).hasMessage("topA must be within [0, 1]: -0.1");
    assertThatThrownBy(() -> o.setFrequencyPenalty(2.5))
        .hasMessage("frequencyPenalty must be within [-2, 2]: 2.5");
    assertThatThrownBy(() -> o.setPresencePenalty(-3.0))
        .hasMessage("presencePenalty must be within [-2, 2]: -3.0");
    assertThatThrownBy(() -> o.setRepetitionPenalty(0.0))
        .hasMessage("repetitionPenalty must be within (0, 2]: 0.0");
    assertThatThrownBy(() -> o.setStop(List.of("a", "b", "c", "d", "e")))
        .hasMessage("at most 4 stop sequences: 5");
    assertThatThrownBy(() -> o.setMetadata(Map.of("k".repeat(65), "v")))
        .hasMessage("metadata keys must be at most 64 characters: " + "k".repeat(65));
    assertThatThrownBy(() -> o.setMetadata(Map.of("k", "v".repeat(513))))
        .hasMessage("metadata value of k must be at most 512 characters: 513");
    assertThat(o.getTopP()).isNull();
    assertThat(o.getStop()).isEmpty();
  }
}
