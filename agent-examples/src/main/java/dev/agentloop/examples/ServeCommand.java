package dev.agentloop.examples;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.ToolApprover;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code agentloop serve [--port 8080] [--store sqlite:PATH] [<example>]}: a local web chat ({@link
 * ChatServer}) with an example agent, until Ctrl+C. With a store, runs are journaled, calls that
 * need approval park the run ({@code /v1/runs}), and runs in flight resume on start.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serves a web chat with an example agent on 127.0.0.1 until Ctrl+C.")
final class ServeCommand implements Callable<Integer> {

  private final Cli cli;
  private final CountDownLatch stop = new CountDownLatch(1);

  @Spec @Nullable CommandSpec spec;
  @Mixin CommonOptions common = new CommonOptions();
  @Mixin AgentSelection selection = new AgentSelection();

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(
      names = "--store",
      paramLabel = "STORE",
      description =
          "Journal runs in a store (sqlite:PATH or postgresql://HOST/DB): runs survive a restart,"
              + " approvals wait for a person, and runs in flight resume on start.")
  @Nullable String store;

  @Parameters(arity = "0..1", paramLabel = "EXAMPLE", description = "The example to serve.")
  @Nullable String exampleName;

  ServeCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws InterruptedException {
    CommandSpec spec = Objects.requireNonNull(this.spec, "spec");
    common.validate(spec);
    Example example = selection.conversational(spec, exampleName, cli, common);
    try (Connection c = Connection.open(cli, common, example::simulate);
        ExampleContext context = selection.context(c.vertx)) {
      AgentOptions options = AgentSelection.configure(spec, example.agent(context), common);
      if (store != null) {
        options
            .setRunStore(context.closeLater(RunsCommand.openStore(spec, c.vertx, store)))
            .setName(example.name())
            .setApprover((call, tool) -> Future.succeededFuture(ToolApprover.Decision.defer()));
      }
      Agent agent = Agent.create(c.vertx, c.client, options);
      ChatServer server = ChatServer.start(c.vertx, example.name(), agent, port).await();
      if (store != null) {
        List<String> resumed = agent.recover(10_000).await();
        if (!resumed.isEmpty()) {
          cli.err.println("resumed " + resumed.size() + " run(s) that were in flight");
        }
      }
      cli.err.println(
          "serving "
              + example.name()
              + " on http://127.0.0.1:"
              + server.port()
              + "/ — Ctrl+C to stop");
      Thread hook = new Thread(stop::countDown, "agentloop-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        cli.served(server, stop::countDown);
        stop.await();
      } finally {
        removeHook(hook);
      }
      server.close().await();
      return ExitCodes.OK;
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl+C: the JVM is exiting anyway.
    }
  }
}
