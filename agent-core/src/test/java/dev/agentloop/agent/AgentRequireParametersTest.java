package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.ProviderPreferences;
import dev.agentloop.testing.MockChat;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run that needs tools or a schema sends {@code provider.require_parameters: true} unless the
 * user set it (either value); other runs leave {@code provider} as the user set it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class AgentRequireParametersTest {

  record Answer(String city) {}

  private static AgentFixture fx;

  @BeforeAll
  static void setUp(Vertx vertx) {
    fx = AgentFixture.start(vertx);
  }

  @AfterAll
  static void tearDown() {
    fx.close();
  }

  /** Runs once and returns the {@code provider} object of the only request, or null. */
  private static @Nullable JsonObject provider(boolean tools, boolean schema,
      @Nullable ProviderPreferences prefs, boolean stream) {
    int before = fx.chatBodies().size();
    fx.fake.enqueue(schema ? MockChat.text("{\"city\":\"Oslo\"}") : MockChat.text("ok"));
    AgentOptions options = new AgentOptions().setModel(AgentFixture.MODEL)
        .setToolbox(tools ? fx.toolbox : Toolbox.builder().build());
    if (prefs != null) {
      options.setParameters(options.getParameters().toBuilder().provider(prefs).build());
    }
    RunRequest.Builder request = RunRequest.builder("Where?").stream(stream);
    if (schema) {
      request.output(Answer.class);
    }
    AgentResult result = fx.agent(options).run(request.build()).await();
    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    List<JsonObject> bodies = fx.chatBodies();
    assertThat(bodies).hasSize(before + 1);
    return bodies.get(before).getJsonObject("provider");
  }

  @ParameterizedTest(name = "tools={0} schema={1} stream={2}")
  @CsvSource({"false,false,false", "true,false,false", "false,true,false", "true,true,false",
      "false,false,true", "true,false,true", "false,true,true", "true,true,true"})
  void everyCombinationOfToolsSchemaAndUserChoice(boolean tools, boolean schema, boolean stream) {
    boolean needs = tools || schema;
    JsonArray order = new JsonArray().add("openai");
    // Not set by the user: added only when needed.
    assertThat(provider(tools, schema, null, stream))
        .isEqualTo(needs ? new JsonObject().put("require_parameters", true) : null);
    // Set either way by the user: kept as set.
    for (boolean value : List.of(true, false)) {
      assertThat(provider(tools, schema,
          ProviderPreferences.builder().requireParameters(value).build(), stream))
          .as("user=" + value).isEqualTo(new JsonObject().put("require_parameters", value));
    }
    // Other preferences set, require_parameters not: merged in, the others kept.
    JsonObject withOrder = new JsonObject().put("order", order);
    assertThat(provider(tools, schema, ProviderPreferences.builder().order(List.of("openai"))
        .build(), stream))
        .isEqualTo(needs ? withOrder.copy().put("require_parameters", true) : withOrder);
  }

  @Test
  void theAgentsOwnParametersAreNotChanged() {
    AgentOptions options = new AgentOptions().setModel(AgentFixture.MODEL)
        .setToolbox(fx.toolbox);
    ChatParameters before = options.getParameters();
    fx.fake.enqueue(MockChat.text("ok"));
    fx.agent(options).run("Hi").await();
    assertThat(options.getParameters()).isEqualTo(before);
    assertThat(before.provider()).isNull();
  }
}
