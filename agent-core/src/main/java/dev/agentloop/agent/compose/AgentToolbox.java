package dev.agentloop.agent.compose;

import dev.agentloop.internal.ToolCalls;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.ToolDefinition;
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
 * A toolbox of ordinary tools plus agents offered as tools ({@link AgentTool}). Immutable and
 * shared like any toolbox; ordinary calls go to the wrapped toolbox unchanged.
 *
 * <pre>{@code
 * Toolbox tools = AgentToolbox.of(Toolbox.builder().add(new WeatherTools()).build(),
 *     AgentTool.of("research", "Researches a question", researchAgent));
 * }</pre>
 */
public final class AgentToolbox implements Toolbox {

  private final @Nullable Toolbox base;
  private final Map<String, AgentTool> agents;
  private final List<ToolSpec> specs;
  private final List<ToolDefinition> definitions;

  private AgentToolbox(@Nullable Toolbox base, List<AgentTool> tools) {
    this.base = base;
    Map<String, AgentTool> byName = new LinkedHashMap<>();
    List<ToolSpec> all = new ArrayList<>(base == null ? List.of() : base.specs());
    for (AgentTool tool : tools) {
      boolean taken =
          byName.containsKey(tool.name()) || (base != null && base.find(tool.name()).isPresent());
      if (taken) {
        throw new IllegalArgumentException("tool names must be unique: " + tool.name());
      }
      byName.put(tool.name(), tool);
      all.add(tool.spec());
    }
    this.agents = Map.copyOf(byName);
    this.specs = List.copyOf(all);
    this.definitions = specs.stream().map(ToolSpec::definition).toList();
  }

  /**
   * Returns a toolbox with the tools of {@code base} (or none) and the given agent tools.
   *
   * @throws IllegalArgumentException when two tools share a name
   */
  public static AgentToolbox of(@Nullable Toolbox base, AgentTool... tools) {
    return new AgentToolbox(base, List.of(tools));
  }

  /** Returns a toolbox with the tools of {@code base} (or none) and the given agent tools. */
  public static AgentToolbox of(@Nullable Toolbox base, List<AgentTool> tools) {
    return new AgentToolbox(base, tools);
  }

  /** The agent tools, by name. */
  public Map<String, AgentTool> agentTools() {
    return agents;
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
    AgentTool tool = agents.get(name);
    if (tool != null) {
      return Optional.of(tool.spec());
    }
    return base == null ? Optional.empty() : base.find(name);
  }

  @Override
  public Future<ToolResult> invoke(ToolCall call, ToolContext context) {
    AgentTool tool = agents.get(ToolCalls.nameOf(call));
    if (tool != null) {
      return SubRuns.invoke(tool, call, context);
    }
    if (base == null) {
      return Future.succeededFuture(
          ToolCalls.unknownTool(call, agents.keySet(), System.nanoTime()));
    }
    return base.invoke(call, context);
  }

  @Override
  public Future<ToolResult> invoke(ToolCall call, ToolContext context, Duration defaultTimeout) {
    if (base != null && !agents.containsKey(ToolCalls.nameOf(call))) {
      return base.invoke(call, context, defaultTimeout);
    }
    return Toolbox.super.invoke(call, context, defaultTimeout);
  }

  @Override
  public ToolErrorPolicy errorPolicy() {
    return base == null ? ToolErrorPolicy.detailed() : base.errorPolicy();
  }
}
