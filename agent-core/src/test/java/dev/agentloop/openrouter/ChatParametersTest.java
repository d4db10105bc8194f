package dev.agentloop.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.impl.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ChatParameters}: the one place request parameters are validated, merged and written. */
class ChatParametersTest {

  private static ChatParameters.Builder b() {
    return ChatParameters.builder();
  }

  @Test
  void outOfRangeValuesFailWithTheOffendingValue() {
    assertThatThrownBy(() -> b().topP(0.0).build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topP must be within (0, 1]: 0.0");
    assertThatThrownBy(() -> b().temperature(2.5).build())
        .hasMessage("temperature must be within [0, 2]: 2.5");
    assertThatThrownBy(() -> b().topK(-1).build()).hasMessage("topK must be >= 0: -1");
    assertThatThrownBy(() -> b().minP(1.5).build()).hasMessage("minP must be within [0, 1]: 1.5");
    assertThatThrownBy(() -> b().topA(-0.1).build()).hasMessage("topA must be within [0, 1]: -0.1");
    assertThatThrownBy(() -> b().frequencyPenalty(2.5).build())
        .hasMessage("frequencyPenalty must be within [-2, 2]: 2.5");
    assertThatThrownBy(() -> b().presencePenalty(-3.0).build())
        .hasMessage("presencePenalty must be within [-2, 2]: -3.0");
    assertThatThrownBy(() -> b().repetitionPenalty(0.0).build())
        .hasMessage("repetitionPenalty must be within (0, 2]: 0.0");
    assertThatThrownBy(() -> b().maxTokens(0).build()).hasMessage("maxTokens must be > 0: 0");
    assertThatThrownBy(() -> b().maxCompletionTokens(-5).build())
        .hasMessage("maxCompletionTokens must be > 0: -5");
    assertThatThrownBy(() -> b().topLogprobs(21).build())
        .hasMessage("topLogprobs must be within [0, 20]: 21");
    assertThatThrownBy(() -> b().stop(List.of("a", "b", "c", "d", "e")).build())
        .hasMessage("stop sequences must be at most 4: 5");
    assertThatThrownBy(() -> b().models(List.of("a", "b", "c", "d")).build())
        .hasMessage("fallback models must be at most 3: 4");
    assertThatThrownBy(() -> b().sessionId("s".repeat(257)).build())
        .hasMessage("sessionId must be at most 256 characters: 257");
    assertThatThrownBy(() -> b().metadata(Map.of("k".repeat(65), "v")).build())
        .hasMessage("metadata key length must be at most 64: " + "k".repeat(65));
    assertThatThrownBy(() -> b().metadata(Map.of("k", "v".repeat(513))).build())
        .hasMessage("metadata value length of k must be at most 512: 513");
  }

  @Test
  void limitsThemselvesAreAccepted() {
    ChatParameters p = b().temperature(2.0).topP(1.0).topK(0).minP(1.0).topA(0.0)
        .frequencyPenalty(-2.0).presencePenalty(2.0).repetitionPenalty(2.0).topLogprobs(20)
        .stop(List.of("a", "b", "c", "d")).models(List.of("a", "b", "c"))
        .sessionId("s".repeat(256)).build();

    assertThat(p.stop()).hasSize(ChatParameters.MAX_STOP);
    assertThat(p.models()).hasSize(ChatParameters.MAX_FALLBACK_MODELS);
  }

  @Test
  void everyTypeThatTakesASessionIdUsesTheSameCheck() {
    assertThatThrownBy(() -> dev.agentloop.agent.RunRequest.builder("hi")
        .sessionId("s".repeat(257)).build())
        .hasMessage("sessionId must be at most 256 characters: 257");
    assertThatThrownBy(() -> ChatRequest.builder().addMessage(Message.user("hi"))
        .models(List.of("a", "b", "c", "d")).build())
        .hasMessage("fallback models must be at most 3: 4");
  }

  @Test
  void emptyCollectionsAreUnset() {
    ChatParameters p = b().stop(List.of()).models(List.of()).plugins(List.of())
        .metadata(Map.of()).logitBias(Map.of()).build();

    assertThat(p).isEqualTo(ChatParameters.EMPTY);
  }

  @Test
  void overrideWithReplacesOnlyTheFieldsTheOverrideSets() {
    ChatParameters defaults = b().model("a").temperature(0.2).stop(List.of("END"))
        .metadata(Map.of("team", "x")).build();
    ChatParameters overrides = b().temperature(1.0).metadata(Map.of("run", "7")).build();

    assertThat(defaults.overrideWith(overrides)).isEqualTo(b().model("a").temperature(1.0)
        .stop(List.of("END")).metadata(Map.of("run", "7")).build());
    assertThat(defaults.overrideWith(null)).isSameAs(defaults);
    assertThat(defaults.overrideWith(ChatParameters.EMPTY)).isSameAs(defaults);
    assertThat(ChatParameters.EMPTY.overrideWith(defaults)).isEqualTo(defaults);
  }

  @Test
  void parametersAreWrittenAtTheTopLevelOfTheRequest() throws Exception {
    ChatRequest request = ChatRequest.builder().model("m").temperature(0.5).maxTokens(10)
        .toolChoice(ToolChoice.NONE).sessionId("s").addMessage(Message.user("hi"))
        .extra("transforms", List.of("middle-out")).build();

    JsonNode body = Json.MAPPER.readTree(Json.encode(request).getBytes());

    assertThat(body.toString()).isEqualTo("{\"model\":\"m\",\"max_tokens\":10,\"temperature\":0.5,"
        + "\"tool_choice\":\"none\",\"session_id\":\"s\",\"messages\":[{\"role\":\"user\","
        + "\"content\":\"hi\"}],\"transforms\":[\"middle-out\"]}");
    assertThat(request.toBuilder().build()).isEqualTo(request);
  }

  @Test
  void parametersReadFromSnakeCaseJson() throws Exception {
    ChatParameters p = Json.MAPPER.readValue("{\"model\":\"m\",\"max_tokens\":10,\"top_p\":0.5,"
        + "\"stop\":[\"END\"],\"seed\":3,\"unknown\":1}", ChatParameters.class);

    assertThat(p).isEqualTo(b().model("m").maxTokens(10).topP(0.5).stop(List.of("END")).seed(3L)
        .build());
  }
}
