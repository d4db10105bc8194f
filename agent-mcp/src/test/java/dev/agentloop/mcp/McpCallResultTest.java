package dev.agentloop.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.agentloop.mcp.impl.JsonRpc;
import org.junit.jupiter.api.Test;

class McpCallResultTest {

  @Test
  void textJoinsBlocksWithPlaceholdersAndPrefersStructuredContent() throws Exception {
    ArrayNode content =
        (ArrayNode)
            JsonRpc.parse(
                "[{\"type\":\"text\",\"text\":\"one\"},{\"type\":\"image\",\"mimeType\":\"image/png\",\"data\":\"AAA\"},"
                    + "{\"type\":\"resource_link\",\"uri\":\"file:///a.txt\"},"
                    + "{\"type\":\"resource\",\"resource\":{\"uri\":\"x:1\",\"text\":\"inline\"}}]");
    assertThat(new McpCallResult(content, null, false).text())
        .isEqualTo("one\n[image image/png]\n[resource file:///a.txt]\ninline");
    assertThat(new McpCallResult(content, JsonRpc.parse("{\"a\":1}"), false).text()).isEqualTo("{\"a\":1}");
    // A failure is explained by its text, not by a structured body.
    assertThat(new McpCallResult(content, JsonRpc.parse("{\"a\":1}"), true).text()).startsWith("one\n");
  }
}
