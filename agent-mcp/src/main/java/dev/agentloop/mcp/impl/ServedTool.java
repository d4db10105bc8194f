package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.mcp.McpServerOptions;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolResult.ErrorKind;
import dev.agentloop.tool.ToolSpec;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/** A tool as the server lists and runs it. */
record ServedTool(
    String name,
    String description,
    JsonNode inputSchema,
    @Nullable JsonNode outputSchema,
    BiFunction<ToolCall, ToolContext, Future<ToolResult>> invoker) {

  /** The tools of a toolbox followed by the agents. */
  static List<ServedTool> of(Toolbox toolbox, McpServerOptions options) {
    List<ServedTool> tools = new ArrayList<>();
    Map<String, JsonNode> outputs = options.getOutputSchemas();
    for (ToolSpec spec : toolbox.specs()) {
      tools.add(
          new ServedTool(
              spec.name(),
              spec.description(),
              spec.parameters(),
              outputs.get(spec.name()),
              toolbox::invoke));
    }
    for (McpServerOptions.AgentTool a : options.getAgents().values()) {
      tools.add(
          new ServedTool(
              a.name(),
              a.description(),
              agentInput(),
              null,
              (call, ctx) -> runAgent(a, call, ctx)));
    }
    return List.copyOf(tools);
  }

  private static ObjectNode agentInput() {
    ObjectNode schema = JsonRpc.MAPPER.createObjectNode().put("type", "object");
    schema
        .putObject("properties")
        .putObject("input")
        .put("type", "string")
        .put("description", "the task, in plain words");
    schema.putArray("required").add("input");
    schema.put("additionalProperties", false);
    return schema;
  }

  private static Future<ToolResult> runAgent(
      McpServerOptions.AgentTool a, ToolCall call, ToolContext ctx) {
    long start = System.nanoTime();
    String input;
    try {
      input =
          JsonRpc.MAPPER
              .readTree(String.valueOf(call.function().arguments()))
              .path("input")
              .asText("");
    } catch (Exception e) {
      input = "";
    }
    if (input.isBlank()) {
      return Future.succeededFuture(
          ToolResult.error(
              call.id(),
              a.name(),
              ErrorKind.INVALID_ARGUMENTS,
              "invalid arguments for tool `" + a.name() + "`: missing required argument `input`",
              Duration.ZERO));
    }
    AgentRun run = a.agent().start(RunRequest.of(input));
    ctx.cancelled().onComplete(v -> run.cancel());
    return run.result()
        .transform(
            ar -> {
              Duration took = Duration.ofNanos(System.nanoTime() - start);
              if (ar.failed()) {
                return Future.succeededFuture(
                    ToolResult.error(
                        call.id(),
                        a.name(),
                        ErrorKind.EXECUTION,
                        "agent `" + a.name() + "` failed: " + ar.cause().getMessage(),
                        took));
              }
              if (!ar.result().isCompleted()) {
                return Future.succeededFuture(
                    ToolResult.error(
                        call.id(),
                        a.name(),
                        ErrorKind.EXECUTION,
                        "agent `" + a.name() + "` stopped: " + ar.result().stopReason(),
                        took));
              }
              return Future.succeededFuture(
                  ToolResult.success(
                      call.id(), a.name(), String.valueOf(ar.result().text()), took));
            });
  }
}
