package dev.agentloop.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.mcp.impl.JsonRpc;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.tool.ToolResult;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Our client against the reference server {@code @modelcontextprotocol/server-everything}. */
@ExtendWith(VertxExtension.class)
class EverythingServerInteropTest {

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  void agentRunCallsReferenceServerToolOverStdio(Vertx vertx) throws Exception {
    Node.assumeInstalled();
    McpClient everything =
        McpClient.connect(vertx, new McpClientOptions("everything").setCommand(Node.everythingStdio()))
            .await();
    try {
      assertAgentCallsGetSum(vertx, everything);
    } finally {
      everything.close().await();
    }
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  void agentRunCallsReferenceServerToolOverStreamableHttp(Vertx vertx) throws Exception {
    Node.assumeInstalled();
    int port = Node.freePort();
    Process server = Node.everythingHttp(port);
    try {
      McpClient everything =
          McpClient.connect(vertx, McpClientOptions.http("everything", "http://127.0.0.1:" + port + "/mcp"))
              .await();
      assertThat(everything.protocolVersion()).isEqualTo(JsonRpc.VERSIONS.get(0));
      assertAgentCallsGetSum(vertx, everything);
      everything.close().await();
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  void structuredContentAndProgressFromReferenceServer(Vertx vertx) throws Exception {
    Node.assumeInstalled();
    McpClient everything =
        McpClient.connect(vertx, new McpClientOptions("everything").setCommand(Node.everythingStdio()))
            .await();
    try {
      McpTool structured =
          everything.tools().stream().filter(t -> t.name().equals("get-structured-content")).findFirst().orElseThrow();
      assertThat(structured.outputSchema()).isNotNull();
      McpCallResult weather =
          everything
              .callTool("get-structured-content", json("{\"location\":\"Chicago\"}"), null, null)
              .await();
      assertThat(weather.isError()).isFalse();
      assertThat(weather.structuredContent()).isNotNull();
      assertThat(weather.text()).isEqualTo(weather.structuredContent().toString());
      assertThat(weather.structuredContent().has("temperature")).isTrue();

      List<McpProgress> progress = new CopyOnWriteArrayList<>();
      McpCallResult done =
          everything
              .callTool("trigger-long-running-operation", json("{\"duration\":0.3,\"steps\":3}"), progress::add, null)
              .await();
      assertThat(done.text()).isEqualTo("Long running operation completed. Duration: 0.3 seconds, Steps: 3.");
      assertThat(progress).extracting(McpProgress::progress).containsExactly(1.0, 2.0, 3.0);
      assertThat(progress).extracting(McpProgress::total).containsOnly(3.0);
    } finally {
      everything.close().await();
    }
  }

  private static void assertAgentCallsGetSum(Vertx vertx, McpClient everything) {
    assertThat(everything.serverInfo().path("name").asText()).isNotEmpty();
    McpTool sum = everything.tools().stream().filter(t -> t.name().equals("get-sum")).findFirst().orElseThrow();
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    fake.enqueue(MockChat.toolCall("get-sum", "{\"a\":2,\"b\":40}"));
    fake.enqueue(MockChat.text("2 + 40 = 42"));
    OpenRouterClient client =
        OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey("sk-test").setBaseUrl(fake.baseUrl()));
    Agent agent =
        Agent.create(
            vertx,
            client,
            new AgentOptions().setModel("openai/gpt-4o-mini").setToolbox(McpToolbox.of(everything)));
    AgentResult result = agent.run("what is 2 + 40?").await();
    assertThat(result.text()).isEqualTo("2 + 40 = 42");
    List<ToolResult> calls = result.toolExecutions().stream().map(e -> e.result()).toList();
    assertThat(calls).extracting(ToolResult::content).containsExactly("The sum of 2 and 40 is 42.");
    JsonObject first = fake.requests().get(0).body();
    JsonObject sent =
        first.getJsonArray("tools").stream()
            .map(JsonObject.class::cast)
            .filter(t -> t.getJsonObject("function").getString("name").equals("get-sum"))
            .findFirst()
            .orElseThrow();
    // The schema goes to the model exactly as the server wrote it.
    assertThat(sent.getJsonObject("function").getJsonObject("parameters"))
        .isEqualTo(new JsonObject(sum.inputSchema().toString()));
    fake.close().await();
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) JsonRpc.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
