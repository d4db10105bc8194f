package dev.agentloop.agent.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.StopReason;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.RecordedRequest;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Input, output and tool guardrails, as code and as an agent. */
@ExtendWith(VertxExtension.class)
class GuardrailsTest {

  private ComposeFixture fx;
  private final Effects effects = new Effects();

  /** A tool with a side effect the tests count. */
  public static final class Effects {
    final AtomicInteger runs = new AtomicInteger();

    /** Launches something. */
    @Tool(description = "Launches", nonBlocking = true)
    public String launch(@Param(description = "n") int n) {
      runs.incrementAndGet();
      return "launched " + n;
    }
  }

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = ComposeFixture.start(vertx);
    fx.script(
        "bot",
        r ->
            r.countMessages("tool") == 0
                ? MockChat.toolCall("launch", "{\"n\":7}").toResponse()
                : MockChat.text("launched it").toResponse());
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private AgentOptions bot(GuardrailOptions guardrails) {
    return fx.options("bot")
        .setToolbox(Toolbox.builder().add(effects).build())
        .setGuardrails(guardrails);
  }

  private static Future<Verdict> tripIf(boolean trip, String message) {
    return Future.succeededFuture(trip ? Verdict.trip(message) : Verdict.pass());
  }

  @Test
  @Timeout(10)
  void trippedInputGuardrailStopsTheRunBeforeAnyToolRuns() {
    Agent agent =
        fx.agent(
            bot(new GuardrailOptions()
                .addInput("no-launch", (ctx, in) -> tripIf(in.text().contains("launch"), "no launching"))));

    AgentResult result = agent.run("launch the rocket").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.INPUT_GUARDRAIL);
    assertThat(result.error().getMessage()).isEqualTo("input guardrail `no-launch` tripped: no launching");
    assertThat(result.text()).isNull();
    assertThat(fx.fake.requestCount()).isZero();
    assertThat(effects.runs).hasValue(0);
  }

  @Test
  @Timeout(10)
  void inputGuardrailAlongsideHoldsTheToolCallUntilItTrips(Vertx vertx) {
    Promise<Verdict> verdict = Promise.promise();
    Agent agent =
        fx.agent(
            bot(new GuardrailOptions()
                .setInputMode(GuardrailOptions.InputMode.ALONGSIDE)
                .addInput("slow-check", (ctx, in) -> verdict.future())));

    Future<AgentResult> run = agent.run("launch the rocket");
    fx.fake.nextRequest().await(); // the model was asked while the guardrail still checks
    vertx.setTimer(100, id -> verdict.complete(Verdict.trip("no launching")));
    AgentResult result = run.await();

    assertThat(result.stopReason()).isEqualTo(StopReason.INPUT_GUARDRAIL);
    assertThat(fx.fake.requestCount()).isEqualTo(1);
    assertThat(effects.runs).hasValue(0);
    assertThat(result.toolExecutions()).isEmpty();
  }

  @Test
  @Timeout(10)
  void passingInputGuardrailLetsTheRunComplete() {
    Agent agent =
        fx.agent(bot(new GuardrailOptions().addInput("ok", (ctx, in) -> tripIf(false, "never"))));

    AgentResult result = agent.run("launch seven").await();

    assertThat(result.text()).isEqualTo("launched it");
    assertThat(effects.runs).hasValue(1);
  }

  @Test
  @Timeout(10)
  void outputGuardrailAsksForAFixThenPasses() {
    fx.script(
        "writer",
        r ->
            r.countMessages("user") == 1
                ? MockChat.text("damn good").toResponse()
                : MockChat.text("very good").toResponse());
    Agent agent =
        fx.agent(
            fx.options("writer")
                .setGuardrails(
                    new GuardrailOptions()
                        .addOutput(
                            "polite",
                            (ctx, answer) ->
                                Future.succeededFuture(
                                    answer.contains("damn")
                                        ? Verdict.fix("answer without swearing")
                                        : Verdict.pass()))));

    AgentResult result = agent.run("how was it?").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.text()).isEqualTo("very good");
    RecordedRequest second = fx.fake.requests().get(1);
    JsonArray messages = second.messages();
    assertThat(messages.getJsonObject(messages.size() - 1).getString("content"))
        .isEqualTo("answer without swearing");
  }

  @Test
  @Timeout(10)
  void outputGuardrailThatKeepsAskingStopsAfterTheFixes() {
    fx.script("writer", r -> MockChat.text("damn").toResponse());
    Agent agent =
        fx.agent(
            fx.options("writer")
                .setGuardrails(
                    new GuardrailOptions()
                        .setMaxOutputFixes(1)
                        .addOutput("polite", (ctx, a) -> Future.succeededFuture(Verdict.fix("no swearing")))));

    AgentResult result = agent.run("how was it?").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.OUTPUT_GUARDRAIL);
    assertThat(result.text()).isNull();
    assertThat(result.error().getMessage())
        .isEqualTo("the output guardrails still asked for a fix after 1 fixes: no swearing");
    assertThat(fx.fake.requestCount()).isEqualTo(2);
  }

  @Test
  @Timeout(10)
  void toolGuardrailRefusesACallBeforeItRuns() {
    Agent agent =
        fx.agent(
            bot(new GuardrailOptions()
                .addTool(
                    "no-seven",
                    new ToolGuardrail() {
                      @Override
                      public Future<Verdict> checkCall(GuardrailContext ctx, dev.agentloop.openrouter.ToolCall call) {
                        return tripIf(call.function().arguments().contains("7"), "7 is forbidden");
                      }
                    })));

    AgentResult result = agent.run("launch seven").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.TOOL_GUARDRAIL);
    assertThat(result.error().getMessage()).isEqualTo("tool guardrail `no-seven` tripped: 7 is forbidden");
    assertThat(effects.runs).hasValue(0);
    assertThat(fx.fake.requestCount()).isEqualTo(1);
  }

  @Test
  @Timeout(10)
  void toolGuardrailWithholdsAResultFromTheModel() {
    Agent agent =
        fx.agent(
            bot(new GuardrailOptions()
                .addTool(
                    "secrets",
                    new ToolGuardrail() {
                      @Override
                      public Future<Verdict> checkResult(
                          GuardrailContext ctx,
                          dev.agentloop.openrouter.ToolCall call,
                          dev.agentloop.tool.ToolResult result) {
                        return tripIf(result.content().contains("launched"), "launch codes leaked");
                      }
                    })));

    AgentResult result = agent.run("launch seven").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.TOOL_GUARDRAIL);
    assertThat(effects.runs).hasValue(1);
    assertThat(fx.fake.requestCount()).isEqualTo(1); // the model never saw the result
  }

  @Test
  @Timeout(10)
  void agentJudgeTripsTheInputAndItsUsageIsBooked() {
    fx.script(
        "judge",
        r ->
            MockChat.text("{\"allowed\":false,\"reason\":\"off topic\"}")
                .usage(5, 2, 0.0001)
                .toResponse());
    Agent judge =
        fx.agent(fx.options("judge").setOutputMode(AgentOptions.OutputMode.JSON_SCHEMA));
    Agent agent =
        fx.agent(bot(new GuardrailOptions().addInput("on-topic", AgentGuardrails.input(judge))));

    AgentResult result = agent.run("tell me a joke").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.INPUT_GUARDRAIL);
    assertThat(result.error().getMessage()).isEqualTo("input guardrail `on-topic` tripped: off topic");
    assertThat(result.usageByAgent()).containsOnlyKeys("judge");
    assertThat(result.usage().costOrZero()).isEqualByComparingTo("0.0001");
    assertThat(fx.requestsOf("bot")).isEmpty();
    assertThat(effects.runs).hasValue(0);
  }
}
