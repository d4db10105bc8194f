package dev.agentloop.mcp;

import static dev.agentloop.mcp.EverythingServerInteropTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.StopReason;
import dev.agentloop.mcp.impl.JsonRpc;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.ToolDefinition;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolSpec;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The failures other MCP clients are known for, each made to happen. */
@ExtendWith(VertxExtension.class)
class McpClientFailureTest {

  @Test
  @Timeout(10)
  void stdioServerThatExitsAtOnceIsReportedWithExitCodeAndStderr(Vertx vertx) {
    McpClientOptions options =
        McpClientOptions.stdio("broken", "sh", "-c", "echo 'mcp-server: missing config file' >&2; exit 127");
    assertThatThrownBy(() -> McpClient.connect(vertx, options).await())
        .isInstanceOf(McpException.class)
        .hasMessage("mcp server `broken` exited with code 127; stderr: mcp-server: missing config file");
  }

  @Test
  @Timeout(10)
  void stdioCommandThatCannotStartIsReported(Vertx vertx) {
    McpClientOptions options = McpClientOptions.stdio("ghost", "/nonexistent/mcp-server", "--stdio");
    assertThatThrownBy(() -> McpClient.connect(vertx, options).await())
        .isInstanceOf(McpException.class)
        .hasMessageStartingWith("mcp server `ghost` could not be started: ")
        .hasMessageEndingWith("; check the command: /nonexistent/mcp-server --stdio");
  }

  @Test
  @Timeout(10)
  void serverRestartBetweenCallsStartsANewSession(Vertx vertx) throws Exception {
    int port = Node.freePort();
    McpServer first = McpServer.create(vertx, Toolbox.builder().add(new WeatherTools()).build(), new McpServerOptions());
    first.listen(port, "127.0.0.1").await();
    McpClient client = McpClient.connect(vertx, McpClientOptions.http("weather", "http://127.0.0.1:" + port + "/mcp")).await();
    assertThat(client.callTool("forecast", json("{\"city\":\"Lyon\"}"), null, null).await().text()).contains("Lyon");
    first.close().await();
    McpServer second = McpServer.create(vertx, Toolbox.builder().add(new WeatherTools()).build(), new McpServerOptions());
    second.listen(port, "127.0.0.1").await();
    // The old session is unknown to the new server (404): the client initialises again and retries.
    assertThat(client.callTool("forecast", json("{\"city\":\"Nice\"}"), null, null).await().text()).contains("Nice");
    assertThat(client.callTool("forecast", json("{\"city\":\"Metz\"}"), null, null).await().text()).contains("Metz");
    client.close().await();
    second.close().await();
  }

  @Test
  @Timeout(10)
  void clashingToolNamesAreNamespacedPerServer(Vertx vertx) {
    McpServer a = McpServer.create(vertx, Toolbox.builder().add(new WeatherTools()).build(), new McpServerOptions());
    McpServer b = McpServer.create(vertx, Toolbox.builder().add(new WeatherTools()).build(), new McpServerOptions());
    int pa = a.listen(0, "127.0.0.1").await().actualPort();
    int pb = b.listen(0, "127.0.0.1").await().actualPort();
    McpClient ca = McpClient.connect(vertx, McpClientOptions.http("alpha", "http://127.0.0.1:" + pa + "/mcp")).await();
    McpClient cb = McpClient.connect(vertx, McpClientOptions.http("beta", "http://127.0.0.1:" + pb + "/mcp")).await();
    Toolbox local = Toolbox.builder().add(new Object() {
      @dev.agentloop.tool.Tool(description = "Local forecast")
      public String forecast(String city) {
        return "local " + city;
      }
    }).build();
    McpToolbox toolbox = McpToolbox.of(local, List.of(ca, cb));
    assertThat(toolbox.specs())
        .extracting(ToolSpec::name)
        .containsExactly(
            "forecast", "alpha_forecast", "alpha_broken", "alpha_slow", "beta_forecast", "beta_broken", "beta_slow");
    ToolContext ctx = ToolContext.of(vertx, "run", "c1");
    assertThat(toolbox.invoke(ToolCall.of("c1", "forecast", "{\"city\":\"Pau\"}"), ctx).await().content())
        .isEqualTo("local Pau");
    assertThat(toolbox.invoke(ToolCall.of("c2", "beta_forecast", "{\"city\":\"Pau\"}"), ctx).await().content())
        .isEqualTo("{\"city\":\"Pau\",\"celsius\":21,\"sky\":\"sunny\"}");
    ca.close().await();
    cb.close().await();
    a.close().await();
    b.close().await();
  }

