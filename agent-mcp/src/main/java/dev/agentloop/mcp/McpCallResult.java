package dev.agentloop.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of a {@code tools/call}.
 *
 * @param content the content blocks ({@code text}, {@code image}, {@code resource_link}, ...)
 * @param structuredContent the structured result, or null
 * @param isError whether the tool reported a failure
 */
public record McpCallResult(
    ArrayNode content, @Nullable JsonNode structuredContent, boolean isError) {

  /** Validates the components. */
  public McpCallResult {
    Objects.requireNonNull(content, "content == null");
  }

  /**
   * Returns what the model reads: the structured content as JSON when there is some and the call
   * succeeded, otherwise the text blocks joined by newlines, with a placeholder such as {@code
   * [image image/png]} for every other block.
   */
  public String text() {
    if (structuredContent != null && !isError) {
      return structuredContent.toString();
    }
    StringBuilder b = new StringBuilder();
    for (JsonNode block : content) {
      if (b.length() > 0) {
        b.append('\n');
      }
      String type = block.path("type").asText();
      switch (type) {
        case "text" -> b.append(block.path("text").asText());
        case "image", "audio" ->
            b.append('[')
                .append(type)
                .append(' ')
                .append(block.path("mimeType").asText())
                .append(']');
        case "resource_link" ->
            b.append("[resource ").append(block.path("uri").asText()).append(']');
        case "resource" -> {
          JsonNode resource = block.path("resource");
          b.append(
              resource.has("text")
                  ? resource.path("text").asText()
                  : "[resource " + resource.path("uri").asText() + "]");
        }
        default -> b.append(block);
      }
    }
    return b.toString();
  }
}
