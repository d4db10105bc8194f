package dev.agentloop.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.StopReason;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AgentService}, {@link AgentServiceClient} and {@link AgentVerticle} on a local bus. */
@ExtendWith(VertxExtension.class)
class AgentServiceTest {

  private static final String ADDRESS = "agents.weather";

  private EmbeddingFixture f;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = EmbeddingFixture.start(vertx);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  @Timeout(10)
  void runsThePromptWithToolsAndRepliesWithTheResult(Vertx vertx) {
    f.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Oslo\"}"));
    f.fake.enqueue(MockChat.text("Oslo: snow."));
    AgentService.register(vertx, ADDRESS, f.agent()).completion().await();

    AgentResult result = AgentServiceClient.create(vertx, ADDRESS).run("Weather in Oslo?").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.text()).isEqualTo("Oslo: snow.");
    assertThat(f.tools.cities).containsExactly("Oslo");
    assertThat(result.toolExecutions()).singleElement().satisfies(call -> {
      assertThat(call.name()).isEqualTo("weather");
      assertThat(call.arguments()).isEqualTo("{\"city\":\"Oslo\"}");
      assertThat(call.result().content()).contains("snow");
    });
    assertThat(result.steps()).hasSize(2);
    assertThat(result.transcript()).extracting(m -> m.role())
        .containsExactly("system", "user", "assistant", "tool", "assistant");
    assertThat(result.usage().totalTokens()).isPositive();
    assertThat(result.model()).isNotNull();
  }

  @Test
  @Timeout(10)
  void streamsEventsToTheEventsAddressBeforeReplying(Vertx vertx) {
    f.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Oslo\"}"));
    f.fake.enqueue(MockChat.streamText("Snow in Oslo today.", 3));
    AgentService.register(vertx, ADDRESS, f.agent()).completion().await();
    List<JsonObject> events = new CopyOnWriteArrayList<>();

    AgentResult result = AgentServiceClient.create(vertx, ADDRESS)
        .stream(AgentServiceRequest.of("Weather in Oslo?"), events::add)
        .await();

    List<String> types = events.stream().map(e -> e.getString("type")).toList();
    assertThat(types.get(0)).isEqualTo("run_started");
    assertThat(types).containsSubsequence(
        "model_request", "tool_call_requested", "tool_call_finished", "step_finished",
        "model_request", "text_delta", "step_finished", "run_finished");
    assertThat(types.get(types.size() - 1)).isEqualTo("run_finished");
    assertThat(events.stream().filter(e -> e.getString("type").equals("text_delta"))
        .map(e -> e.getString("text")).reduce("", String::concat)).isEqualTo("Snow in Oslo today.");
    JsonObject finished = events.stream().filter(e -> e.getString("type").equals("tool_call_finished"))
        .findFirst().orElseThrow();
    assertThat(finished.getString("name")).isEqualTo("weather");
    assertThat(finished.getString("result")).contains("snow");
    assertThat(finished.getLong("durationMs")).isNotNegative();
    assertThat(result.text()).isEqualTo("Snow in Oslo today.");
    assertThat(f.fake.requests().get(0).isStream()).isTrue();
  }

  @Test
  @Timeout(10)
  void conversationIdContinuesTheServerSideConversation(Vertx vertx) {
    f.fake.enqueue(MockChat.text("Hello Ada."));
    f.fake.enqueue(MockChat.text("Your name is Ada."));
    f.fake.enqueue(MockChat.text("I don't know."));
    AgentService.register(vertx, ADDRESS, f.agent()).completion().await();
    AgentServiceClient client = AgentServiceClient.create(vertx, ADDRESS);

    client.run(AgentServiceRequest.of("My name is Ada.").withConversationId("c-1")).await();
    client.run(AgentServiceRequest.of("What is my name?").withConversationId("c-1")).await();
    client.run(AgentServiceRequest.of("What is my name?").withConversationId("c-2")).await();

    assertThat(contents(f.fake.requests().get(1)))
        .containsExactly("You are a weather assistant.", "My name is Ada.", "Hello Ada.", "What is my name?");
    assertThat(contents(f.fake.requests().get(2)))
        .containsExactly("You are a weather assistant.", "What is my name?");
  }

  @Test
  @Timeout(10)
  void leastRecentlyUsedConversationIsForgottenBeyondTheLimit(Vertx vertx) {
    for (int i = 0; i < 3; i++) {
      f.fake.enqueue(MockChat.text("ok " + i));
    }
    AgentService.register(vertx, ADDRESS, f.agent(), new AgentServiceOptions().setMaxConversations(1))
        .completion().await();
    AgentServiceClient client = AgentServiceClient.create(vertx, ADDRESS);

    client.run(AgentServiceRequest.of("first").withConversationId("a")).await();
    client.run(AgentServiceRequest.of("second").withConversationId("b")).await();
    client.run(AgentServiceRequest.of("third").withConversationId("a")).await();

    assertThat(contents(f.fake.requests().get(2))).containsExactly("You are a weather assistant.", "third");
  }

  @Test
  @Timeout(10)
  void malformedRequestFailsWithInvalidRequestCode(Vertx vertx) {
    AgentService.register(vertx, ADDRESS, f.agent()).completion().await();

    Future<?> reply = vertx.eventBus().request(ADDRESS, new JsonObject().put("prompt", 42));

    ReplyException e = failure(reply);
    assertThat(e.failureCode()).isEqualTo(AgentService.INVALID_REQUEST);
    assertThat(e.getMessage()).isEqualTo("invalid agent request: 'prompt' must be a string: 42");
    assertThat(f.fake.requestCount()).isZero();
  }

  @Test
  @Timeout(10)
  void upstreamAuthFailureRepliesWithoutUpstreamDetails(Vertx vertx) {
    f.fake.enqueue(MockResponse.error(401, "Invalid key " + EmbeddingFixture.KEY + ": check OPENROUTER_API_KEY"));
    AgentService.register(vertx, ADDRESS, f.agent()).completion().await();

    ReplyException e = failure(AgentServiceClient.create(vertx, ADDRESS).run("Hi"));

    assertThat(e.failureCode()).isEqualTo(AgentService.UPSTREAM_FAILED);
    assertThat(e.getMessage()).contains("refused this server's request (AUTH)")
        .doesNotContain(EmbeddingFixture.KEY).doesNotContain("OPENROUTER_API_KEY");
  }

  @Test
  @Timeout(10)
  void nothingServingTheAddressFailsWithNoHandlers(Vertx vertx) {
    ReplyException e = failure(AgentServiceClient.create(vertx, "agents.nobody").run("Hi"));

    assertThat(e.failureType()).isEqualTo(ReplyFailure.NO_HANDLERS);
  }

  @Test
  @Timeout(10)
  void verticleServesTheAgentConfiguredByItsDeployment(Vertx vertx) {
    f.fake.enqueue(MockChat.text("Brief."));
    JsonObject config = new JsonObject()
        .put("address", ADDRESS)
        .put("model", "test/model-x")
        .put("instructions", "Be brief.")
        .put("maxIterations", 3);
    String id = vertx.deployVerticle(
            new AgentVerticle((v, options, c) -> Agent.create(v, f.client, options.setToolbox(f.toolbox))),
            new DeploymentOptions().setConfig(config))
        .await();

    AgentResult result = AgentServiceClient.create(vertx, ADDRESS).run("Hello").await();

    assertThat(result.text()).isEqualTo("Brief.");
    RecordedRequest request = f.fake.takeRequest();
    assertThat(request.model()).isEqualTo("test/model-x");
    assertThat(contents(request)).containsExactly("Be brief.", "Hello");
    assertThat(request.tools()).hasSize(1);

    vertx.undeploy(id).await();
    assertThat(failure(AgentServiceClient.create(vertx, ADDRESS).run("Hello")).failureType())
        .isEqualTo(ReplyFailure.NO_HANDLERS);
  }

  @Test
  @Timeout(10)
  void verticleWithoutAddressFailsToDeploy(Vertx vertx) {
    Future<String> deployment = vertx.deployVerticle(
        new AgentVerticle((v, options, c) -> Agent.create(v, f.client, options)),
        new DeploymentOptions().setConfig(new JsonObject().put("model", "m")));

    assertThatThrownBy(deployment::await)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the configuration must name an 'address': {\"model\":\"m\"}");
  }

  private static List<String> contents(RecordedRequest request) {
    JsonArray messages = request.messages();
    return messages.stream().map(m -> ((JsonObject) m).getString("content")).toList();
  }

  private static ReplyException failure(Future<?> future) {
    try {
      future.await();
    } catch (ReplyException e) {
      return e;
    }
    throw new AssertionError("expected a failure: " + future.result());
  }
}