  @Test
  @Timeout(10)
  void rootAnyOfSchemaIsPassedThroughAndValidated(Vertx vertx) throws Exception {
    JsonNode anyOf =
        JsonRpc.parse(
            "{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]},"
                + "{\"type\":\"object\",\"properties\":{\"lat\":{\"type\":\"number\"},\"lon\":{\"type\":\"number\"}},"
                + "\"required\":[\"lat\",\"lon\"]}]}");
    McpServer server = McpServer.create(vertx, new AnyOfToolbox(anyOf), new McpServerOptions());
    int port = server.listen(0, "127.0.0.1").await().actualPort();
    McpClient client = McpClient.connect(vertx, McpClientOptions.http("geo", "http://127.0.0.1:" + port + "/mcp")).await();
    McpToolbox toolbox = McpToolbox.of(client);
    assertThat(toolbox.specs().get(0).parameters()).isEqualTo(anyOf);
    ToolDefinition sent = toolbox.definitions().get(0);
    assertThat(sent.function().parameters()).isEqualTo(anyOf);
    ToolContext ctx = ToolContext.of(vertx, "run", "c1");
    assertThat(toolbox.invoke(ToolCall.of("c1", "locate", "{\"lat\":1.5,\"lon\":2}"), ctx).await().content())
        .isEqualTo("located {\"lat\":1.5,\"lon\":2}");
    ToolResult bad = toolbox.invoke(ToolCall.of("c2", "locate", "{\"lat\":1.5}"), ctx).await();
    assertThat(bad.error()).isEqualTo(ToolResult.ErrorKind.INVALID_ARGUMENTS);
    assertThat(bad.content()).startsWith("invalid arguments for tool `locate`: ");
    client.close().await();
    server.close().await();
  }

  @Test
  @Timeout(10)
  void cancelledRunCancelsTheCallInFlightOnTheServer(Vertx vertx) throws Exception {
    WeatherTools tools = new WeatherTools();
    McpServer server = McpServer.create(vertx, Toolbox.builder().add(tools).build(), new McpServerOptions());
    int port = server.listen(0, "127.0.0.1").await().actualPort();
    McpClient mcp = McpClient.connect(vertx, McpClientOptions.http("weather", "http://127.0.0.1:" + port + "/mcp")).await();
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    fake.enqueue(MockChat.toolCall("slow", "{\"millis\":8000}"));
    OpenRouterClient client =
        OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey("sk-test").setBaseUrl(fake.baseUrl()));
    Agent agent =
        Agent.create(vertx, client, new AgentOptions().setModel("openai/gpt-4o-mini").setToolbox(McpToolbox.of(mcp)));
    AgentRun run = agent.start(RunRequest.of("take your time"));
    tools.slowStarted.future().await();
    run.cancel();
    AgentResult result = run.result().await();
    assertThat(result.stopReason()).isEqualTo(StopReason.CANCELLED);
    // Only notifications/cancelled cancels a call on our server: the tool saw it.
    for (int i = 0; i < 100 && tools.cancelled.get() == 0; i++) {
      vertx.timer(20).await();
    }
    assertThat(tools.cancelled.get()).isEqualTo(1);
    mcp.close().await();
    server.close().await();
    fake.close().await();
  }

  /** A toolbox whose one tool has a root anyOf schema, as some MCP servers publish. */
  record AnyOfToolbox(JsonNode schema) implements Toolbox {
    @Override
    public List<ToolSpec> specs() {
      return List.of(new ToolSpec("locate", "Locates a place", schema, false, Duration.ofSeconds(5), false, false));
    }

    @Override
    public List<ToolDefinition> definitions() {
      return specs().stream().map(ToolSpec::definition).toList();
    }

    @Override
    public Optional<ToolSpec> find(String name) {
      return specs().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public Future<ToolResult> invoke(ToolCall call, ToolContext context) {
      return Future.succeededFuture(
          ToolResult.success(call.id(), "locate", "located " + call.function().arguments(), Duration.ZERO));
    }
  }
}
