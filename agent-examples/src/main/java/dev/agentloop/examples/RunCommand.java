package dev.agentloop.examples;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.RunRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentloop run <example> "<prompt>"}: runs one prompt and prints the answer. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs an example agent (or your own tools) on one prompt.",
      "Examples: weather, math, files, research, extract, rag, pdf-summary, compare."
    })
final class RunCommand implements Callable<Integer> {

  private final Cli cli;

  @Spec @Nullable CommandSpec spec;
  @Mixin CommonOptions common = new CommonOptions();
  @Mixin AgentSelection selection = new AgentSelection();

  @Option(
      names = "--models",
      split = ",",
      paramLabel = "SLUG",
      description =
          "Models the compare example asks (default: gpt-4o-mini, claude-sonnet-4.5,"
              + " gemini-2.5-flash).")
  List<String> models = new ArrayList<>();

  @Option(
      names = "--mcp",
      paramLabel = "SERVER",
      description =
          "Adds an MCP server's tools (repeatable): a command such as \"npx -y"
              + " @modelcontextprotocol/server-everything\", or an http(s)://host/mcp URL.")
  List<String> mcp = new ArrayList<>();

  @Option(
      names = "--file",
      paramLabel = "PATH",
      description = "Attaches a file (PDF, text, audio, video) to the prompt (repeatable).")
  List<java.nio.file.Path> files = new ArrayList<>();

  @Option(
      names = "--image",
      paramLabel = "PATH|URL",
      description = "Attaches an image file or https: URL to the prompt (repeatable).")
  List<String> images = new ArrayList<>();

  @Parameters(
      arity = "1..2",
      paramLabel = "[EXAMPLE] PROMPT",
      description = "The example's name, then the prompt ('-' reads it from stdin).")
  List<String> args = new ArrayList<>();

  RunCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    CommandSpec spec = Objects.requireNonNull(this.spec, "spec");
    common.validate(spec);
    String name = args.size() == 2 ? args.get(0) : null;
    boolean onlyExample = args.size() == 1 && Examples.find(args.get(0)).isPresent();
    if (onlyExample && selection.toolsPackages.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "missing prompt: agentloop run " + args.get(0) + " \"<prompt>\"");
    }
    Example example = selection.example(spec, name, null);
    String prompt = prompt(args.get(args.size() - 1));
    if (example.needsNetwork() && Connection.isOffline(cli, common)) {
      throw new ParameterException(
          spec.commandLine(),
          example.name()
              + " needs a real model and"
              + " the network: set OPENROUTER_API_KEY (or --base-url), without --offline");
    }
    boolean tree = common.verbose && !common.json;
    try (ObservabilitySetup observability =
            ObservabilitySetup.create(common.otlpEndpoint, System.getenv(), tree);
        Connection c = Connection.open(cli, common, example::simulate);
        ExampleContext context =
            selection.context(c.vertx, c.client).setOnlineClient(c.offline ? null : c.client);
        McpServers servers = McpServers.connect(c.vertx, mcp)) {
      AgentOptions options =
          servers
              .addTo(AgentSelection.configure(spec, example.agent(context), common))
              .setObservability(observability.options().setAgentName(example.name()));
      if (example instanceof CompareExample) {
        return compare(c, options, prompt);
      }
      Agent agent = Agent.create(c.vertx, c.client, options);
      RunRequest request =
          RunRequest.builder(PromptAttachments.userTurn(spec, prompt, files, images))
              .output(example.outputType())
              .build();
      int exit = new Runner(cli, c.vertx, common).prices(c.client).run(agent, request).exitCode();
      Timeline timeline = observability.timeline();
      if (timeline != null) {
        cli.err.print(timeline.render());
        cli.err.flush();
      }
      return exit;
    }
  }

  private int compare(Connection c, AgentOptions options, String prompt) {
    List<String> slugs = models.isEmpty() ? CompareExample.DEFAULT_MODELS : models;
    List<CompareExample.Row> rows =
        Runner.settle(CompareExample.compare(c.vertx, c.client, options, slugs, prompt)).result();
    if (common.json) {
      JsonArray doc = new JsonArray();
      for (CompareExample.Row row : rows) {
        doc.add(
            row.result() == null
                ? new JsonObject().put("model", row.model()).put("error", row.error())
                : JsonReport.of(row.result(), row.model(), ExitCodes.OK, null)
                    .put("latency_ms", row.latencyMillis()));
      }
      cli.out.println(doc.encodePrettily());
    } else {
      for (CompareExample.Row row : rows) {
        if (row.result() != null) {
          cli.out.println("## " + row.model() + "\n" + row.result().text() + "\n");
        }
      }
      cli.out.print(CompareExample.table(rows));
    }
    return rows.stream().allMatch(r -> r.result() != null) ? ExitCodes.OK : ExitCodes.API;
  }

  private String prompt(String arg) {
    if (!arg.equals("-")) {
      return arg;
    }
    try {
      return new String(cli.in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
