package dev.agentloop.openrouter.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodedToolsTest {

  private static final ObjectMapper PLAIN = Json.MAPPER.copy();

  private static List<ToolDefinition> tools(String name) {
    return List.of(
        ToolDefinition.function(
            name,
            "Current weather for a city",
            dev.agentloop.internal.Json.parse(
                "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
                    + "\"required\":[\"city\"],\"additionalProperties\":false}"),
            true),
        ToolDefinition.function("time", null, null, null));
  }

  private static ChatRequest request(List<ToolDefinition> tools) {
    return ChatRequest.builder()
        .model("m")
        .messages(List.of(Message.user("hi")))
        .tools(tools)
        .build();
  }

  private static String encode(Object value) {
    return Json.encode(value).toString(StandardCharsets.UTF_8);
  }

  @Test
  void theCachedToolsAreTheSameTextAsAPlainMapperWrites() throws Exception {
    List<ToolDefinition> tools = tools("weather");
    String expected = PLAIN.writeValueAsString(request(tools));

    assertThat(encode(request(tools))).isEqualTo(expected);
    assertThat(encode(request(tools))).isEqualTo(expected); // second time from the cache
    assertThat(expected).contains("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":");
  }

  @Test
  void anotherToolListOnTheSameThreadIsEncodedAfresh() throws Exception {
    List<ToolDefinition> first = tools("weather");
    List<ToolDefinition> second = tools("forecast");

    assertThat(encode(request(first))).contains("\"weather\"");
    String body = encode(request(second));

    assertThat(body).contains("\"forecast\"").doesNotContain("\"weather\"");
    assertThat(body).isEqualTo(PLAIN.writeValueAsString(request(second)));
    assertThat(encode(request(first))).contains("\"weather\"").doesNotContain("\"forecast\"");
  }

  @Test
  void aCopyOfTheListWithTheSameDefinitionsIsServedFromTheCache() throws Exception {
    List<ToolDefinition> tools = tools("weather");
    String first = encode(request(tools));

    // A request copies a list that allows nulls (Stream.toList), so the list differs each time.
    List<ToolDefinition> copy = tools.stream().toList();
    String again = encode(request(copy));

    assertThat(again).isEqualTo(first);
    assertThat(request(copy).tools()).isNotSameAs(copy);
    assertThat(EncodedTools.cached(request(copy).tools())).isTrue();
    assertThat(EncodedTools.cached(request(tools("weather")).tools())).isFalse();
  }

  @Test
  void aPrettyPrintedRequestIsWrittenTheOrdinaryWay() throws Exception {
    List<ToolDefinition> tools = tools("weather");
    encode(request(tools));

    String pretty = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(request(tools));

    assertThat(pretty)
        .isEqualTo(PLAIN.writerWithDefaultPrettyPrinter().writeValueAsString(request(tools)));
  }
}
