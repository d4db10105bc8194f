package dev.agentloop.agent.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.agent.compose.Handoff;
import dev.agentloop.agent.compose.HandoffOptions;
import dev.agentloop.internal.ToolCalls;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.ToolDefinition;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolErrorPolicy;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolSpec;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An agent's toolbox plus one {@code transfer_to_<name>} tool per handoff target. A transfer call
 * only records the request on the calling run ({@link RunScope#requestHandoff}); the loop switches
 * agents once the step's calls have finished.
 */
final class HandoffToolbox implements Toolbox {

  private final @Nullable Toolbox base;
  private final Map<String, Handoff> transfers = new LinkedHashMap<>();
  private final List<ToolSpec> specs;
  private final List<ToolDefinition> definitions;

  private HandoffToolbox(@Nullable Toolbox base, List<Handoff> targets) {
    this.base = base;
    List<ToolSpec> all = new ArrayList<>(base == null ? List.of() : base.specs());
    for (Handoff h : targets) {
      ObjectNode schema = JsonSchemas.objectMapper().createObjectNode().put("type", "object");
      String description =
          "Hands the conversation to the agent `"
              + h.name()
              + "`, which answers from then on"
              + (h.description().isEmpty() ? "" : ": " + h.description());
      ToolSpec spec = new ToolSpec(h.toolName(), description, schema, false, null, true, false);
      transfers.put(h.toolName(), h);
      all.add(spec);
    }
    this.specs = List.copyOf(all);
    this.definitions = specs.stream().map(ToolSpec::definition).toList();
  }

  /** Returns {@code base} with the transfer tools of {@code handoffs}, or {@code base} alone. */
  static @Nullable Toolbox of(@Nullable Toolbox base, @Nullable HandoffOptions handoffs) {
    if (handoffs == null || handoffs.getTargets().isEmpty()) {
      return base;
    }
    return new HandoffToolbox(base, handoffs.getTargets());
  }

  @Override
  public List<ToolSpec> specs() {
    return specs;
  }

  @Override
  public List<ToolDefinition> definitions() {
    return definitions;
  }

  @Override
  public Optional<ToolSpec> find(String name) {
    if (transfers.containsKey(name)) {
      return specs.stream().filter(s -> s.name().equals(name)).findFirst();
    }
    return base == null ? Optional.empty() : base.find(name);
  }

  @Override
  public Future<ToolResult> invoke(ToolCall call, ToolContext context) {
    Handoff h = transfers.get(ToolCalls.nameOf(call));
    if (h == null) {
      return base == null
          ? Future.succeededFuture(
              ToolCalls.unknownTool(call, transfers.keySet(), System.nanoTime()))
          : base.invoke(call, context);
    }
    RunScope scope = RunScope.of(context.runId());
    if (scope == null || !scope.requestHandoff(h)) {
      return Future.succeededFuture(
          ToolCalls.rejected(call, "not transferred: another transfer was asked for first"));
    }
    return Future.succeededFuture(
        ToolResult.success(
            call.id(),
            h.toolName(),
            "transferred to `" + h.name() + "`; it answers from now on",
            Duration.ZERO));
  }

  @Override
  public Future<ToolResult> invoke(ToolCall call, ToolContext context, Duration defaultTimeout) {
    if (base != null && !transfers.containsKey(ToolCalls.nameOf(call))) {
      return base.invoke(call, context, defaultTimeout);
    }
    return Toolbox.super.invoke(call, context, defaultTimeout);
  }

  @Override
  public ToolErrorPolicy errorPolicy() {
    return base == null ? ToolErrorPolicy.detailed() : base.errorPolicy();
  }
}
