package dev.agentloop.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two requests continuing one conversation at once: one turn is stored, the other gets 409. */
@ExtendWith(VertxExtension.class)
class ConversationConflictTest {

  @Test
  @Timeout(30) // the first memory of the JVM loads the o200k token table
  void secondConcurrentTurnOfAConversationIsRefusedWith409(Vertx vertx) {
    EmbeddingFixture f = EmbeddingFixture.start(vertx);
    // Both model requests are held until both arrived, so both runs read the empty conversation.
    Promise<Void> both = Promise.promise();
    AtomicInteger arrived = new AtomicInteger();
    f.fake.asyncDispatcher(r -> {
      if (arrived.incrementAndGet() == 2) {
        both.complete();
      }
      return both.future().map(v -> MockResponse.chat(MockChat.text("answer " + arrived.get())));
    });
    int port = f.serve(new AgentRoutesOptions().addToken(AgentRoutesTest.ALICE, "alice"));
    WebClient http = WebClient.create(vertx);

    List<Future<HttpResponse<Buffer>>> turns = List.of(
        turn(http, port, "one"), turn(http, port, "two"));
    Future.join(turns).await();

    List<Integer> statuses = turns.stream().map(t -> t.result().statusCode()).sorted().toList();
    assertThat(statuses).containsExactly(200, 409);
    JsonObject error = turns.stream().filter(t -> t.result().statusCode() == 409).findFirst()
        .orElseThrow().result().bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("conversation_conflict");
    assertThat(error.getString("message")).isEqualTo(
        "another request continued this conversation at the same time; send the message again");
    http.close();
    f.close();
  }

  private static Future<HttpResponse<Buffer>> turn(WebClient http, int port, String prompt) {
    return http.post(port, "127.0.0.1", "/agents/weather/run")
        .bearerTokenAuthentication(AgentRoutesTest.ALICE)
        .sendJsonObject(new JsonObject().put("prompt", prompt).put("conversationId", "c-1"));
  }
}
