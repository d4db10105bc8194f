package dev.agentloop.examples;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.mcp.McpServer;
import dev.agentloop.mcp.McpServerOptions;
import dev.agentloop.tool.Toolbox;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code agentloop mcp <example>}: serves an example's tools, and the example agent as a tool named
 * {@code ask_<example>}, over MCP stdio until stdin ends. Stdout carries protocol messages only;
 * notes go to stderr.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Serves an example's tools (and the agent itself, as ask_<example>) over MCP stdio.",
      "For Claude Desktop and other MCP clients: command agentloop, args [mcp, weather]."
    })
final class McpCommand implements Callable<Integer> {

  private final Cli cli;

  @Spec @Nullable CommandSpec spec;
  @Mixin CommonOptions common = new CommonOptions();
  @Mixin AgentSelection selection = new AgentSelection();

  @Parameters(arity = "0..1", paramLabel = "EXAMPLE", description = "The example to serve.")
  @Nullable String exampleName;

  McpCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    CommandSpec spec = Objects.requireNonNull(this.spec, "spec");
    common.validate(spec);
    Example example = selection.conversational(spec, exampleName, cli, common);
    try (Connection c = Connection.open(cli, common, example::simulate);
        ExampleContext context = selection.context(c.vertx, c.client)) {
      AgentOptions options = AgentSelection.configure(spec, example.agent(context), common);
      Toolbox tools =
          options.getToolbox() == null ? Toolbox.builder().build() : options.getToolbox();
      Agent agent = Agent.create(c.vertx, c.client, options);
      McpServer server =
          McpServer.create(
              c.vertx,
              tools,
              new McpServerOptions()
                  .setName("agentloop-" + example.name())
                  .addAgent(
                      "ask_" + example.name(),
                      "Asks the " + example.name() + " agent; give it a task in plain words",
                      agent));
      cli.err.println("serving " + example.name() + " over MCP stdio — close stdin to stop");
      server.serveStdio(cli.in, cli.out).await();
      return ExitCodes.OK;
    }
  }
}
