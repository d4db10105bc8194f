package dev.agentloop.examples;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money transfers that a person must approve: {@code transfer} is side-effecting (it appends a line
 * to {@code transfers.log}) and marked {@code requiresApproval}. Served with {@code agentloop serve
 * --store sqlite:runs.db approvals}, a run parks until someone approves or rejects it in the web
 * chat, over {@code /v1/runs} or with {@code agentloop runs approve}.
 */
public final class ApprovalsExample implements Example {

  private static final Pattern AMOUNT = Pattern.compile("(\\d{1,7})");
  private static final Pattern RECIPIENT = Pattern.compile("\\bto ([A-Za-z][A-Za-z-]{0,39})");

  /** Runs {@code agentloop run approvals <prompt>}. */
  public static void main(String[] args) {
    Main.main(Examples.argsFor("approvals", args));
  }

  /** The tool: appends each transfer to a file, once per call. */
  public static final class Ledger {
    private final Path file;

    Ledger(Path file) {
      this.file = file;
    }

    /** Transfers money (pretend): appends a line to the ledger file. */
    @Tool(description = "Transfers an amount of euros to a person", requiresApproval = true)
    public String transfer(
        @Param(description = "amount in euros") int amount,
        @Param(description = "recipient") String to) {
      String line = "transferred " + amount + " EUR to " + to;
      try {
        Files.writeString(
            file,
            line + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return line;
    }
  }

  @Override
  public String name() {
    return "approvals";
  }

  @Override
  public String description() {
    return "money transfers that wait for a person's approval (serve it with --store)";
  }

  @Override
  public AgentOptions agent(ExampleContext context) {
    return new AgentOptions()
        .setName(name())
        .setInstructions(
            "You move money with the transfer tool. A person approves every transfer; if they"
                + " reject it, say so and do not retry.")
        .setToolbox(
            Toolbox.builder().add(new Ledger(context.root().resolve("transfers.log"))).build());
  }

  @Override
  public MockResponse simulate(RecordedRequest request) {
    List<JsonObject> results = ScriptedModel.toolResults(request);
    if (!results.isEmpty()) {
      String result = ScriptedModel.text(results.get(results.size() - 1));
      return ScriptedModel.answer(
          request,
          result.startsWith("transferred") ? "Done: " + result + "." : "Not done: " + result);
    }
    String prompt = ScriptedModel.userText(request);
    Matcher amount = AMOUNT.matcher(prompt);
    Matcher to = RECIPIENT.matcher(prompt);
    if (!amount.find() || !to.find()) {
      return ScriptedModel.answer(
          request, "Tell me an amount and a recipient, e.g. \"send 40 euros to Bob\".");
    }
    return ScriptedModel.call(
        request,
        MockChat.ToolCall.of(
            "transfer",
            new JsonObject()
                .put("amount", Integer.parseInt(amount.group(1)))
                .put("to", to.group(1))
                .encode()));
  }
}
