package dev.agentloop.examples;

import dev.agentloop.agent.AgentOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options that choose and configure the agent of {@code run} and {@code chat}; a mixin. */
public final class AgentSelection {

  @Option(
      names = "--tools-package",
      paramLabel = "PACKAGE",
      description = "Run a general agent with the @Tool classes of this package (repeatable).")
  List<String> toolsPackages = new ArrayList<>();

  @Option(
      names = "--classpath",
      paramLabel = "JARS",
      description = "Jars or folders holding the --tools-package classes (path-separated).")
  @Nullable String classpath;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "Folder the files example may read (default: the current folder).")
  @Nullable Path root;

  @Option(
      names = "--docs",
      paramLabel = "DIR",
      description = "Folder of documents for the rag example (default: bundled samples).")
  @Nullable Path docs;

  /** Returns the example named by the user, or the tools-package agent, or {@code fallback}. */
  Example example(CommandSpec spec, @Nullable String name, @Nullable Example fallback) {
    if (!toolsPackages.isEmpty()) {
      if (name != null) {
        throw new ParameterException(
            spec.commandLine(), "give either an example or --tools-package, not both");
      }
      return ToolsPackageAgent.load(spec, toolsPackages, classpath);
    }
    if (name == null) {
      if (fallback != null) {
        return fallback;
      }
      throw new ParameterException(
          spec.commandLine(), "name an example (" + Examples.names() + ") or give --tools-package");
    }
    return Examples.find(name)
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "unknown example: " + name + " (choose from " + Examples.names() + ")"));
  }

  /**
   * Returns the example for a conversation ({@code chat}, {@code serve}): the named one, the
   * tools-package agent, or the general assistant; refuses one-shot examples, and network-only
   * examples when offline.
   */
  Example conversational(CommandSpec spec, @Nullable String name, Cli cli, CommonOptions common) {
    Example example = example(spec, name, new AssistantExample());
    if (example instanceof CompareExample || example.outputType() != null) {
      throw new ParameterException(
          spec.commandLine(),
          example.name() + " is not a chat agent: use agentloop run " + example.name());
    }
    if (example.needsNetwork() && Connection.isOffline(cli, common)) {
      throw new ParameterException(
          spec.commandLine(),
          example.name()
              + " needs a real model and"
              + " the network: set OPENROUTER_API_KEY (or --base-url), without --offline");
    }
    return example;
  }

  /** Returns the context the example's tools are built in. */
  ExampleContext context(io.vertx.core.Vertx vertx) {
    return context(vertx, null);
  }

  /**
   * Returns the context the example's tools (and its own agents, with this client) are built in.
   */
  ExampleContext context(
      io.vertx.core.Vertx vertx, dev.agentloop.openrouter.@Nullable OpenRouterClient client) {
    Path dir = root != null ? root : Path.of("");
    return new ExampleContext(vertx, dir.toAbsolutePath(), docs, client);
  }

  /** Adds the common options to the example's agent options. */
  static AgentOptions configure(CommandSpec spec, AgentOptions options, CommonOptions o) {
    try {
      options
          .setParameters(
              options.getParameters().toBuilder().model(o.model).models(o.fallback).build())
          .setMaxIterations(o.maxIterations);
      if (o.timeoutSeconds != null) {
        options.setTimeout(java.time.Duration.ofSeconds(o.timeoutSeconds));
      }
      return options;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
