package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.Message;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.tool.ToolResult;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Timeout;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stops: iteration cap, loop guard, call limits, budgets, deadline and cancellation. */
@ExtendWith(VertxExtension.class)
class AgentLimitsTest {

  private AgentFixture fx;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = AgentFixture.start(vertx);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  /** A model that never stops calling tools (with fresh arguments, so the loop guard stays quiet). */
  private void modelNeverStops() {
    AtomicInteger n = new AtomicInteger();
    fx.fake.dispatcher(r -> "none".equals(r.body().getValue("tool_choice"))
        ? MockResponse.chat(MockChat.text("final answer"))
        : MockResponse.chat(MockChat.toolCall("add", "{\"a\":" + n.incrementAndGet() + ",\"b\":1}")));
  }

  @Test
  @Timeout(10)
  void iterationCapFailsWithTranscript() {
    modelNeverStops();

    AgentRunException e = AgentFixture.failure(fx.agent(fx.options().setMaxIterations(3)).run("loop"));

    assertThat(e.stopReason()).isEqualTo(StopReason.MAX_ITERATIONS);
    assertThat(e.result().steps()).hasSize(3);
    assertThat(fx.chatBodies()).hasSize(3);
    List<Message> t = e.result().transcript();
    assertThat(t.get(t.size() - 1).role()).isEqualTo("tool");
  }

