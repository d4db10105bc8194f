package dev.agentloop.examples;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import dev.agentloop.tool.Toolbox;
import dev.agentloop.tools.time.DateTimeTools;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tool loop: the model calls the weather tool once per city, in parallel, and the date tool.
 */
public final class WeatherExample implements Example {

  /** Runs {@code agentloop run weather <prompt>}. */
  public static void main(String[] args) {
    Main.main(Examples.argsFor("weather", args));
  }

  @Override
  public String name() {
    return "weather";
  }

  @Override
  public String description() {
    return "weather in several cities: a tool loop";
  }

  @Override
  public AgentOptions agent(ExampleContext context) {
    return new AgentOptions()
        .setInstructions(
            "You report the weather. Call the weather tool once per city the user"
                + " names, then answer with one line per city. Use current_time for dates.")
        .setToolbox(Toolbox.builder().add(new WeatherTools()).add(new DateTimeTools()).build());
  }

  @Override
  public MockResponse simulate(RecordedRequest request) {
    List<JsonObject> results = ScriptedModel.toolResults(request);
    if (results.isEmpty()) {
      String prompt = ScriptedModel.userText(request).toLowerCase(Locale.ROOT);
      List<MockChat.ToolCall> calls = new ArrayList<>();
      WeatherTools.CITIES.forEach(
          (key, w) -> {
            int at = prompt.indexOf(key);
            if (at >= 0) {
              String args = new JsonObject().put("city", w.city()).encode();
              calls.add(MockChat.ToolCall.of("weather", args));
            }
          });
      calls.sort((a, b) -> Integer.compare(prompt.indexOf(city(a)), prompt.indexOf(city(b))));
      if (prompt.matches(".*\\b(today|date|day)\\b.*")) {
        calls.add(MockChat.ToolCall.of("current_time", "{}"));
      }
      return calls.isEmpty()
          ? ScriptedModel.answer(
              request,
              "Which city? I know Tokyo, Paris, London, New York," + " Sydney, Berlin and Cairo.")
          : ScriptedModel.call(request, calls.toArray(MockChat.ToolCall[]::new));
    }
    StringBuilder answer = new StringBuilder("Here is the current weather:");
    for (JsonObject result : results) {
      String content = ScriptedModel.text(result);
      answer
          .append("\n- ")
          .append(
              content.startsWith("{")
                  ? line(new JsonObject(content))
                  : content.matches("\\d{4}-.*") ? "It is " + content + "." : "Sorry: " + content);
    }
    return ScriptedModel.answer(request, answer.toString());
  }

  private static String line(JsonObject w) {
    return w.getString("city")
        + ": "
        + w.getInteger("celsius")
        + " °C, "
        + w.getString("conditions")
        + ", humidity "
        + w.getInteger("humidityPercent")
        + "%";
  }

  private static String city(MockChat.ToolCall call) {
    return new JsonObject(call.arguments()).getString("city", "~").toLowerCase(Locale.ROOT);
  }
}
