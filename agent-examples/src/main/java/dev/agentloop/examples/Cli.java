package dev.agentloop.examples;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code agentloop} command line, with its environment and standard streams injected so that
 * tests run it in-process.
 *
 * <pre>{@code
 * int exit = new Cli(Map.of(), System.out, System.err, System.in, false)
 *     .execute("run", "weather", "What's the weather in Tokyo?");
 * }</pre>
 *
 * <p>Answers go to {@code out}, progress and errors to {@code err}; see {@link ExitCodes} for the
 * exit codes. The API key is read only from {@code OPENROUTER_API_KEY} in {@code env}.
 */
@Command(
    name = "agentloop",
    mixinStandardHelpOptions = true,
    version = "agentloop 0.1.0",
    description = "Runs tool-calling agents on OpenRouter, or offline on the built-in simulator.",
    footer = {
      "",
      "Exit codes: 0 answered, 2 usage error, 3 API or network error,"
          + " 4 stopped (iteration cap, budget or timeout)."
    })
public final class Cli implements Callable<Integer> {

  final Map<String, String> env;
  final PrintStream out;
  final PrintStream err;
  final InputStream in;
  final boolean interactive;

  @Spec @Nullable CommandSpec spec;
  private @Nullable BiConsumer<ChatServer, Runnable> serveListener;

  /**
   * Creates a command line.
   *
   * @param env the environment ({@code OPENROUTER_API_KEY}, {@code OPENROUTER_BASE_URL}, ...)
   * @param out where answers go
   * @param err where progress and errors go
   * @param in where {@code chat} reads the user's lines (and {@code run} a prompt of {@code -})
   * @param interactive whether {@code err} is a terminal, which enables the spinner
   */
  public Cli(
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      InputStream in,
      boolean interactive) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env == null"));
    this.out = Objects.requireNonNull(out, "out == null");
    this.err = Objects.requireNonNull(err, "err == null");
    this.in = Objects.requireNonNull(in, "in == null");
    this.interactive = interactive;
  }

  /**
   * Parses the arguments, runs the command and returns its exit code; never throws and never calls
   * {@code System.exit}.
   */
  public int execute(String... args) {
    CommandLine cl =
        new CommandLine(this)
            .addSubcommand(new RunCommand(this))
            .addSubcommand(new ChatCommand(this))
            .addSubcommand(
                new CommandLine(new ModelsCommand(this))
                    .addSubcommand(new ModelEndpointsCommand(this)))
            .addSubcommand(new GenerationCommand(this))
            .addSubcommand(new ServeCommand(this))
            .addSubcommand(new McpCommand(this))
            .addSubcommand(new RunsCommand(this));
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setParameterExceptionHandler(
        (e, args2) -> {
          CommandLine failed = e.getCommandLine();
          err.println("error: " + e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
          err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          err.println(ExitCodes.message(e));
          if (command.getParseResult().hasMatchedOption("--verbose")) {
            e.printStackTrace(err);
          }
          return ExitCodes.of(e);
        });
    return cl.execute(args);
  }

  /** Without a subcommand, prints the usage and fails with {@link ExitCodes#USAGE}. */
  @Override
  public Integer call() {
    Objects.requireNonNull(spec, "spec").commandLine().usage(err);
    return ExitCodes.USAGE;
  }

  /** Sets what {@code serve} calls once its server listens, with a way to stop it (tests). */
  Cli onServe(BiConsumer<ChatServer, Runnable> listener) {
    this.serveListener = listener;
    return this;
  }

  /** Tells the {@link #onServe} listener, if any, that {@code serve} is listening. */
  void served(ChatServer server, Runnable stop) {
    if (serveListener != null) {
      serveListener.accept(server, stop);
    }
  }

  /** The API key from the environment, or null when unset or blank. */
  @Nullable String apiKey() {
    String key = env.get("OPENROUTER_API_KEY");
    return key == null || key.isBlank() ? null : key.strip();
  }
}
