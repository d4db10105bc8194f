package dev.agentloop.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.mcp.impl.JsonRpc;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The official TypeScript SDK's client ({@code @modelcontextprotocol/sdk}) against our server. */
@ExtendWith(VertxExtension.class)
class TypeScriptClientInteropTest {

  static McpServer server(Vertx vertx) {
    return McpServer.create(
        vertx,
        Toolbox.builder().add(new WeatherTools()).build(),
        new McpServerOptions()
            .setName("weather")
            .addOutputSchemasOf(WeatherTools.class)
            .setProgressInterval(Duration.ofMillis(50)));
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  void officialClientInitialisesListsCallsAndStartsANewSessionAfterRestart(Vertx vertx) throws Exception {
    Node.assumeInstalled();
    int port = Node.freePort();
    McpServer server = server(vertx);
    server.listen(port, "127.0.0.1").await();
    Process node = Node.script("ts-client.mjs", "http://127.0.0.1:" + port + "/mcp");
    try (BufferedReader lines =
            new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        OutputStream stdin = node.getOutputStream()) {
      JsonNode init = next(lines, "initialize");
      assertThat(init.path("server").path("name").asText()).isEqualTo("weather");
      assertThat(init.path("capabilities").path("tools").path("listChanged").asBoolean()).isTrue();

      JsonNode list = next(lines, "list");
      assertThat(list.path("tools").toString()).isEqualTo("[\"forecast\",\"broken\",\"slow\"]");
      assertThat(list.path("outputSchema").asText()).isEqualTo("object");

      // The SDK validates structuredContent against the output schema; a mismatch would throw.
      JsonNode call = next(lines, "call");
      assertThat(call.path("structured").toString()).isEqualTo("{\"city\":\"Oslo\",\"celsius\":21,\"sky\":\"sunny\"}");
      assertThat(call.path("isError").asBoolean()).isFalse();

      JsonNode error = next(lines, "error");
      assertThat(error.path("isError").asBoolean()).isTrue();
      assertThat(error.path("text").asText()).contains("the weather station is offline");

      JsonNode progress = next(lines, "progress");
      assertThat(progress.path("text").asText()).isEqualTo("slept 400 ms");
      assertThat(progress.path("progress").asInt()).isGreaterThanOrEqualTo(3);

      next(lines, "ready-for-restart");
      server.close().await();
      McpServer restarted = server(vertx);
      restarted.listen(port, "127.0.0.1").await();
      stdin.write('\n');
      stdin.flush();

      JsonNode again = next(lines, "reinitialized");
      assertThat(again.path("firstError").path("code").asInt()).isEqualTo(404);
      assertThat(again.path("structured").path("city").asText()).isEqualTo("Rome");
      assertThat(node.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(node.exitValue()).isZero();
      restarted.close().await();
    } finally {
      node.destroy();
    }
  }

  private static JsonNode next(BufferedReader lines, String step) throws Exception {
    String line = lines.readLine();
    assertThat(line).as("the node client ended before step " + step).isNotNull();
    JsonNode node = JsonRpc.parse(line);
    assertThat(node.path("step").asText()).as(line).isEqualTo(step);
    return node;
  }
}
