package dev.agentloop.agent.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentEvent;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.StopReason;
import dev.agentloop.agent.ToolExecution;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Agents called as tools: accounting, budgets, cancellation, depth and concurrency. */
@ExtendWith(VertxExtension.class)
class AgentToolTest {

  private ComposeFixture fx;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = ComposeFixture.start(vertx);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  /** A tool for sub-agents that must keep working. */
  public static final class Ping {
    /** Answers pong. */
    @Tool(description = "Pings", nonBlocking = true)
    public String ping(@Param(description = "n") int n) {
      return "pong " + n;
    }
  }

  /** A typed input for a sub-agent. */
  public record Question(String topic, int depth) {}

  private static boolean answered(RecordedRequest r) {
    return r.countMessages("tool") > 0;
  }

  private Agent research() {
    return fx.agent(fx.options("research"));
  }

  @Test
  @Timeout(10)
  void subAgentCostAndTokensAppearExactlyInParentTotalsAndBreakdown() {
    fx.script(
        "triage",
        r ->
            answered(r)
                ? MockChat.text("done").usage(20, 4, 0.003).toResponse()
                : MockChat.toolCall("research", "{\"input\":\"what is rain?\"}")
                    .usage(10, 5, 0.001)
                    .toResponse());
    fx.script("research", r -> MockChat.text("water falling").usage(7, 3, 0.002).toResponse());
    Agent triage =
        fx.agent(
            fx.options("triage")
                .setToolbox(AgentToolbox.of(null, AgentTool.of("research", "Researches", research()))));

    AgentResult result = triage.run("why is it wet?").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.text()).isEqualTo("done");
    assertThat(result.usage().costOrZero()).isEqualByComparingTo("0.006");
    assertThat(result.usage().promptTokens()).isEqualTo(37);
    assertThat(result.usage().completionTokens()).isEqualTo(12);
    assertThat(result.usageByAgent()).containsOnlyKeys("triage", "research");
    Usage own = result.usageByAgent().get("triage");
    Usage sub = result.usageByAgent().get("research");
    assertThat(own.costOrZero()).isEqualByComparingTo("0.004");
    assertThat(own.promptTokens()).isEqualTo(30);
    assertThat(sub.costOrZero()).isEqualByComparingTo("0.002");
    assertThat(sub.promptTokens()).isEqualTo(7);
    assertThat(sub.completionTokens()).isEqualTo(3);
    assertThat(result.agents()).containsExactly("triage");
    ToolExecution call = result.toolExecutions().get(0);
    assertThat(call.result().content()).isEqualTo("water falling");
    RecordedRequest sent = fx.requestsOf("research").get(0);
    assertThat(sent.messages().getJsonObject(1).getString("content")).isEqualTo("what is rain?");
    assertThat(sent.isStream()).isTrue();
  }

  @Test
  @Timeout(10)
  void budgetExhaustedInsideSubRunStopsBothWithBudgetExceeded() {
    fx.script(
        "triage",
        r ->
            MockChat.toolCall("research", "{\"input\":\"dig\"}").usage(10, 5, 0.001).toResponse());
    AtomicInteger n = new AtomicInteger();
    fx.script(
        "research",
        r ->
            MockChat.toolCall("ping", "{\"n\":" + n.incrementAndGet() + "}")
                .usage(10, 5, 0.002)
                .toResponse());
    Agent research =
        fx.agent(fx.options("research").setToolbox(Toolbox.builder().add(new Ping()).build()));
    Agent triage =
        fx.agent(
            fx.options("triage")
                .setMaxCostUsd(new BigDecimal("0.005"))
                .setToolbox(AgentToolbox.of(null, AgentTool.of("research", "Researches", research))));

    AgentResult result = triage.run("dig deep").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.BUDGET_EXCEEDED);
    // The sub-run had 0.004 left: two answers of 0.002, then its own budget check stopped it.
    assertThat(fx.requestsOf("research")).hasSize(2);
    assertThat(fx.requestsOf("triage")).hasSize(1);
    ToolResult sub = result.toolExecutions().get(0).result();
    assertThat(sub.error()).isEqualTo(ToolResult.ErrorKind.EXECUTION);
    assertThat(sub.content()).isEqualTo("the agent `research` stopped with BUDGET_EXCEEDED");
    assertThat(result.usage().costOrZero()).isEqualByComparingTo("0.005");
    assertThat(result.usageByAgent().get("research").costOrZero()).isEqualByComparingTo("0.004");
  }

  @Test
  @Timeout(10)
  void toolCallBudgetIsSharedWithTheSubRun() {
    fx.script(
        "triage", r -> MockChat.toolCall("research", "{\"input\":\"dig\"}").toResponse());
    AtomicInteger n = new AtomicInteger();
    fx.script(
        "research",
        r -> MockChat.toolCall("ping", "{\"n\":" + n.incrementAndGet() + "}").toResponse());
    Agent research =
        fx.agent(fx.options("research").setToolbox(Toolbox.builder().add(new Ping()).build()));
    Agent triage =
        fx.agent(
            fx.options("triage")
                .setMaxToolCalls(2)
                .setToolbox(AgentToolbox.of(null, AgentTool.of("research", "Researches", research))));

    AgentResult result = triage.run("dig deep").await();

    // research is call 1; the sub-run may make 1 more: its first ping runs, its second is refused.
    assertThat(fx.requestsOf("research")).hasSize(2);
    ToolResult sub = result.toolExecutions().get(0).result();
    assertThat(sub.content())
        .isEqualTo(
            "the agent `research` stopped with TOOL_CALL_LIMIT: the run may make at most 1 tool"
                + " calls (AgentOptions maxToolCalls); this response would bring it to 2");
    // The sub-run's calls count against the caller: its next call goes over the limit.
    assertThat(fx.requestsOf("triage")).hasSize(2);
    assertThat(result.stopReason()).isEqualTo(StopReason.TOOL_CALL_LIMIT);
    assertThat(result.error())
        .hasMessage(
            "the run may make at most 2 tool calls (AgentOptions maxToolCalls); this response"
                + " would bring it to 4");
  }

  @Test
  @Timeout(10)
  void cancelledParentLeavesNoSubRunRequestOpen() {
    fx.script(
        "triage",
        r -> MockChat.toolCall("research", "{\"input\":\"slow\"}").toResponse());
    // The sub-agent's answer starts at once and then stalls for far longer than the test.
    fx.script(
        "research",
        r ->
            MockChat.streamText("never finished", 3)
                .toResponse()
                .newBuilder()
                .chunkDelay(Duration.ofSeconds(30))
                .build());
    Agent triage =
        fx.agent(
            fx.options("triage")
                .setToolbox(AgentToolbox.of(null, AgentTool.of("research", "Researches", research()))));
    AgentRun run = triage.start(RunRequest.of("go"));
    fx.fake.nextRequest().await(); // triage
    fx.fake.nextRequest().await(); // research, now open on the fake server
    assertThat(fx.fake.inFlight()).isEqualTo(1);

    run.cancel();
    AgentResult result = run.result().await();

    assertThat(result.stopReason()).isEqualTo(StopReason.CANCELLED);
    assertThat(fx.awaitNoneInFlight(Duration.ofSeconds(5))).isTrue();
    assertThat(fx.fake.requestCount()).isEqualTo(2);
  }

  @Test
  @Timeout(10)
  void twoSubAgentToolsCalledInOneResponseOverlapInTime() {
    fx.script(
        "triage",
        r ->
            answered(r)
                ? MockChat.text("both done").toResponse()
                : MockChat.toolCalls(
                        MockChat.ToolCall.of("research", "{\"input\":\"a\"}"),
                        MockChat.ToolCall.of("weather", "{\"input\":\"b\"}"))
                    .toResponse());
    // Neither sub-agent is answered before both requests are open: run one after the other, the
    // first would wait forever (and the test time out).
    Promise<Void> bothOpen = Promise.promise();
    AtomicInteger arrived = new AtomicInteger();
    java.util.function.Function<RecordedRequest, Future<MockResponse>> barrier =
        r -> {
          if (arrived.incrementAndGet() == 2) {
            bothOpen.tryComplete();
          }
          return bothOpen.future().map(v -> MockChat.text("ok " + r.messages().getJsonObject(1).getString("content")).toResponse());
        };
    fx.scriptAsync("research", barrier::apply);
    fx.scriptAsync("weather", barrier::apply);
    Agent triage =
        fx.agent(
            fx.options("triage")
                .setToolbox(
                    AgentToolbox.of(
                        null,
                        AgentTool.of("research", "Researches", research()),
                        AgentTool.of("weather", "Weather", fx.agent(fx.options("weather"))))));

    AgentResult result = triage.run("both").await();

    assertThat(result.text()).isEqualTo("both done");
    assertThat(fx.fake.maxInFlight()).isEqualTo(2);
    assertThat(result.toolExecutions())
        .extracting(e -> e.result().content())
        .containsExactly("ok a", "ok b");
    assertThat(result.usageByAgent()).containsOnlyKeys("triage", "research", "weather");
  }

  @Test
  @Timeout(10)
  void depthLimitRefusesADeeperSubAgent() {
    fx.script(
        "top",
        r ->
            answered(r)
                ? MockChat.text("top done").toResponse()
                : MockChat.toolCall("mid", "{\"input\":\"go down\"}").toResponse());
    fx.script(
        "mid",
        r ->
            answered(r)
                ? MockChat.text("mid done").toResponse()
                : MockChat.toolCall("leaf", "{\"input\":\"deeper\"}").toResponse());
    Agent leaf = fx.agent(fx.options("leaf"));
    Agent mid =
        fx.agent(
            fx.options("mid")
                .setToolbox(
                    AgentToolbox.of(
                        null, AgentTool.builder("leaf", leaf).description("Leaf").maxDepth(1).build())));
    Agent top =
        fx.agent(fx.options("top").setToolbox(AgentToolbox.of(null, AgentTool.of("mid", "Mid", mid))));

    List<AgentEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    AgentRun run = top.start(RunRequest.of("descend"));
    run.events().handler(events::add);
    AgentResult result = run.result().await();

    assertThat(result.text()).isEqualTo("top done");
    assertThat(fx.requestsOf("leaf")).isEmpty();
    RecordedRequest midSecond = fx.requestsOf("mid").get(1);
    List<Object> contents = midSecond.messages().stream()
        .map(m -> ((io.vertx.core.json.JsonObject) m).getValue("content"))
        .toList();
    assertThat(contents)
        .contains("the agent `leaf` was not called: sub-agents may nest at most 1 deep; answer without it");
    // The sub-run's events reach the top run's stream with the sub-agent's name and depth.
    List<AgentEvent.SubAgentEvent> sub =
        events.stream()
            .filter(e -> e instanceof AgentEvent.SubAgentEvent)
            .map(e -> (AgentEvent.SubAgentEvent) e)
            .toList();
    assertThat(sub).isNotEmpty().allMatch(e -> e.agent().equals("mid") && e.depth() == 1);
    assertThat(sub).allMatch(e -> e.runId().equals(run.runId()));
    assertThat(sub.get(0).event()).isInstanceOf(AgentEvent.RunStarted.class);
    assertThat(sub.get(sub.size() - 1).event()).isInstanceOf(AgentEvent.RunFinished.class);
  }

  @Test
  @Timeout(10)
  void typedInputIsValidatedAndSentAsJsonAndLongInputIsRefused() {
    fx.script(
        "triage",
        r ->
            switch (r.countMessages("tool")) {
              case 0 -> MockChat.toolCall("research", "{\"topic\":\"rain\",\"depth\":2}").toResponse();
              case 1 -> MockChat.toolCall("research", "{\"topic\":\"" + "x".repeat(100) + "\",\"depth\":1}").toResponse();
              default -> MockChat.text("fine").toResponse();
            });
    fx.script("research", r -> MockChat.text("checked").toResponse());
    AgentTool tool =
        AgentTool.builder("research", research())
            .description("Researches a topic")
            .input(Question.class)
            .maxInputChars(60)
            .build();
    Agent triage = fx.agent(fx.options("triage").setToolbox(AgentToolbox.of(null, tool)));

    AgentResult result = triage.run("typed").await();

    assertThat(tool.spec().parameters().path("properties").has("topic")).isTrue();
    assertThat(fx.requestsOf("research")).hasSize(1);
    assertThat(fx.requestsOf("research").get(0).messages().getJsonObject(1).getString("content"))
        .isEqualTo("{\"topic\":\"rain\",\"depth\":2}");
    List<ToolExecution> calls = result.toolExecutions();
    assertThat(calls.get(0).result().content()).isEqualTo("checked");
    assertThat(calls.get(1).result().error()).isEqualTo(ToolResult.ErrorKind.INVALID_ARGUMENTS);
    assertThat(calls.get(1).result().content())
        .isEqualTo(
            "invalid arguments for tool `research`: the arguments are longer than 60 characters: 122");
  }
}
