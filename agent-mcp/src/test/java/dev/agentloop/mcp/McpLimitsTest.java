package dev.agentloop.mcp;

import static dev.agentloop.mcp.EverythingServerInteropTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every limit whose cost depends on what the other side sends. */
@ExtendWith(VertxExtension.class)
class McpLimitsTest {

  /** A tool whose result size the caller picks. */
  public static final class Big {
    @Tool(description = "Returns n characters")
    public String big(@Param(description = "how many") int n) {
      return "x".repeat(n);
    }
  }

  @Test
  @Timeout(10)
  void messagesLargerThanTheLimitFailTheCall(Vertx vertx) {
    McpServer server = McpServer.create(vertx, Toolbox.builder().add(new Big()).build(), new McpServerOptions());
    int port = server.listen(0, "127.0.0.1").await().actualPort();
    McpClient client =
        McpClient.connect(vertx, McpClientOptions.http("big", "http://127.0.0.1:" + port + "/mcp").setMaxMessageBytes(4096))
            .await();
    assertThat(client.callTool("big", json("{\"n\":1000}"), null, null).await().text()).hasSize(1000);
    assertThatThrownBy(() -> client.callTool("big", json("{\"n\":10000}"), null, null).await())
        .isInstanceOf(McpException.class)
        .hasMessage("mcp server `big` sent a message larger than 4096 bytes");
    client.close().await();
    server.close().await();
  }

  @Test
  @Timeout(10)
  void moreToolsThanTheLimitFailTheConnection(Vertx vertx) {
    McpServer server = McpServer.create(vertx, Toolbox.builder().add(new WeatherTools()).build(), new McpServerOptions());
    int port = server.listen(0, "127.0.0.1").await().actualPort();
    assertThatThrownBy(
            () ->
                McpClient.connect(vertx, McpClientOptions.http("w", "http://127.0.0.1:" + port + "/mcp").setMaxTools(2))
                    .await())
        .isInstanceOf(McpException.class)
        .hasMessage("mcp server `w` lists more than 2 tools; raise maxTools");
    server.close().await();
  }

  @Test
  @Timeout(10)
  void onlyTheTailOfStderrIsKept(Vertx vertx) {
    McpClientOptions options =
        McpClientOptions.stdio("noisy", "sh", "-c", "printf 'a%.0s' $(seq 1 5000) >&2; printf 'THE END' >&2; exit 1")
            .setMaxStderrChars(20);
    assertThatThrownBy(() -> McpClient.connect(vertx, options).await())
        .isInstanceOf(McpException.class)
        .hasMessage("mcp server `noisy` exited with code 1; stderr: aaaaaaaaaaaaaTHE END");
  }

  @Test
  @Timeout(10)
  void sessionsBeyondTheLimitDropTheLeastRecentlyUsed(Vertx vertx) {
    McpServer server =
        McpServer.create(vertx, Toolbox.builder().add(new WeatherTools()).build(), new McpServerOptions().setMaxSessions(2));
    int port = server.listen(0, "127.0.0.1").await().actualPort();
    String url = "http://127.0.0.1:" + port + "/mcp";
    McpClient first = McpClient.connect(vertx, McpClientOptions.http("a", url)).await();
    McpClient second = McpClient.connect(vertx, McpClientOptions.http("b", url)).await();
    McpClient third = McpClient.connect(vertx, McpClientOptions.http("c", url)).await();
    // The first session was dropped: its next call meets a 404 and starts a new session, which
    // in turn drops the least recently used one (the second).
    assertThat(first.callTool("forecast", json("{\"city\":\"Caen\"}"), null, null).await().text()).contains("Caen");
    assertThat(third.callTool("forecast", json("{\"city\":\"Vannes\"}"), null, null).await().text()).contains("Vannes");
    first.close().await();
    second.close().await();
    third.close().await();
    server.close().await();
  }

  @Test
  @Timeout(10)
  void resultsLongerThanTheLimitAreCutForTheModel(Vertx vertx) {
    McpServer server = McpServer.create(vertx, Toolbox.builder().add(new Big()).maxResultChars(100_000).build(), new McpServerOptions());
    int port = server.listen(0, "127.0.0.1").await().actualPort();
    McpClient client = McpClient.connect(vertx, McpClientOptions.http("big", "http://127.0.0.1:" + port + "/mcp")).await();
    String text =
        McpToolbox.of(client)
            .invoke(dev.agentloop.openrouter.ToolCall.of("c1", "big", "{\"n\":20005}"), dev.agentloop.tool.ToolContext.of(vertx, "r", "c1"))
            .await()
            .content();
    assertThat(text).hasSize(McpToolbox.DEFAULT_MAX_RESULT_CHARS + "…[truncated 5 more characters]".length());
    assertThat(text).endsWith("x…[truncated 5 more characters]");
    client.close().await();
    server.close().await();
  }
}
