package dev.agentloop.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class McpClientOptionsTest {

  @Test
  void parsesCommandsAndUrls() {
    McpClientOptions npx = McpClientOptions.parse("npx -y @modelcontextprotocol/server-everything@2026.8.31");
    assertThat(npx.getName()).isEqualTo("server-everything");
    assertThat(npx.getCommand()).containsExactly("npx", "-y", "@modelcontextprotocol/server-everything@2026.8.31");
    assertThat(npx.getUrl()).isNull();
    McpClientOptions quoted = McpClientOptions.parse("sh -c \"echo hi; exit 3\"");
    assertThat(quoted.getName()).isEqualTo("sh");
    assertThat(quoted.getCommand()).containsExactly("sh", "-c", "echo hi; exit 3");
    McpClientOptions http = McpClientOptions.parse("https://tools.example.com/mcp");
    assertThat(http.getName()).isEqualTo("tools_example_com");
    assertThat(http.getUrl()).hasToString("https://tools.example.com/mcp");
    assertThat(http.getCommand()).isEmpty();
  }

  @Test
  void rejectsBadSpecsAndLimits() {
    assertThatThrownBy(() -> McpClientOptions.parse(" ")).hasMessage("mcp server spec must not be blank");
    assertThatThrownBy(() -> McpClientOptions.parse("sh -c \"open")).hasMessage("unbalanced quote in mcp server spec: sh -c \"open");
    assertThatThrownBy(() -> new McpClientOptions("a b")).hasMessage("name must be 1 to 32 letters, digits, _ or -: a b");
    assertThatThrownBy(() -> McpClientOptions.http("x", "ftp://h/mcp")).hasMessage("url must be http or https: ftp://h/mcp");
    assertThatThrownBy(() -> new McpClientOptions("x").setMaxMessageBytes(10)).hasMessage("maxMessageBytes must be >= 1024: 10");
  }
}
