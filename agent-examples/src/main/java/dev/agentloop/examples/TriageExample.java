package dev.agentloop.examples;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.compose.AgentTool;
import dev.agentloop.agent.compose.AgentToolbox;
import dev.agentloop.agent.compose.GuardrailOptions;
import dev.agentloop.agent.compose.Handoff;
import dev.agentloop.agent.compose.HandoffOptions;
import dev.agentloop.agent.compose.Verdict;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Composition: a triage agent hands weather and maths questions to specialists, asks a research
 * agent (called as a tool) about anything else, and refuses requests for secrets with an input
 * guardrail before any model call.
 */
public final class TriageExample implements Example {

  static final String TRIAGE =
      "You are a triage agent. Hand weather questions to the weather agent and arithmetic to the"
          + " maths agent with the transfer tools; for any other question call the research tool"
          + " and answer from what it found.";
  static final String RESEARCH = "You research questions and answer with three short facts.";
  private static final Pattern SECRETS = Pattern.compile("(?i)password|api key|credit card");
  private static final Pattern WEATHER =
      Pattern.compile("(?i)weather|forecast|temperature|rain|sunny|tokyo|paris|london|cairo");

  private final WeatherExample weather = new WeatherExample();
  private final MathExample maths = new MathExample();

  /** Runs {@code agentloop run triage <prompt>}. */
  public static void main(String[] args) {
    Main.main(Examples.argsFor("triage", args));
  }

  @Override
  public String name() {
    return "triage";
  }

  @Override
  public String description() {
    return "a triage agent: handoffs to specialists, an agent as a tool, an input guardrail";
  }

  @Override
  public AgentOptions agent(ExampleContext context) {
    Agent weatherAgent =
        Agent.create(context.vertx(), context.client(), weather.agent(context).setName("weather"));
    Agent mathsAgent =
        Agent.create(context.vertx(), context.client(), maths.agent(context).setName("maths"));
    Agent research =
        Agent.create(
            context.vertx(),
            context.client(),
            new AgentOptions().setName("research").setInstructions(RESEARCH));
    return new AgentOptions()
        .setName("triage")
        .setInstructions(TRIAGE)
        .setToolbox(
            AgentToolbox.of(null, AgentTool.of("research", "Researches a question", research)))
        .setHandoffs(
            new HandoffOptions()
                .add(Handoff.to(weatherAgent, "current weather in named cities"))
                .add(Handoff.to(mathsAgent, "arithmetic and word problems"))
                .setFilter(HandoffOptions.withoutTransfers()))
        .setGuardrails(
            new GuardrailOptions()
                .addInput(
                    "no-secrets",
                    (ctx, input) ->
                        Future.succeededFuture(
                            SECRETS.matcher(input.text() == null ? "" : input.text()).find()
                                ? Verdict.trip("requests for secrets are refused")
                                : Verdict.pass())));
  }

  @Override
  public MockResponse simulate(RecordedRequest request) {
    String system = system(request);
    if (system.startsWith("You report the weather")) {
      return weather.simulate(request);
    }
    if (system.startsWith("You solve word problems")) {
      return maths.simulate(request);
    }
    String question = ScriptedModel.userText(request);
    if (system.equals(RESEARCH)) {
      return ScriptedModel.answer(
          request, "Notes on \"" + question + "\": offline, the simulator has no sources.");
    }
    List<JsonObject> results = ScriptedModel.toolResults(request);
    if (!results.isEmpty()) {
      return ScriptedModel.answer(
          request, "The research agent says: " + ScriptedModel.text(results.get(0)));
    }
    if (WEATHER.matcher(question).find()) {
      return ScriptedModel.call(request, MockChat.ToolCall.of("transfer_to_weather", "{}"));
    }
    if (MathExample.expression(question) != null) {
      return ScriptedModel.call(request, MockChat.ToolCall.of("transfer_to_maths", "{}"));
    }
    return ScriptedModel.call(
        request,
        MockChat.ToolCall.of("research", new JsonObject().put("input", question).encode()));
  }

  private static String system(RecordedRequest request) {
    for (Object o : request.messages()) {
      JsonObject m = (JsonObject) o;
      if ("system".equals(m.getString("role"))) {
        return ScriptedModel.text(m);
      }
    }
    return "";
  }
}
