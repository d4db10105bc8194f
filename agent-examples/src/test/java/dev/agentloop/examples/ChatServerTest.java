package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ChatServer} and its {@link ChatServerOptions}. */
@ExtendWith(VertxExtension.class)
class ChatServerTest {

  @Test
  @Timeout(20)
  void idleTimeoutNeverCutsARunInProgress(Vertx vertx) {
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    fake.enqueue(MockResponse.chat(MockChat.text("Slow but sure.")).newBuilder()
        .headersDelay(Duration.ofMillis(1500)).build());
    OpenRouterClient client = OpenRouterClient.create(vertx,
        new OpenRouterOptions().setApiKey("sk-test").setBaseUrl(fake.baseUrl()));
    Agent agent = Agent.create(vertx, client, new AgentOptions().setModel("openai/gpt-4o-mini"));
    ChatServer server = ChatServer.start(vertx, "slow", agent,
        new ChatServerOptions().setPort(0).setIdleTimeout(Duration.ofMillis(300))).await();
    WebClient http = WebClient.create(vertx);
    try {
      HttpResponse<Buffer> response = http.post(server.port(), "127.0.0.1", "/agents/slow/run")
          .putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer("{\"prompt\":\"Hi\"}")).await();

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getString("text")).isEqualTo("Slow but sure.");
    } finally {
      http.close();
      server.close().await();
      client.close().await();
      fake.close().await();
    }
  }

  @Test
  void tokenIsRequiredOffLoopback(Vertx vertx) {
    ChatServerOptions open = new ChatServerOptions().setHost("0.0.0.0").setPort(0);

    assertThatThrownBy(() -> ChatServer.start(vertx, "a", null, open))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a token is required when the host is not a loopback address: 0.0.0.0");
    assertThatThrownBy(() -> new ChatServerOptions().setToken("short"))
        .hasMessage("the token must have at least 16 characters: 5");
    assertThat(new ChatServerOptions().setHost("localhost").isLoopback()).isTrue();
    assertThat(new ChatServerOptions().setHost("192.168.1.5").isLoopback()).isFalse();
  }
}
