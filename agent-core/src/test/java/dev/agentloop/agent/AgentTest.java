package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.ToolChoice;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.tool.ToolResult;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Timeout;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The loop against FakeOpenRouter over real HTTP, with the real client and toolbox. */
@ExtendWith(VertxExtension.class)
class AgentTest {

  private AgentFixture fx;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = AgentFixture.start(vertx);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  @Timeout(10)
  void threeStepToolLoopKeepsExactTranscript() {
    JsonArray details = new JsonArray().add(new JsonObject()
        .put("type", "reasoning.text").put("text", "add first").put("signature", "sig").put("index", 0));
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":2}").reasoningDetails(details));
    fx.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Paris\"}"));
    fx.fake.enqueue(MockChat.text("3, and sunny in Paris"));
    Agent agent = fx.agent(fx.options().setInstructions("Be brief."));

    AgentResult result = agent.run("Add 1 and 2, then the weather in Paris").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.text()).isEqualTo("3, and sunny in Paris");
    assertThat(result.transcript()).extracting(Message::role)
        .containsExactly("system", "user", "assistant", "tool", "assistant", "tool", "assistant");
    List<Message> t = result.transcript();
    assertThat(t.get(3).toolCallId()).isEqualTo(t.get(2).toolCalls().get(0).id());
    assertThat(t.get(3).text()).isEqualTo("3");
    assertThat(t.get(5).toolCallId()).isEqualTo(t.get(4).toolCalls().get(0).id());
    assertThat(t.get(5).text()).isEqualTo("sunny in Paris");
    assertThat(result.steps()).hasSize(3);
    assertThat(result.steps().get(0).toolCalls()).singleElement()
        .satisfies(e -> assertThat(e.name()).isEqualTo("add"));

    List<JsonObject> sent = fx.chatBodies();
    assertThat(sent).hasSize(3);
    for (JsonObject body : sent) {
      assertThat(body.getJsonArray("tools")).hasSize(fx.toolbox.specs().size());
      assertThat(body.containsKey("max_tokens")).isFalse();
      assertThat(body.getString("session_id")).isEqualTo(result.sessionId());
    }
    JsonArray third = sent.get(2).getJsonArray("messages");
    assertThat(third.size()).isEqualTo(6);
    JsonObject echoed = third.getJsonObject(2);
    assertThat(echoed.getString("role")).isEqualTo("assistant");
    assertThat(echoed.getJsonArray("reasoning_details")).isEqualTo(details);
    assertThat(echoed.getJsonArray("tool_calls").getJsonObject(0).getString("id"))
        .isEqualTo(third.getJsonObject(3).getString("tool_call_id"));
  }

  @Test
  @Timeout(10)
  void parallelCallsRunConcurrentlyAndAnswerInCallOrder() {
    fx.fake.enqueue(MockChat.toolCalls(
        MockChat.ToolCall.of("slow", "{\"label\":\"a\",\"ms\":400}"),
        MockChat.ToolCall.of("slow", "{\"label\":\"b\",\"ms\":50}"),
        MockChat.ToolCall.of("slow", "{\"label\":\"c\",\"ms\":200}")));
    fx.fake.enqueue(MockChat.text("done"));

    AgentResult result = fx.agent().run("go").await();

    assertThat(fx.tools.maxRunning.get()).isEqualTo(3);
    assertThat(fx.tools.calls).containsExactly("slow(b)", "slow(c)", "slow(a)");
    List<Message> t = result.transcript();
    List<String> ids = t.get(1).toolCalls().stream().map(c -> c.id()).toList();
    assertThat(t.subList(2, 5)).extracting(Message::toolCallId).containsExactlyElementsOf(ids);
    assertThat(t.subList(2, 5)).extracting(Message::text).containsExactly("a", "b", "c");
  }

  @Test
  @Timeout(10)
  void parallelismIsBounded() {
    fx.fake.enqueue(MockChat.toolCalls(
        MockChat.ToolCall.of("slow", "{\"label\":\"a\",\"ms\":100}"),
        MockChat.ToolCall.of("slow", "{\"label\":\"b\",\"ms\":100}"),
        MockChat.ToolCall.of("slow", "{\"label\":\"c\",\"ms\":100}")));
    fx.fake.enqueue(MockChat.text("done"));

    fx.agent(fx.options().setMaxParallelToolCalls(1)).run("go").await();

    assertThat(fx.tools.maxRunning.get()).isEqualTo(1);
    assertThat(fx.tools.calls).containsExactly("slow(a)", "slow(b)", "slow(c)");
  }

  @Test
  @Timeout(10)
  void unknownToolAndBadArgumentsAreFedBackAndTheRunGoesOn() {
    fx.fake.enqueue(MockChat.toolCalls(
        MockChat.ToolCall.of("teleport", "{}"),
        MockChat.ToolCall.of("add", "{\"a\":\"one\",\"b\":2}"),
        MockChat.ToolCall.of("add", "{not json")));
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":2}"));
    fx.fake.enqueue(MockChat.text("3"));

    AgentResult result = fx.agent().run("add").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.steps().get(0).toolCalls()).extracting(e -> e.result().error())
        .containsExactly(ToolResult.ErrorKind.UNKNOWN_TOOL, ToolResult.ErrorKind.INVALID_ARGUMENTS,
            ToolResult.ErrorKind.INVALID_ARGUMENTS);
    JsonArray second = fx.chatBodies().get(1).getJsonArray("messages");
    assertThat(second.getJsonObject(2).getString("content")).contains("teleport");
    assertThat(second.getJsonObject(3).getString("content")).isNotBlank();
    assertThat(result.steps().get(1).toolCalls().get(0).result().content()).isEqualTo("3");
  }

  @Test
  @Timeout(10)
  void forcedToolChoiceAppliesToTheFirstRequestOnly() {
    fx.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Oslo\"}"));
    fx.fake.enqueue(MockChat.text("cold"));
    Agent agent = fx.agent(fx.options().setParameters(ChatParameters.builder()
        .model(AgentFixture.MODEL).toolChoice(ToolChoice.function("weather")).build()));

    agent.run("weather in Oslo").await();

    List<JsonObject> sent = fx.chatBodies();
    assertThat(sent.get(0).getValue("tool_choice")).isEqualTo(
        new JsonObject().put("type", "function").put("function", new JsonObject().put("name", "weather")));
    assertThat(sent.get(1).getValue("tool_choice")).isEqualTo("auto");
  }

  @Test
  @Timeout(10)
  void rateLimitMidRunIsRetriedByTheClient() {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":2,\"b\":2}"));
    fx.fake.enqueue(MockResponse.rateLimited(1));
    fx.fake.enqueue(MockChat.text("4"));

    AgentResult result = fx.agent().run("2+2").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.text()).isEqualTo("4");
    assertThat(fx.chatBodies()).hasSize(3);
    assertThat(result.steps()).hasSize(2);
  }

  @Test
  @Timeout(10)
  void fallbackModelsAreSentAndTheAnsweringModelReported() {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":1}").model("openai/gpt-4o-mini"));
    fx.fake.enqueue(MockChat.text("2").model("anthropic/claude-sonnet-4.5"));
    Agent agent = fx.agent(fx.options().setParameters(ChatParameters.builder()
        .model(AgentFixture.MODEL).models(List.of("anthropic/claude-sonnet-4.5")).build()));

    AgentResult result = agent.run("1+1").await();

    assertThat(fx.chatBodies().get(0).getJsonArray("models"))
        .containsExactly("anthropic/claude-sonnet-4.5");
    assertThat(result.model()).isEqualTo("anthropic/claude-sonnet-4.5");
    assertThat(result.steps()).extracting(Step::model)
        .containsExactly("openai/gpt-4o-mini", "anthropic/claude-sonnet-4.5");
    assertThat(result.usageByModel()).containsOnlyKeys("openai/gpt-4o-mini", "anthropic/claude-sonnet-4.5");
  }

  @Test
  @Timeout(10)
  void usageTotalsEqualTheSumOfTheSteps() {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":1}").usage(100, 10, 0.001).cachedTokens(40));
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":2,\"b\":2}").usage(200, 20, 0.002).reasoningTokens(5));
    fx.fake.enqueue(MockChat.text("done").usage(300, 30, 0.003));

    AgentResult result = fx.agent().run("sum").await();

    assertThat(result.usage().promptTokens()).isEqualTo(600);
    assertThat(result.usage().completionTokens()).isEqualTo(60);
    assertThat(result.usage().cachedTokens()).isEqualTo(40);
    assertThat(result.usage().reasoningTokens()).isEqualTo(5);
    assertThat(result.usage().cost()).isEqualByComparingTo(new BigDecimal("0.006"));
    BigDecimal sum = result.steps().stream().map(s -> s.usage().costOrZero())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(result.usage().cost()).isEqualByComparingTo(sum);
    assertThat(result.usageByModel().get("openai/gpt-4o-mini").cost()).isEqualByComparingTo(sum);
  }

  @Test
  @Timeout(10)
  void apiErrorFailsWithTheTranscript() {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":1}"));
    fx.fake.enqueue(MockResponse.error(400, "bad request"));

    AgentRunException e = AgentFixture.failure(fx.agent().run("1+1"));

    assertThat(e.stopReason()).isEqualTo(StopReason.API_ERROR);
    assertThat(e.getCause()).isInstanceOf(dev.agentloop.openrouter.OpenRouterException.class);
    assertThat(e.result().steps()).hasSize(1);
    assertThat(e.result().transcript()).extracting(Message::role)
        .containsExactly("user", "assistant", "tool");
  }
}
