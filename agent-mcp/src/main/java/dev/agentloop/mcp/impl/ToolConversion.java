package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.databind.JsonNode;
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
}
