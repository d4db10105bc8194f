package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.schema.JsonSchemas;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** JSON-RPC 2.0 messages as MCP uses them, and the protocol versions we speak. */
public final class JsonRpc {

  /** The shared mapper. */
  public static final ObjectMapper MAPPER = JsonSchemas.objectMapper();

  /** The protocol versions we speak, newest first. */
  public static final List<String> VERSIONS =
      List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

  /** Parse error. */
  public static final int PARSE_ERROR = -32700;

  /** Invalid request. */
  public static final int INVALID_REQUEST = -32600;

  /** Method not found. */
  public static final int METHOD_NOT_FOUND = -32601;

  /** Invalid params (MCP: unknown tool). */
  public static final int INVALID_PARAMS = -32602;

  /** Internal error. */
  public static final int INTERNAL_ERROR = -32603;

  private JsonRpc() {}

  /** A request. */
  public static ObjectNode request(Object id, String method, @Nullable JsonNode params) {
    ObjectNode n = notification(method, params);
    if (id instanceof Number number) {
      n.put("id", number.longValue());
    } else {
      n.put("id", id.toString());
    }
    return n;
  }

  /** A notification (no id). */
  public static ObjectNode notification(String method, @Nullable JsonNode params) {
    ObjectNode n = MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", method);
    if (params != null) {
      n.set("params", params);
    }
    return n;
  }

  /** A success response. */
  public static ObjectNode result(JsonNode id, JsonNode result) {
    ObjectNode n = MAPPER.createObjectNode().put("jsonrpc", "2.0");
    n.set("id", id);
    n.set("result", result);
    return n;
  }

  /** An error response. */
  public static ObjectNode error(@Nullable JsonNode id, int code, String message) {
    ObjectNode n = MAPPER.createObjectNode().put("jsonrpc", "2.0");
    n.set("id", id == null ? MAPPER.nullNode() : id);
    n.putObject("error").put("code", code).put("message", message);
    return n;
  }

  /** Whether a message is a request (has a method and an id). */
  public static boolean isRequest(JsonNode m) {
    return m.hasNonNull("method") && m.has("id") && !m.get("id").isNull();
  }

  /** Whether a message is a notification (a method, no id). */
  public static boolean isNotification(JsonNode m) {
    return m.hasNonNull("method") && (!m.has("id") || m.get("id").isNull());
  }

  /** Whether a message is a response (a result or an error, no method). */
  public static boolean isResponse(JsonNode m) {
    return !m.has("method") && (m.has("result") || m.has("error"));
  }

  /** Parses one message. */
  public static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /** Writes a message on one line. */
  public static String write(JsonNode message) {
    try {
      return MAPPER.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a json-rpc message: " + e.getMessage(), e);
    }
  }

  /** The protocol version to answer with: the client's when we speak it, else our newest. */
  public static String negotiate(@Nullable String requested) {
    return requested != null && VERSIONS.contains(requested) ? requested : VERSIONS.get(0);
  }
}
