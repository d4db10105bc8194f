package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.mcp.McpServer;
import dev.agentloop.mcp.McpServerOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code agentloop run --mcp} and {@code agentloop mcp}. */
@ExtendWith(VertxExtension.class)
class McpCommandTest {

  /** A tool served by a test MCP server. */
  public static final class Tides {
    @Tool(description = "High tide time in a port")
    public String tide(@Param(description = "the port") String port) {
      return "high tide in " + port + " at 14:05";
    }
  }

  @Test
  void runAddsTheToolsOfAnMcpServer(Vertx vertx) {
    McpServer server = McpServer.create(vertx, Toolbox.builder().add(new Tides()).build(), new McpServerOptions());
    int port = server.listen(0, "127.0.0.1").await().actualPort();
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    fake.enqueue(MockChat.toolCall("tide", "{\"port\":\"Brest\"}"));
    fake.enqueue(MockChat.text("High tide at 14:05."));

    CliRunner.Output o =
        CliRunner.online(
            fake.baseUrl(), "run", "--no-stream", "--mcp", "http://127.0.0.1:" + port + "/mcp", "weather", "Tide in Brest?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("High tide at 14:05.\n");
    JsonObject second = fake.requests().get(1).body();
    JsonObject toolMessage = second.getJsonArray("messages").getJsonObject(second.getJsonArray("messages").size() - 1);
    assertThat(toolMessage.getString("content")).isEqualTo("high tide in Brest at 14:05");
    assertThat(fake.requests().get(0).tools())
        .extracting(t -> ((JsonObject) t).getJsonObject("function").getString("name"))
        .contains("weather", "tide");
    fake.close().await();
    server.close().await();
  }

  @Test
  void runReportsAnMcpServerThatExits() {
    CliRunner.Output o =
        CliRunner.offline("run", "--mcp", "sh -c \"echo 'no such server' >&2; exit 3\"", "weather", "hi");

    assertThat(o.exit()).isNotZero();
    assertThat(o.err()).contains("mcp server `sh` exited with code 3; stderr: no such server");
  }

  @Test
  void mcpServesAnExampleOverStdioWithOnlyProtocolOnStdout() {
    String stdin =
        String.join(
            "\n",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"weather\",\"arguments\":{\"city\":\"Paris\"}}}",
            "");

    CliRunner.Output o = CliRunner.run(Map.of(), stdin, "mcp", "weather");

    assertThat(o.exit()).as(o.toString()).isZero();
    List<JsonObject> lines = Arrays.stream(o.out().split("\n")).map(JsonObject::new).toList();
    assertThat(lines).extracting(l -> l.getInteger("id")).containsExactlyInAnyOrder(1, 2, 3);
    JsonObject list = lines.stream().filter(l -> l.getInteger("id") == 2).findFirst().orElseThrow();
    assertThat(list.getJsonObject("result").getJsonArray("tools").stream()
            .map(t -> ((JsonObject) t).getString("name")).toList())
        .contains("weather", "ask_weather");
    JsonObject call = lines.stream().filter(l -> l.getInteger("id") == 3).findFirst().orElseThrow();
    assertThat(call.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"))
        .contains("Paris");
    assertThat(o.err()).contains("serving weather over MCP stdio");
  }
}
