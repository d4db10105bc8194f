package dev.agentloop.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.openrouter.impl.Json;
import org.junit.jupiter.api.Test;

/** The JSON forms of {@link ToolChoice} read back to the same value. */
class ToolChoiceTest {

  private static ToolChoice roundTrip(ToolChoice choice, String expectedJson) throws Exception {
    String json = Json.MAPPER.writeValueAsString(choice);
    assertThat(Json.MAPPER.readTree(json)).isEqualTo(Json.MAPPER.readTree(expectedJson));
    return Json.MAPPER.readValue(json, ToolChoice.class);
  }

  @Test
  void serverToolChoiceReadsBackAsTheServerTool() throws Exception {
    ToolChoice web = ToolChoice.serverTool("openrouter:web_search");

    ToolChoice back = roundTrip(web, "{\"type\":\"openrouter:web_search\"}");

    assertThat(back).isEqualTo(web);
    assertThat(back.serverToolType()).isEqualTo("openrouter:web_search");
    assertThat(back.functionName()).isNull();
    assertThat(back.forcesCall()).isTrue();
  }

  @Test
  void functionAndPlainChoicesStillReadBack() throws Exception {
    assertThat(roundTrip(ToolChoice.function("get_weather"),
        "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}"))
        .isEqualTo(ToolChoice.function("get_weather"));
    assertThat(roundTrip(ToolChoice.AUTO, "\"auto\"")).isEqualTo(ToolChoice.AUTO);
    assertThat(ToolChoice.AUTO.serverToolType()).isNull();
    assertThat(ToolChoice.function("f").serverToolType()).isNull();
  }

  @Test
  void aServerToolChoiceNeedsAServerToolType() {
    assertThatThrownBy(() -> ToolChoice.serverTool("auto"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a server tool type: auto");
    assertThatThrownBy(() -> Json.MAPPER.readValue("{\"type\":\"function\",\"function\":{}}",
        ToolChoice.class)).hasRootCauseMessage("a function tool choice needs a function name");
  }
}
