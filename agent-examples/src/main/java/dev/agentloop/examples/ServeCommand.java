package dev.agentloop.examples;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.ToolApprover;
import dev.agentloop.run.RunRetention;
import dev.agentloop.run.RunRetentionOptions;
import dev.agentloop.run.RunStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code agentloop serve [--host 127.0.0.1] [--port 8080] [--token T] [--rate-limit 60]
 * [--idle-timeout 60] [--store sqlite:PATH [--retention 7d]] [<example>]}: a web chat ({@link
 * ChatServer}) and an OpenAI-compatible endpoint with an example agent, until Ctrl+C. With a store,
 * runs are journaled, calls that need approval park the run ({@code /v1/runs}), and runs in flight
 * resume on start.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serves a web chat and an OpenAI-compatible /v1 endpoint with an example agent until"
            + " Ctrl+C.")
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
      description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = ChatServerOptions.DEFAULT_HOST,
      description =
          "Host or address to bind, e.g. 0.0.0.0; other than loopback needs --token"
              + " (default: ${DEFAULT-VALUE}).")
  String host = ChatServerOptions.DEFAULT_HOST;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "Bearer token callers must send (at least 16 characters; default: $AGENTLOOP_TOKEN)."
              + " Open the page as http://HOST:PORT/#token=TOKEN.")
  @Nullable String token;

  @Option(
      names = "--rate-limit",
      paramLabel = "N",
      defaultValue = "60",
      description =
          "Requests per minute of each caller; 0 for no limit (default: ${DEFAULT-VALUE}).")
  int rateLimit = ChatServerOptions.DEFAULT_RATE_LIMIT;

  @Option(
      names = "--idle-timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Closes connections without a request in progress after this many seconds"
              + " (default: ${DEFAULT-VALUE}).")
  long idleTimeout = ChatServerOptions.DEFAULT_IDLE_TIMEOUT.toSeconds();

  @Option(
      names = "--store",
      paramLabel = "STORE",
      description =
          "Journal runs in a store (sqlite:PATH or postgresql://HOST/DB): runs survive a restart,"
              + " approvals wait for a person, and runs in flight resume on start.")
  @Nullable String store;

  @Option(
      names = "--retention",
      paramLabel = "AGE",
      description =
          "With --store: deletes finished runs this long after they finished, e.g. 7d, 12h, 30m"
              + " (checked at start and hourly; default: keep them). Runs still running or"
              + " awaiting approval are never deleted.")
  @Nullable String retention;

  @Parameters(arity = "0..1", paramLabel = "EXAMPLE", description = "The example to serve.")
  @Nullable String exampleName;

  ServeCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws InterruptedException {
    CommandSpec spec = Objects.requireNonNull(this.spec, "spec");
    common.validate(spec);
    ChatServerOptions options = options(spec);
    RunRetentionOptions keep = retention(spec);
    Example example = selection.conversational(spec, exampleName, cli, common);
    try (ObservabilitySetup observability =
            ObservabilitySetup.create(common.otlpEndpoint, System.getenv());
        Connection c = Connection.open(cli, common, example::simulate);
        ExampleContext context = selection.context(c.vertx, c.client)) {
      AgentOptions agentOptions =
          AgentSelection.configure(spec, example.agent(context), common)
              .setObservability(observability.options().setAgentName(example.name()));
      if (store != null) {
        RunStore runs = context.closeLater(RunsCommand.openStore(spec, c.vertx, store));
        if (keep != null) {
          context.closeLater(RunRetention.start(c.vertx, runs, keep));
        }
        agentOptions
            .setRunStore(runs)
            .setName(example.name())
            .setApprover((call, tool) -> Future.succeededFuture(ToolApprover.Decision.defer()));
      }
      Agent agent;
      try {
        agent = Agent.create(c.vertx, c.client, agentOptions);
      } catch (IllegalArgumentException e) {
        // e.g. an agent with handoffs behind --store: a usage error, not a crash.
        throw new ParameterException(
            spec.commandLine(), "cannot serve " + example.name() + ": " + e.getMessage());
      }
      ChatServer server =
          ChatServer.start(c.vertx, example.name(), agent, options, observability.registry())
              .await();
      if (store != null) {
        List<String> resumed = agent.recover(10_000).await();
        if (!resumed.isEmpty()) {
          cli.err.println("resumed " + resumed.size() + " run(s) that were in flight");
        }
      }
      String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
      cli.err.println("serving " + example.name() + " on " + url + "/ — Ctrl+C to stop");
      if (options.getToken() != null) {
        cli.err.println("callers must send the token; open " + url + "/#token=<your token>");
      }
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

  private ChatServerOptions options(CommandSpec spec) {
    String t = token != null ? token : cli.env.get("AGENTLOOP_TOKEN");
    try {
      ChatServerOptions options =
          new ChatServerOptions()
              .setHost(host)
              .setPort(port)
              .setToken(t == null || t.isBlank() ? null : t.strip())
              .setRateLimit(rateLimit)
              .setIdleTimeout(Duration.ofSeconds(idleTimeout));
      if (options.getToken() == null && !options.isLoopback()) {
        throw new IllegalArgumentException(
            "--token is required when --host is not a loopback address: " + host);
      }
      return options;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), String.valueOf(e.getMessage()));
    }
  }

  private @Nullable RunRetentionOptions retention(CommandSpec spec) {
    if (retention == null) {
      return null;
    }
    if (store == null) {
      throw new ParameterException(spec.commandLine(), "--retention needs --store");
    }
    try {
      return new RunRetentionOptions().setMaxAge(RunRetentionOptions.parseDuration(retention));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--retention: " + e.getMessage());
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
