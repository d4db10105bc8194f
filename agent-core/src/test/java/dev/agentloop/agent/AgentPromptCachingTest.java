package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.CacheControl;
import dev.agentloop.openrouter.ContentPart;
import dev.agentloop.openrouter.Message;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Prompt-cache breakpoints on the instructions, the tools, parts and the whole request. */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class AgentPromptCachingTest {

  private static final JsonObject ONE_HOUR =
      new JsonObject().put("type", "ephemeral").put("ttl", "1h");
  private static final JsonObject EPHEMERAL = new JsonObject().put("type", "ephemeral");

  private AgentFixture fx;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = AgentFixture.start(vertx);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void breakpointsReachEveryRequest(boolean stream) {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":2}").cachedTokens(0)
        .cacheWriteTokens(900));
    fx.fake.enqueue(MockChat.text("3").cachedTokens(900));
    AgentOptions options = fx.options().setInstructions("You add numbers.")
        .setInstructionsCacheControl(CacheControl.ephemeral("1h"))
        .setToolsCacheControl(CacheControl.ephemeral())
        .setCacheControl(CacheControl.ephemeral("1h"));
    Message user = Message.user(List.of(
        ContentPart.text("A long reference text.", CacheControl.ephemeral()),
        ContentPart.text("Add 1 and 2")));

    AgentResult result =
        fx.agent(options).run(RunRequest.builder(user).stream(stream).build()).await();

    assertThat(result.text()).isEqualTo("3");
    assertThat(result.usage().cacheWriteTokens()).isEqualTo(900);
    assertThat(result.usage().cachedTokens()).isEqualTo(900);
    for (JsonObject body : fx.chatBodies()) {
      assertThat(body.getJsonObject("cache_control")).isEqualTo(ONE_HOUR);
      JsonObject system = body.getJsonArray("messages").getJsonObject(0);
      assertThat(system).isEqualTo(new JsonObject().put("role", "system").put("content",
          new JsonArray().add(new JsonObject().put("type", "text").put("text", "You add numbers.")
              .put("cache_control", ONE_HOUR))));
      JsonArray parts = body.getJsonArray("messages").getJsonObject(1).getJsonArray("content");
      assertThat(parts.getJsonObject(0).getJsonObject("cache_control")).isEqualTo(EPHEMERAL);
      assertThat(parts.getJsonObject(1).containsKey("cache_control")).isFalse();
      JsonArray tools = body.getJsonArray("tools");
      assertThat(tools.getJsonObject(tools.size() - 1).getJsonObject("cache_control"))
          .isEqualTo(EPHEMERAL);
      for (int i = 0; i < tools.size() - 1; i++) {
        assertThat(tools.getJsonObject(i).containsKey("cache_control")).isFalse();
      }
    }
  }

  @Test
  void withoutBreakpointsInstructionsStayPlainText() {
    fx.fake.enqueue(MockChat.text("hi"));

    fx.agent(fx.options().setInstructions("Be brief.")).run("Hi").await();

    JsonObject body = fx.chatBodies().get(0);
    assertThat(body.getJsonArray("messages").getJsonObject(0))
        .isEqualTo(new JsonObject().put("role", "system").put("content", "Be brief."));
    assertThat(body.containsKey("cache_control")).isFalse();
  }
}
