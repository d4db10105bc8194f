package dev.agentloop.examples;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import dev.agentloop.tool.Toolbox;
import dev.agentloop.tools.calc.Calculator;
import dev.agentloop.tools.time.DateTimeTools;

/** The default of {@code agentloop chat}: a general assistant with a calculator and a clock. */
public final class AssistantExample implements Example {

  /** Runs {@code agentloop chat}. */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "chat";
    System.arraycopy(args, 0, all, 1, args.length);
    Main.main(all);
  }

  @Override
  public String name() {
    return "assistant";
  }

  @Override
  public String description() {
    return "a general assistant (the chat default)";
  }

  @Override
  public AgentOptions agent(ExampleContext context) {
    return new AgentOptions()
        .setInstructions(
            "You are a concise, friendly assistant. Use the calculator for"
                + " arithmetic and current_time for dates and times.")
        .setToolbox(Toolbox.builder().add(new Calculator()).add(new DateTimeTools()).build());
  }

  /** Offline it echoes, and counts the turns it remembers, so memory and /reset can be seen. */
  @Override
  public MockResponse simulate(RecordedRequest request) {
    int turns = ScriptedModel.userTurns(request);
    return ScriptedModel.answer(
        request,
        "(simulated) You said: \""
            + ScriptedModel.userText(request)
            + "\". This is turn "
            + turns
            + " of our conversation.");
  }
}
