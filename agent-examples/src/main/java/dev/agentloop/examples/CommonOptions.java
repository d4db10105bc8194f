package dev.agentloop.examples;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every agent command shares; a picocli mixin. */
public final class CommonOptions {

  /** The model used when {@code --model} is not given. */
  public static final String DEFAULT_MODEL = "openai/gpt-4o-mini";

  @Option(
      names = "--model",
      paramLabel = "SLUG",
      defaultValue = DEFAULT_MODEL,
      description = "Model slug (default: ${DEFAULT-VALUE}).")
  String model = DEFAULT_MODEL;

  @Option(
      names = "--fallback",
      split = ",",
      paramLabel = "SLUG",
      description = "Fallback models, comma-separated, tried when the model fails.")
  List<String> fallback = new ArrayList<>();

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Any OpenAI-compatible API (default: OPENROUTER_BASE_URL or OpenRouter).")
  @Nullable String baseUrl;

  @Option(
      names = "--max-iterations",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Iteration cap: model requests that may call tools" + " (default: ${DEFAULT-VALUE}).")
  int maxIterations = 10;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Stop the run after this many seconds.")
  @Nullable Long timeoutSeconds;

  @Option(names = "--no-stream", description = "Wait for whole answers instead of streaming them.")
  boolean noStream;

  @Option(names = "--json", description = "Print one JSON document on stdout and nothing else.")
  boolean json;

  @Option(
      names = "--offline",
      description = "Use the built-in simulator (the default when OPENROUTER_API_KEY is unset).")
  boolean offline;

  @Option(
      names = "--verbose",
      description = "Show requests, tool results, stack traces and the run as a tree of spans.")
  boolean verbose;

  @Option(
      names = "--otlp-endpoint",
      paramLabel = "URL",
      description =
          "Export spans over OTLP/HTTP to this collector (e.g. http://127.0.0.1:4318);"
              + " the OTEL_EXPORTER_OTLP_* variables also turn export on.")
  @org.jspecify.annotations.Nullable
  String otlpEndpoint;

  /** Rejects values no run accepts, before anything starts. */
  void validate(CommandSpec spec) {
    if (maxIterations <= 0) {
      throw new ParameterException(
          spec.commandLine(), "--max-iterations must be > 0: " + maxIterations);
    }
    if (timeoutSeconds != null && timeoutSeconds <= 0) {
      throw new ParameterException(spec.commandLine(), "--timeout must be > 0: " + timeoutSeconds);
    }
  }
}
