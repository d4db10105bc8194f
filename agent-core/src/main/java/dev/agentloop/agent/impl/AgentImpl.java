package dev.agentloop.agent.impl;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.observe.impl.Telemetry;
import dev.agentloop.openrouter.OpenRouterClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** The {@link Agent}: immutable configuration shared by all runs; each run is a {@link RunLoop}. */
public final class AgentImpl implements Agent {

  private final Vertx vertx;
  private final OpenRouterClient client;
  private final AgentOptions options;
  private final Capabilities capabilities;
  private final Telemetry telemetry;
  private final Set<String> toolNames;

  /** Creates the agent; the options are copied. */
  public AgentImpl(Vertx vertx, OpenRouterClient client, AgentOptions options) {
    this.vertx = Objects.requireNonNull(vertx, "vertx == null");
    this.client = Objects.requireNonNull(client, "client == null");
    this.options = new AgentOptions(Objects.requireNonNull(options, "options == null"));
    this.capabilities = new Capabilities(client);
    this.telemetry = Telemetry.create(this.options.getObservability());
    Set<String> names = new HashSet<>();
    if (this.options.getToolbox() != null) {
      this.options.getToolbox().specs().forEach(spec -> names.add(spec.name()));
    }
    this.toolNames = Set.copyOf(names);
  }

  @Override
  public AgentOptions options() {
    return new AgentOptions(options);
  }

  @Override
  public AgentRun start(RunRequest request) {
    return start(request, true);
  }

  @Override
  public Future<AgentResult> run(RunRequest request) {
    // The run handle never escapes, so its events cannot be read: do not keep them.
    return start(request, false).result();
  }

  private AgentRun start(RunRequest request, boolean bufferEvents) {
    Objects.requireNonNull(request, "request == null");
    Context context = vertx.getOrCreateContext();
    RunLoop run = new RunLoop(this, context, request, bufferEvents);
    // Start on the next turn of the context so the caller can attach event handlers first.
    context.runOnContext(v -> run.start());
    return run;
  }

  Vertx vertx() {
    return vertx;
  }

  OpenRouterClient client() {
    return client;
  }

  AgentOptions config() {
    return options;
  }

  Telemetry telemetry() {
    return telemetry;
  }

  Set<String> toolNames() {
    return toolNames;
  }

  /**
   * Returns whether the model supports {@code json_schema} response formats, looked up once per
   * model and agent; unknown models and lookup failures count as supported.
   */
  Future<Boolean> supportsJsonSchema(String model) {
    return switch (options.getOutputMode()) {
      case JSON_SCHEMA -> Future.succeededFuture(true);
      case JSON_OBJECT -> Future.succeededFuture(false);
      case AUTO -> {
        yield capabilities.supportsJsonSchema(model);
      }
    };
  }
}
