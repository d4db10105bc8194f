package dev.agentloop.examples;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.memory.ConversationMemory;
import dev.agentloop.openrouter.Usage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code agentloop chat [<example>]}: an interactive conversation that remembers what was said.
 * Reads one message per line; {@code /reset} forgets, {@code /cost} shows the session's tokens and
 * cost, {@code /exit} (or end of input) quits.
 */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = {
      "Chats with an example agent (default: a general assistant).",
      "Commands: /reset forgets the conversation, /cost shows tokens and cost, /exit quits."
    })
final class ChatCommand implements Callable<Integer> {

  /** The token budget the conversation is trimmed to. */
  static final int MEMORY_TOKENS = 16_000;

  private final Cli cli;

  @Spec @Nullable CommandSpec spec;
  @Mixin CommonOptions common = new CommonOptions();
  @Mixin AgentSelection selection = new AgentSelection();

  @Parameters(arity = "0..1", paramLabel = "EXAMPLE", description = "The example to chat with.")
  @Nullable String exampleName;

  private Usage total = Usage.ZERO;
  private int turns;

  ChatCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    CommandSpec spec = Objects.requireNonNull(this.spec, "spec");
    common.validate(spec);
    Example example = selection.conversational(spec, exampleName, cli, common);
    try (Connection c = Connection.open(cli, common, example::simulate);
        ExampleContext context = selection.context(c.vertx, c.client)) {
      Agent agent =
          Agent.create(
              c.vertx, c.client, AgentSelection.configure(spec, example.agent(context), common));
      ConversationMemory memory = ConversationMemory.create(MEMORY_TOKENS);
      Runner runner = new Runner(cli, c.vertx, common).prices(c.client);
      cli.err.println(
          "chatting with " + example.name() + " on " + common.model + " — /reset, /cost, /exit");
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(cli.in, StandardCharsets.UTF_8));
      for (String line = prompt(lines); line != null; line = prompt(lines)) {
        String text = line.strip();
        if (text.equals("/exit") || text.equals("/quit")) {
          break;
        } else if (text.equals("/reset")) {
          Runner.settle(memory.clear());
          cli.err.println("conversation cleared");
        } else if (text.equals("/cost")) {
          cli.out.println(cost());
        } else if (!text.isEmpty()) {
          AgentResult result =
              runner.run(agent, RunRequest.builder(text).memory(memory).build()).result();
          if (result != null) {
            total = total.plus(result.usage());
            turns++;
          }
        }
      }
      return ExitCodes.OK;
    }
  }

  /** The session's usage so far, one line. */
  private String cost() {
    return "session: "
        + turns
        + (turns == 1 ? " turn, " : " turns, ")
        + total.totalTokens()
        + " tokens ("
        + total.promptTokens()
        + " in, "
        + total.completionTokens()
        + " out), "
        + Format.usd(total.costOrZero());
  }

  private @Nullable String prompt(BufferedReader lines) {
    if (cli.interactive) {
      cli.err.print("you> ");
      cli.err.flush();
    }
    try {
      return lines.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
