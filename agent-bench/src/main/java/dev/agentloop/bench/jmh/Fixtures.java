package dev.agentloop.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.ToolDefinition;
import java.util.ArrayList;
import java.util.List;

/** Shared inputs of the microbenchmarks, built the same way for every run. */
final class Fixtures {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  /** The weather tool's parameter schema, as a schema generator would write it. */
  static JsonNode weatherSchema() {
    try {
      return MAPPER.readTree(
          "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\","
              + "\"description\":\"City name, e.g. Paris\"},\"unit\":{\"type\":\"string\","
              + "\"enum\":[\"celsius\",\"fahrenheit\"]}},\"required\":[\"city\",\"unit\"],"
              + "\"additionalProperties\":false}");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A step's request after {@code messages} messages of history: system, user, then pairs of
   * assistant tool call and tool result, closed by a user turn when the count is even.
   */
  static ChatRequest request(int messages) {
    List<Message> history = new ArrayList<>(messages);
    history.add(Message.system("You are a weather assistant. Answer briefly and cite the tool."));
    history.add(Message.user("What is the weather in Paris, Lyon and Marseille this week?"));
    int call = 0;
    while (history.size() + 2 <= messages) {
      call++;
      String id = "call_" + call;
      history.add(
          Message.assistant(
              null,
              List.of(ToolCall.of(id, "weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}"))));
      history.add(
          Message.tool(
              id,
              "{\"city\":\"Paris\",\"temperature\":21.5,\"conditions\":\"sunny\",\"day\":"
                  + call
                  + "}"));
    }
    if (history.size() < messages) {
      history.add(Message.user("And tomorrow?"));
    }
    List<ToolDefinition> tools =
        List.of(
            ToolDefinition.function(
                "weather", "Current weather for a city", weatherSchema(), true));
    return ChatRequest.builder()
        .model("openai/gpt-4o-mini")
        .messages(history)
        .tools(tools)
        .parallelToolCalls(true)
        .temperature(0.2)
        .build();
  }
}
