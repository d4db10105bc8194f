package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.ServerTool;
import dev.agentloop.openrouter.ToolChoice;
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

/** OpenRouter server tools are offered next to the toolbox and can be forced. */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class AgentServerToolsTest {

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
  void serverToolsFollowTheToolboxOnEveryRequest(boolean stream) {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":2}"));
    fx.fake.enqueue(MockChat.text("3"));
    AgentOptions options = fx.options().setServerTools(List.of(
        ServerTool.webSearch().maxResults(3).allowedDomains(List.of("vertx.io")),
        ServerTool.webFetch().maxUses(2), ServerTool.datetime("Europe/Paris")));

    AgentResult result =
        fx.agent(options).run(RunRequest.builder("Add 1 and 2").stream(stream).build()).await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.text()).isEqualTo("3");
    for (JsonObject body : fx.chatBodies()) {
      JsonArray tools = body.getJsonArray("tools");
      int n = tools.size();
      assertThat(tools.getJsonObject(0).getString("type")).isEqualTo("function");
      assertThat(tools.getJsonObject(n - 3)).isEqualTo(new JsonObject()
          .put("type", "openrouter:web_search").put("parameters", new JsonObject()
              .put("max_results", 3).put("allowed_domains", new JsonArray().add("vertx.io"))));
      assertThat(tools.getJsonObject(n - 2)).isEqualTo(new JsonObject()
          .put("type", "openrouter:web_fetch")
          .put("parameters", new JsonObject().put("max_uses", 2)));
      assertThat(tools.getJsonObject(n - 1)).isEqualTo(new JsonObject()
          .put("type", "openrouter:datetime")
          .put("parameters", new JsonObject().put("timezone", "Europe/Paris")));
    }
  }

  @Test
  void serverToolsAloneAreOfferedAndAForcedOneAppliesToTheFirstRequestOnly() {
    fx.fake.enqueue(MockChat.text("It is noon."));
    AgentOptions options = new AgentOptions().setModel(AgentFixture.MODEL)
        .setServerTools(List.of(ServerTool.datetime()))
        .setParameters(ChatParameters.builder().model(AgentFixture.MODEL)
            .toolChoice(ToolChoice.serverTool(ServerTool.DATETIME)).build());

    AgentResult result = fx.agent(options).run("What time is it?").await();

    assertThat(result.text()).isEqualTo("It is noon.");
    JsonObject body = fx.chatBodies().get(0);
    assertThat(body.getJsonArray("tools"))
        .isEqualTo(new JsonArray().add(new JsonObject().put("type", "openrouter:datetime")));
    assertThat(body.getValue("tool_choice"))
        .isEqualTo(new JsonObject().put("type", "openrouter:datetime"));
  }

  @Test
  void serverToolTypesMustBeDistinctAndKnownToolsRefuseForeignSettings() {
    assertThatThrownBy(() -> new AgentOptions().setServerTools(
        List.of(ServerTool.webSearch(), ServerTool.webSearch().maxResults(2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("server tools must have distinct types: ");
    assertThatThrownBy(() -> ServerTool.datetime().maxResults(2))
        .hasMessage("openrouter:datetime takes no parameter: max_results");
    assertThatThrownBy(() -> ServerTool.of("web search"))
        .hasMessage("server tool type must look like openrouter:web_search: web search");
    assertThatThrownBy(() -> ServerTool.webSearch().maxResults(0))
        .hasMessage("maxResults must be > 0: 0");
    assertThat(ServerTool.of("openrouter:image_generation").parameter("model", "x").parameters())
        .containsEntry("model", "x");
  }
}
