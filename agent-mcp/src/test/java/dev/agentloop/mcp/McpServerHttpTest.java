package dev.agentloop.mcp;

import static dev.agentloop.mcp.EverythingServerInteropTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.tool.Toolbox;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Our server over Streamable HTTP, driven by our client and by raw requests. */
@ExtendWith(VertxExtension.class)
class McpServerHttpTest {

  static final String INIT =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
          + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  Vertx vertx;
  WeatherTools tools;
  McpServer server;
  int port;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    tools = new WeatherTools();
    server =
        McpServer.create(
            vertx,
            Toolbox.builder().add(tools).build(),
            new McpServerOptions()
                .addOutputSchemasOf(WeatherTools.class)
                .setProgressInterval(Duration.ofMillis(50))
                .setMaxRequestBytes(2048)
                .addAllowedHost("127.0.0.1"));
    port = server.listen(0, "127.0.0.1").await().actualPort();
  }

  @AfterEach
  void stop() {
    server.close().await();
  }

  String url() {
    return "http://127.0.0.1:" + port + "/mcp";
  }

  @Test
  @Timeout(10)
  void clientListsAndCallsToolsWithStructuredContentErrorsAndProgress() {
    McpClient client = McpClient.connect(vertx, McpClientOptions.http("weather", url())).await();
    assertThat(client.serverInfo().path("name").asText()).isEqualTo("agentloop");
    assertThat(client.tools()).extracting(McpTool::name).containsExactly("forecast", "broken", "slow");
    McpTool forecast = client.tools().get(0);
    assertThat(forecast.inputSchema().path("required").toString()).isEqualTo("[\"city\"]");
    assertThat(forecast.outputSchema().path("properties").has("celsius")).isTrue();
    assertThat(client.tools().get(1).outputSchema()).isNull();

    McpCallResult paris = client.callTool("forecast", json("{\"city\":\"Paris\"}"), null, null).await();
    assertThat(paris.isError()).isFalse();
    assertThat(paris.structuredContent().toString()).isEqualTo("{\"city\":\"Paris\",\"celsius\":21,\"sky\":\"sunny\"}");

    McpCallResult broken = client.callTool("broken", json("{\"input\":\"x\"}"), null, null).await();
    assertThat(broken.isError()).isTrue();
    assertThat(broken.text()).contains("the weather station is offline");

    McpCallResult invalid = client.callTool("forecast", json("{}"), null, null).await();
    assertThat(invalid.isError()).isTrue();
    assertThat(invalid.text()).isEqualTo("invalid arguments for tool `forecast`: missing required argument `city`");

    List<McpProgress> progress = new CopyOnWriteArrayList<>();
    McpCallResult slow = client.callTool("slow", json("{\"millis\":400}"), progress::add, null).await();
    assertThat(slow.text()).isEqualTo("slept 400 ms");
    assertThat(progress).hasSizeGreaterThanOrEqualTo(3);
    assertThat(progress.get(0).progress()).isEqualTo(1.0);
    assertThat(progress.get(0).message()).startsWith("running for ");

    assertThatThrownBy(() -> client.callTool("nope", json("{}"), null, null).await())
        .isInstanceOf(McpException.class)
        .hasMessage("mcp server `weather` answered with error -32602: unknown tool: nope");
    client.close().await();
  }

  @Test
  @Timeout(10)
  void toolListChangesReachClientsOverTheGetStream() {
    McpClient client = McpClient.connect(vertx, McpClientOptions.http("weather", url())).await();
    McpToolbox toolbox = McpToolbox.of(client);
    // Registered after the toolbox's own handler, so the toolbox has changed when this runs.
    Promise<List<McpTool>> changed = Promise.promise();
    client.toolsChangedHandler(changed::tryComplete);
    assertThat(toolbox.specs()).hasSize(3);
    // The GET stream opens right after initialisation; give it a moment to be registered.
    vertx.timer(200).await();
    server.setToolbox(Toolbox.builder().add(new Object() {
      @dev.agentloop.tool.Tool(description = "Says hi")
      public String hello() {
        return "hi";
      }
    }).build());
    assertThat(changed.future().await()).extracting(McpTool::name).containsExactly("hello");
    assertThat(toolbox.specs()).extracting(s -> s.name()).containsExactly("hello");
    client.close().await();
  }

  @Test
  @Timeout(10)
  void invalidOriginIsForbidden() {
    Reply r = post(INIT, Map.of("Origin", "http://evil.example"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("forbidden: origin not allowed: http://evil.example");
    assertThat(post(INIT, Map.of("Origin", "http://localhost:3000")).statusCode()).isEqualTo(200);
  }

  @Test
  @Timeout(10)
  void unknownHostIsMisdirected() {
    Reply r = post(INIT, Map.of("Host", "attacker.example:" + port));
    assertThat(r.statusCode()).isEqualTo(421);
  }

  @Test
  @Timeout(10)
  void unknownSessionIs404AndMissingSessionIs400() {
    String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
    assertThat(post(list, Map.of("Mcp-Session-Id", "gone")).statusCode()).isEqualTo(404);
    assertThat(post(list, Map.of()).statusCode()).isEqualTo(400);
    Reply init = post(INIT, Map.of());
    assertThat(init.getHeader("Mcp-Session-Id")).isNotBlank();
    assertThat(init.body()).contains("\"protocolVersion\":\"2025-06-18\"");
    assertThat(post(list, Map.of("Mcp-Session-Id", init.getHeader("Mcp-Session-Id"), "MCP-Protocol-Version", "1999-01-01")).statusCode())
        .isEqualTo(400);
  }

  @Test
  @Timeout(10)
  void bodiesOverTheLimitAreRefused() {
    String big = INIT.replace("\"raw\"", "\"" + "x".repeat(3000) + "\"");
    assertThat(post(big, Map.of()).statusCode()).isEqualTo(413);
  }

  @Test
  @Timeout(10)
  void bearerTokenIsRequiredWhenConfigured() {
    McpServer guarded =
        McpServer.create(vertx, Toolbox.builder().add(tools).build(), new McpServerOptions().addToken("s3cret"));
    int guardedPort = guarded.listen(0, "127.0.0.1").await().actualPort();
    assertThatThrownBy(
            () -> McpClient.connect(vertx, McpClientOptions.http("g", "http://127.0.0.1:" + guardedPort + "/mcp")).await())
        .isInstanceOf(McpException.class)
        .hasMessageStartingWith("http 401 from mcp server `g`");
    McpClient ok =
        McpClient.connect(
                vertx,
                McpClientOptions.http("g", "http://127.0.0.1:" + guardedPort + "/mcp")
                    .putHeader("Authorization", "Bearer s3cret"))
            .await();
    assertThat(ok.tools()).hasSize(3);
    ok.close().await();
    guarded.close().await();
  }

  /** A response read in full. */
  record Reply(int statusCode, io.vertx.core.MultiMap headers, String body) {
    String getHeader(String name) {
      return headers.get(name);
    }
  }

  Reply post(String body, Map<String, String> headers) {
    HttpClient http = vertx.createHttpClient();
    RequestOptions options =
        new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url())
            .putHeader("Content-Type", "application/json")
            .putHeader("Accept", "application/json, text/event-stream");
    headers.forEach(options::putHeader);
    return http.request(options)
        .compose(req -> req.send(Buffer.buffer(body)))
        .compose(r -> r.body().map(b -> new Reply(r.statusCode(), r.headers(), b.toString())))
        .await();
  }
}
