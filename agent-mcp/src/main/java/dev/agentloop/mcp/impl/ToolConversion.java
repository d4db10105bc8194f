package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.mcp.McpCallResult;
import dev.agentloop.mcp.McpTool;

/** Reads tools from the wire: schemas are kept exactly as sent. */
final class ToolConversion {

  private ToolConversion() {}

  static McpTool fromWire(JsonNode t) {
    JsonNode input = t.get("inputSchema");
    return new McpTool(
        t.path("name").asText(),
        t.hasNonNull("title") ? t.get("title").asText() : null,
        t.path("description").asText(""),
        input == null || input.isNull()
            ? JsonRpc.MAPPER.createObjectNode().put("type", "object")
            : input,
        t.hasNonNull("outputSchema") ? t.get("outputSchema") : null,
        t.hasNonNull("annotations") ? t.get("annotations") : null);
  }

  /** Reads a tools/call result. */
  static McpCallResult toResult(JsonNode result) {
    JsonNode content = result.path("content");
    JsonNode structured = result.get("structuredContent");
    return new McpCallResult(
        content.isArray()
            ? (com.fasterxml.jackson.databind.node.ArrayNode) content
            : JsonRpc.MAPPER.createArrayNode(),
        structured == null || structured.isNull() ? null : structured,
        result.path("isError").asBoolean(false));
  }
}
