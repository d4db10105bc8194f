package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.mcp.McpServerOptions;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.CancellableToolContext;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolResult.ErrorKind;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The MCP methods of the server, independent of the transport; runs on the server's context. */
final class ServerProtocol {

  private static final Logger LOG = LoggerFactory.getLogger(ServerProtocol.class);

  private final Vertx vertx;
  private final McpServerOptions options;
  private final Supplier<List<ServedTool>> tools;

  ServerProtocol(Vertx vertx, McpServerOptions options, Supplier<List<ServedTool>> tools) {
    this.vertx = vertx;
    this.options = options;
    this.tools = tools;
  }

  /**
   * Handles one message of a session.
   *
   * @param emit sends a notification related to this request (progress)
   * @return the response, or null for notifications and responses
   */
  Future<@Nullable JsonNode> handle(
      ServerSession session, JsonNode message, Handler<JsonNode> emit) {
    session.lastUsed = System.nanoTime();
    if (!message.isObject() || !"2.0".equals(message.path("jsonrpc").asText())) {
      return Future.succeededFuture(
          JsonRpc.error(message.get("id"), JsonRpc.INVALID_REQUEST, "not a json-rpc 2.0 message"));
    }
    if (JsonRpc.isNotification(message)) {
      notification(session, message.path("method").asText(), message.path("params"));
      return Future.succeededFuture(null);
    }
    if (!JsonRpc.isRequest(message)) {
      return Future.succeededFuture(null);
    }
    JsonNode id = message.get("id");
    JsonNode params = message.path("params");
    String method = message.path("method").asText();
    return switch (method) {
      case "initialize" -> Future.succeededFuture(JsonRpc.result(id, initialize(session, params)));
      case "ping" -> Future.succeededFuture(JsonRpc.result(id, JsonRpc.MAPPER.createObjectNode()));
      case "tools/list" -> Future.succeededFuture(JsonRpc.result(id, list()));
      case "tools/call" -> call(session, id, params, emit);
      default ->
          Future.succeededFuture(
              JsonRpc.error(id, JsonRpc.METHOD_NOT_FOUND, "method not found: " + method));
    };
  }

  private ObjectNode initialize(ServerSession session, JsonNode params) {
    String version = JsonRpc.negotiate(params.path("protocolVersion").asText(null));
    session.protocolVersion = version;
    ObjectNode result = JsonRpc.MAPPER.createObjectNode().put("protocolVersion", version);
    result.putObject("capabilities").putObject("tools").put("listChanged", true);
    result
        .putObject("serverInfo")
        .put("name", options.getName())
        .put("version", options.getVersion());
    if (options.getInstructions() != null) {
      result.put("instructions", options.getInstructions());
    }
    return result;
  }

  private ObjectNode list() {
    ObjectNode result = JsonRpc.MAPPER.createObjectNode();
    ArrayNode array = result.putArray("tools");
    for (ServedTool t : tools.get()) {
      ObjectNode tool = array.addObject().put("name", t.name());
      if (!t.description().isEmpty()) {
        tool.put("description", t.description());
      }
      tool.set("inputSchema", t.inputSchema());
      if (t.outputSchema() != null) {
        tool.set("outputSchema", t.outputSchema());
      }
    }
    return result;
  }

  private Future<@Nullable JsonNode> call(
      ServerSession session, JsonNode id, JsonNode params, Handler<JsonNode> emit) {
    String name = params.path("name").asText();
    ServedTool tool =
        tools.get().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    if (tool == null) {
      return Future.succeededFuture(
          JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "unknown tool: " + name));
    }
    JsonNode arguments = params.path("arguments");
    String key = id.toString();
    String callId = "mcp-" + id.asText();
    CancellableToolContext context = ToolContext.of(vertx, "mcp-" + session.id, callId);
    session.running.put(key, context);
    JsonNode token = params.path("_meta").get("progressToken");
    long timer = token == null ? -1 : progressTimer(token, emit);
    Future<ToolResult> invoked;
    try {
      invoked =
          tool.invoker()
              .apply(
                  ToolCall.of(callId, name, arguments.isObject() ? arguments.toString() : "{}"),
                  context);
    } catch (RuntimeException e) {
      invoked =
          Future.succeededFuture(
              ToolResult.error(
                  callId,
                  name,
                  ErrorKind.EXECUTION,
                  "the tool failed: " + e,
                  java.time.Duration.ZERO));
    }
    return invoked.transform(
        ar -> {
          if (timer >= 0) {
            vertx.cancelTimer(timer);
          }
          session.running.remove(key);
          if (ar.failed()) {
            LOG.warn("mcp tool `{}` failed", name, ar.cause());
            return Future.succeededFuture(
                JsonRpc.error(id, JsonRpc.INTERNAL_ERROR, "tool `" + name + "` failed"));
          }
          ToolResult r = ar.result();
          if (r.error() == ErrorKind.UNKNOWN_TOOL) {
            return Future.succeededFuture(
                JsonRpc.error(id, JsonRpc.INVALID_PARAMS, "unknown tool: " + name));
          }
          return Future.succeededFuture(JsonRpc.result(id, callResult(tool, r)));
        });
  }

  private long progressTimer(JsonNode token, Handler<JsonNode> emit) {
    long started = System.nanoTime();
    long[] count = {0};
    return vertx.setPeriodic(
        options.getProgressInterval().toMillis(),
        t -> {
          ObjectNode p = JsonRpc.MAPPER.createObjectNode();
          p.set("progressToken", token);
          p.put("progress", ++count[0]);
          p.put("message", "running for " + (System.nanoTime() - started) / 1_000_000 + " ms");
          emit.handle(JsonRpc.notification("notifications/progress", p));
        });
  }

  private static ObjectNode callResult(ServedTool tool, ToolResult r) {
    ObjectNode result = JsonRpc.MAPPER.createObjectNode();
    result.putArray("content").addObject().put("type", "text").put("text", r.content());
    if (r.isError()) {
      result.put("isError", true);
    } else if (tool.outputSchema() != null) {
      try {
        JsonNode structured = JsonRpc.MAPPER.readTree(r.content());
        if (structured.isObject()) {
          result.set("structuredContent", structured);
        }
      } catch (Exception e) {
        // A truncated or non-JSON result has no structured form; the text still goes out.
      }
    }
    return result;
  }

  private void notification(ServerSession session, String method, JsonNode params) {
    if ("notifications/cancelled".equals(method)) {
      CancellableToolContext context = session.running.remove(params.path("requestId").toString());
      if (context != null) {
        LOG.debug(
            "mcp session {}: request {} cancelled: {}",
            session.id,
            params.path("requestId"),
            params.path("reason").asText());
        context.cancel();
      }
    }
  }
}