  @Test
  @Timeout(10)
  void iterationCapWithFinalAnswerSendsToolChoiceNone() {
    modelNeverStops();
    Agent agent = fx.agent(fx.options().setMaxIterations(2)
        .setMaxIterationsBehavior(MaxIterationsBehavior.FINAL_ANSWER));

    AgentResult result = agent.run("loop").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.MAX_ITERATIONS);
    assertThat(result.text()).isEqualTo("final answer");
    List<JsonObject> sent = fx.chatBodies();
    assertThat(sent).hasSize(3);
    assertThat(sent.get(2).getValue("tool_choice")).isEqualTo("none");
    assertThat(result.steps().get(2).kind()).isEqualTo(Step.Kind.FINAL_ANSWER);
  }

  @Test
  @Timeout(10)
  void loopGuardRefusesRepeatedIdenticalCalls() {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":2}"));
    fx.fake.enqueue(MockChat.toolCall("add", "{\"b\":2, \"a\":1}"));
    fx.fake.enqueue(MockChat.toolCall("add", "{ \"a\": 1, \"b\": 2 }"));
    fx.fake.enqueue(MockChat.text("3"));

    AgentResult result = fx.agent(fx.options().setLoopGuard(2)).run("add").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(fx.tools.calls).containsExactly("add(1,2)", "add(1,2)");
    ToolExecution refused = result.steps().get(2).toolCalls().get(0);
    assertThat(refused.result().error()).isEqualTo(ToolResult.ErrorKind.REJECTED);
    assertThat(refused.result().content()).contains("already called 2 times");
  }

  @Test
  @Timeout(10)
  void perToolLimitStopsTheRun() {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":2}"));
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":3,\"b\":4}"));

    AgentResult result = fx.agent(fx.options().setMaxCallsPerTool("add", 1)).run("add").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.TOOL_CALL_LIMIT);
    assertThat(fx.tools.calls).containsExactly("add(1,2)");
    Message last = result.transcript().get(result.transcript().size() - 1);
    assertThat(last.role()).isEqualTo("tool");
    assertThat(result.error()).hasMessageContaining("at most 1 times");
  }

  @Test
  @Timeout(10)
  void perResponseLimitStopsTheRun() {
    fx.fake.enqueue(MockChat.toolCalls(MockChat.ToolCall.of("weather", "{\"city\":\"A\"}"),
        MockChat.ToolCall.of("weather", "{\"city\":\"B\"}"), MockChat.ToolCall.of("weather", "{\"city\":\"C\"}")));

    AgentResult result = fx.agent(fx.options().setMaxCallsPerResponse(2)).run("weather").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.TOOL_CALL_LIMIT);
    assertThat(fx.tools.calls).isEmpty();
    assertThat(result.steps().get(0).toolCalls()).allMatch(ToolExecution::isError);
  }

  @Test
  @Timeout(10)
  void costBudgetStopsTheRun() {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":1}").usage(100, 10, 0.001));
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":2,\"b\":2}").usage(100, 10, 0.001));
    fx.fake.enqueue(MockChat.text("never sent"));

    AgentResult result = fx.agent(fx.options().setMaxCostUsd(new BigDecimal("0.0015"))).run("add").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.BUDGET_EXCEEDED);
    assertThat(fx.chatBodies()).hasSize(2);
    assertThat(fx.tools.calls).containsExactly("add(1,1)");
    assertThat(result.usage().cost()).isEqualByComparingTo("0.002");
  }

  @Test
  @Timeout(10)
  void tokenBudgetStopsTheRun() {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":1}").usage(1000, 100, 0.001));
    fx.fake.enqueue(MockChat.text("never sent"));

    AgentResult result = fx.agent(fx.options().setMaxTotalTokens(500)).run("add").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.BUDGET_EXCEEDED);
    assertThat(fx.chatBodies()).hasSize(1);
  }

  @Test
  @Timeout(10)
  void deadlineStopsTheRunAndSignalsTools() {
    fx.fake.enqueue(MockChat.toolCall("waitForever", "{}"));

    AgentResult result = fx.agent(fx.options().setTimeout(Duration.ofMillis(300))).run("wait").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.DEADLINE);
    assertThat(fx.tools.cancelSeen).isTrue();
    assertThat(result.transcript()).extracting(Message::role).containsExactly("user", "assistant", "tool");
  }

  @Test
  @Timeout(10)
  void cancelMidToolStopsWithTranscript() {
    fx.fake.enqueue(MockChat.toolCall("waitForever", "{}"));
    AgentRun run = fx.agent().start(RunRequest.of("wait"));
    fx.tools.waitStarted.future().onSuccess(v -> run.cancel());

    AgentResult result = run.result().await();

    assertThat(result.stopReason()).isEqualTo(StopReason.CANCELLED);
    // The run ends at once; the tool sees the cancel signal on its own schedule.
    fx.tools.cancelObserved.future().await();
    assertThat(fx.tools.cancelSeen).isTrue();
    ToolExecution call = result.steps().get(0).toolCalls().get(0);
    assertThat(call.result().error()).isEqualTo(ToolResult.ErrorKind.CANCELLED);
    assertThat(result.transcript()).extracting(Message::role).containsExactly("user", "assistant", "tool");
  }

  @Test
  @Timeout(10)
  void cancelDuringAStreamedAnswerAbortsIt() {
    fx.fake.enqueue(MockChat.streamText("a long answer that never quite ends", 20).toResponse()
        .newBuilder().chunkDelay(Duration.ofMillis(200)).build());
    AgentRun run = fx.agent().stream(RunRequest.of("talk"));
    run.events().handler(e -> {
      if (e instanceof AgentEvent.TextDelta) {
        run.cancel();
      }
    });

    AgentResult result = run.result().await();

    assertThat(result.stopReason()).isEqualTo(StopReason.CANCELLED);
    assertThat(result.steps()).isEmpty();
  }

  private static MockChat identicalAdds(int n) {
    MockChat.ToolCall[] calls = new MockChat.ToolCall[n];
    for (int i = 0; i < n; i++) {
      calls[i] = new MockChat.ToolCall("call_" + i, "add", "{\"a\":1,\"b\":2}");
    }
    return MockChat.toolCalls(calls);
  }

  @Test
  @Timeout(10)
  void hundredsOfCallsInOneResponseStopTheRunByDefault() {
    assertThat(new AgentOptions().getMaxCallsPerResponse())
        .isEqualTo(AgentOptions.DEFAULT_MAX_CALLS_PER_RESPONSE).isEqualTo(128);
    fx.fake.enqueue(identicalAdds(700));

    AgentResult result = fx.agent().run("add").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.TOOL_CALL_LIMIT);
    assertThat(result.error()).hasMessage("the model asked for 700 tool calls in one response;"
        + " the limit is 128 (AgentOptions maxCallsPerResponse)");
    assertThat(fx.tools.calls).isEmpty();
    assertThat(result.steps().get(0).toolCalls()).hasSize(700).allMatch(ToolExecution::isError);
    assertThat(fx.chatBodies()).hasSize(1);
  }

  @Test
  @Timeout(10)
  void thousandsOfSynchronouslyRefusedCallsCompleteTheStep() {
    fx.fake.enqueue(identicalAdds(5000));
    fx.fake.enqueue(MockChat.text("done"));

    AgentResult result = fx.agent(fx.options().setMaxCallsPerResponse(10_000)
        .setMaxParallelToolCalls(3)).run("add").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.text()).isEqualTo("done");
    assertThat(fx.tools.calls).containsExactly("add(1,2)", "add(1,2)", "add(1,2)");
    List<ToolExecution> calls = result.steps().get(0).toolCalls();
    assertThat(calls).hasSize(5000);
    assertThat(calls.get(4999).call().id()).isEqualTo("call_4999");
    assertThat(calls.stream().filter(ToolExecution::isError).count()).isEqualTo(4997);
    assertThat(fx.chatBodies().get(1).getJsonArray("messages")).hasSize(2 + 5000);
  }
}
