package dev.agentloop.examples;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import dev.agentloop.tool.Toolbox;
import dev.agentloop.tools.calc.Calculator;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Word problems: the model turns the question into an expression and lets the calculator work. */
public final class MathExample implements Example {

  private static final Pattern EXPRESSION =
      Pattern.compile("[-(]*\\d[\\d.]*(?:\\s*[-+*/^%]\\s*[(]*\\s*\\d[\\d.]*[)]*)+");

  /** Runs {@code agentloop run math <prompt>}. */
  public static void main(String[] args) {
    Main.main(Examples.argsFor("math", args));
  }

  @Override
  public String name() {
    return "math";
  }

  @Override
  public String description() {
    return "word problems solved with the calculator tool";
  }

  @Override
  public AgentOptions agent(ExampleContext context) {
    return new AgentOptions()
        .setInstructions(
            "You solve word problems. Write the arithmetic as one expression and"
                + " evaluate it with the calculate tool; never compute in your head. Answer briefly.")
        .setToolbox(Toolbox.builder().add(new Calculator()).build());
  }

  @Override
  public MockResponse simulate(RecordedRequest request) {
    List<JsonObject> results = ScriptedModel.toolResults(request);
    if (!results.isEmpty()) {
      JsonObject last = results.get(results.size() - 1);
      String value = ScriptedModel.text(last);
      return ScriptedModel.answer(
          request,
          value.matches("-?[\\d.E+]+")
              ? "The answer is " + value + "."
              : "I could not calculate that: " + value);
    }
    String expression = expression(ScriptedModel.userText(request));
    if (expression == null) {
      return ScriptedModel.answer(
          request,
          "Please give me numbers to work with, e.g." + " \"What is 12 apples times 3 baskets?\"");
    }
    return ScriptedModel.call(
        request,
        MockChat.ToolCall.of("calculate", new JsonObject().put("expression", expression).encode()));
  }

  /** Turns words into operators and returns the longest arithmetic expression, or null. */
  static @Nullable String expression(String prompt) {
    String s =
        prompt
            .toLowerCase(Locale.ROOT)
            .replaceAll("(\\d),(\\d{3})", "$1$2")
            .replaceAll("\\b(times|multiplied by|x)\\b", "*")
            .replaceAll("\\b(plus|and|added to)\\b", "+")
            .replaceAll("\\b(minus|less)\\b", "-")
            .replaceAll("\\b(divided by|over|per)\\b", "/")
            .replaceAll("\\bto the power of\\b", "^")
            .replaceAll("[a-z$€£?!:;]+", " ");
    Matcher m = EXPRESSION.matcher(s);
    String best = null;
    while (m.find()) {
      if (best == null || m.group().length() > best.length()) {
        best = m.group();
      }
    }
    return best == null ? null : best.replaceAll("\\s+", " ").replaceAll("\\.+$", "").strip();
  }
}
