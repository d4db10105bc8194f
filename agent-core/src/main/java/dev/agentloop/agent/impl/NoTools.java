package dev.agentloop.agent.impl;

import dev.agentloop.internal.ToolCalls;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.ToolDefinition;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolSpec;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The toolbox of an agent without tools: every call is an unknown tool. */
enum NoTools implements Toolbox {
  INSTANCE;

  @Override
  public List<ToolSpec> specs() {
    return List.of();
  }

  @Override
  public List<ToolDefinition> definitions() {
    return List.of();
  }

  @Override
  public Optional<ToolSpec> find(String name) {
    return Optional.empty();
  }

  @Override
  public Future<ToolResult> invoke(ToolCall call, ToolContext context) {
    return Future.succeededFuture(ToolCalls.unknownTool(call, List.of(), System.nanoTime()));
  }

  @Override
  public Future<ToolResult> invoke(ToolCall call, ToolContext context, Duration defaultTimeout) {
    return invoke(call, context);
  }
}
