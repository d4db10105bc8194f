package dev.agentloop.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.mcp.impl.JsonRpc;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Our server over stdio, driven line by line; and an agent served as a tool. */
@ExtendWith(VertxExtension.class)
class McpServerStdioTest {

  @Test
  @Timeout(10)
  void stdioSessionAnswersCancelsAndAnnouncesListChanges(Vertx vertx) throws Exception {
    WeatherTools tools = new WeatherTools();
    McpServer server = McpServer.create(vertx, Toolbox.builder().add(tools).build(), new McpServerOptions());
    PipedOutputStream toServer = new PipedOutputStream();
    PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
    PipedInputStream fromServer = new PipedInputStream(1 << 16);
    PipedOutputStream serverOut = new PipedOutputStream(fromServer);
    Future<Void> done = server.serveStdio(serverIn, serverOut);
    BufferedReader out = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));

    send(toServer, McpServerHttpTest.INIT);
    assertThat(JsonRpc.parse(out.readLine()).path("result").path("protocolVersion").asText()).isEqualTo("2025-06-18");
    send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":\"s1\",\"method\":\"tools/call\",\"params\":{\"name\":\"slow\",\"arguments\":{\"millis\":8000}}}");
    tools.slowStarted.future().await();
    send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"s1\",\"reason\":\"user\"}}");
    JsonNode cancelled = JsonRpc.parse(out.readLine());
    assertThat(cancelled.path("id").asText()).isEqualTo("s1");
    assertThat(cancelled.path("result").path("isError").asBoolean()).isTrue();
    // The tool's own cancellation listener may run just after the answer is written.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (tools.cancelled.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(tools.cancelled.get()).isEqualTo(1);

    send(toServer, "not json");
    assertThat(JsonRpc.parse(out.readLine()).path("error").path("code").asInt()).isEqualTo(-32700);

    server.setToolbox(Toolbox.builder().add(new McpLimitsTest.Big()).build());
    assertThat(JsonRpc.parse(out.readLine()).path("method").asText()).isEqualTo("notifications/tools/list_changed");
    send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}");
    assertThat(JsonRpc.parse(out.readLine()).path("result").path("tools").get(0).path("name").asText()).isEqualTo("big");

    toServer.close();
    done.await();
  }

  @Test
  @Timeout(10)
  void agentIsServedAsATool(Vertx vertx) {
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    fake.enqueue(MockChat.text("It is sunny in Paris."));
    OpenRouterClient client =
        OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey("sk-test").setBaseUrl(fake.baseUrl()));
    Agent agent = Agent.create(vertx, client, new AgentOptions().setModel("openai/gpt-4o-mini"));
    McpServer server =
        McpServer.create(vertx, Toolbox.builder().add(new WeatherTools()).build(),
            new McpServerOptions().addAgent("ask_weather", "Asks the weather agent", agent));
    int port = server.listen(0, "127.0.0.1").await().actualPort();
    McpClient mcp = McpClient.connect(vertx, McpClientOptions.http("w", "http://127.0.0.1:" + port + "/mcp")).await();
    McpTool ask = mcp.tools().stream().filter(t -> t.name().equals("ask_weather")).findFirst().orElseThrow();
    assertThat(ask.inputSchema().path("required").toString()).isEqualTo("[\"input\"]");
    McpCallResult answer =
        mcp.callTool("ask_weather", EverythingServerInteropTest.json("{\"input\":\"Weather in Paris?\"}"), null, null).await();
    assertThat(answer.isError()).isFalse();
    assertThat(answer.text()).isEqualTo("It is sunny in Paris.");
    assertThat(fake.requests().get(0).body().getJsonArray("messages").toString()).contains("Weather in Paris?");
    mcp.close().await();
    server.close().await();
    fake.close().await();
  }

  private static void send(PipedOutputStream to, String line) throws Exception {
    to.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    to.flush();
  }
}
