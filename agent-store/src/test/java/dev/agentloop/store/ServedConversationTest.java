package dev.agentloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.vertx.AgentService;
import dev.agentloop.vertx.AgentServiceClient;
import dev.agentloop.vertx.AgentServiceRequest;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A served conversation lives in the agent's run store and survives a server restart. */
@ExtendWith(VertxExtension.class)
class ServedConversationTest {

  @TempDir Path dir;

  @Test
  @Timeout(30) // the first run of the JVM loads the o200k token table
  void conversationContinuesAfterTheServerRestarts(Vertx vertx) {
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    fake.enqueue(MockChat.text("Hello Ada."));
    fake.enqueue(MockChat.text("Your name is Ada."));
    OpenRouterClient client = OpenRouterClient.create(vertx,
        new OpenRouterOptions().setApiKey("sk-test").setBaseUrl(fake.baseUrl()));
    String spec = "sqlite:" + dir.resolve("serve.db");

    JdbcRunStore first = JdbcRunStore.open(vertx, spec).await();
    MessageConsumer<JsonObject> served = serve(vertx, client, first);
    AgentServiceClient.create(vertx, "agents.chat")
        .run(AgentServiceRequest.of("My name is Ada.").withConversationId("c-1")).await();
    served.unregister().await();
    first.close();

    JdbcRunStore second = JdbcRunStore.open(vertx, spec).await();
    serve(vertx, client, second);
    AgentServiceClient.create(vertx, "agents.chat")
        .run(AgentServiceRequest.of("What is my name?").withConversationId("c-1")).await();

    assertThat(fake.requests().get(1).messages().stream()
            .map(m -> ((JsonObject) m).getString("content")).toList())
        .containsExactly("My name is Ada.", "Hello Ada.", "What is my name?");
    assertThat(second.conversation("c-1").loadVersioned().await().version()).isEqualTo(2);
    second.close();
    client.close().await();
    fake.close().await();
  }

  private static MessageConsumer<JsonObject> serve(Vertx vertx, OpenRouterClient client,
      JdbcRunStore store) {
    Agent agent = Agent.create(vertx, client, new AgentOptions().setModel("m").setRunStore(store));
    MessageConsumer<JsonObject> consumer = AgentService.register(vertx, "agents.chat", agent);
    consumer.completion().await();
    return consumer;
  }
}
