package dev.agentloop.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tool as an MCP server lists it.
 *
 * @param name the tool's name on its server
 * @param title a human-readable title, or null
 * @param description the description for the model (empty when the server gave none)
 * @param inputSchema the JSON Schema of the arguments, exactly as the server sent it
 * @param outputSchema the JSON Schema of {@code structuredContent}, or null
 * @param annotations the server's hints ({@code readOnlyHint}, {@code destructiveHint}, ...), or
 *     null
 */
public record McpTool(
    String name,
    @Nullable String title,
    String description,
    JsonNode inputSchema,
    @Nullable JsonNode outputSchema,
    @Nullable JsonNode annotations) {

  /** Validates the components. */
  public McpTool {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(inputSchema, "inputSchema == null");
  }
}
