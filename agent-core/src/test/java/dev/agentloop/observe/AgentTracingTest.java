package dev.agentloop.observe;

import static dev.agentloop.observe.TracingFixture.all;
import static dev.agentloop.observe.TracingFixture.assertChildOf;
import static dev.agentloop.observe.TracingFixture.assertRoot;
import static dev.agentloop.observe.TracingFixture.named;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.StopReason;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The exact span tree and attributes of runs, against FakeOpenRouter over real HTTP. */
@ExtendWith(VertxExtension.class)
class AgentTracingTest {

  private TracingFixture fx;
  private String host;
  private long port;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = new TracingFixture(vertx);
    URI base = URI.create(fx.fake.baseUrl());
    host = base.getHost();
    port = base.getPort();
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  @Timeout(10)
  void parallelToolCallsAreSiblingsUnderTheAgentSpanWithExactAttributes() {
    fx.fake.enqueue(
        MockChat.toolCalls(
                new MockChat.ToolCall("call_a", "slow", "{\"label\":\"a\",\"ms\":150}"),
                new MockChat.ToolCall("call_b", "weather", "{\"city\":\"Lyon\"}"))
            .id("gen-1")
            .usage(100, 20, 0.0012)
            .cachedTokens(40)
            .reasoningTokens(5)
            .provider("OpenAI"));
    fx.fake.enqueue(MockChat.text("done").id("gen-2").usage(150, 10, 0.0008).provider("Azure"));

    AgentResult result =
        fx.agent(fx.options())
            .run(
                RunRequest.builder("go")
                    .sessionId("conv-7")
                    .parameters(
                        dev.agentloop.openrouter.ChatParameters.builder()
                            .temperature(0.25)
                            .maxTokens(300)
                            .topP(0.9)
                            .seed(42L)
                            .stop(List.of("END"))
                            .build())
                    .build())
            .await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    List<SpanData> spans = fx.finished(5);
    SpanData agent = named(spans, "invoke_agent trip-planner");
    List<SpanData> chats = all(spans, "chat " + TracingFixture.MODEL);
    SpanData slow = named(spans, "execute_tool slow");
    SpanData weather = named(spans, "execute_tool weather");
    assertThat(chats).hasSize(2);
    assertRoot(agent);
    assertThat(agent.getKind()).isEqualTo(SpanKind.INTERNAL);
    for (SpanData s : List.of(chats.get(0), chats.get(1), slow, weather)) {
      assertChildOf(s, agent);
    }
    assertThat(chats.get(0).getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(slow.getKind()).isEqualTo(SpanKind.INTERNAL);
    // The two tools ran concurrently: the weather call ended before the slow one.
    assertThat(weather.getEndEpochNanos()).isLessThan(slow.getEndEpochNanos());
    assertThat(weather.getStartEpochNanos()).isLessThan(slow.getEndEpochNanos());

    assertThat(agent.getAttributes().asMap())
        .isEqualTo(
            Attributes.builder()
                .put(GenAi.OPERATION_NAME, "invoke_agent")
                .put(GenAi.PROVIDER_NAME, "openrouter")
                .put(GenAi.AGENT_NAME, "trip-planner")
                .put(GenAi.AGENT_ID, result.runId())
                .put(GenAi.CONVERSATION_ID, "conv-7")
                .put(GenAi.REQUEST_MODEL, TracingFixture.MODEL)
                .put(GenAi.RESPONSE_MODEL, TracingFixture.MODEL)
                .put(GenAi.STOP_REASON, "COMPLETED")
                .put(longKey(GenAi.RUN_STEPS), 2L)
                .put(longKey(GenAi.RUN_INPUT_TOKENS), 250L)
                .put(longKey(GenAi.RUN_OUTPUT_TOKENS), 30L)
                .put(doubleKey(GenAi.RUN_COST_USD), 0.002)
                .build()
                .asMap());
    assertThat(agent.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

    SpanData first = chats.get(0).getStartEpochNanos() < chats.get(1).getStartEpochNanos()
        ? chats.get(0) : chats.get(1);
    assertThat(first.getAttributes().asMap())
        .isEqualTo(
            Attributes.builder()
                .put(GenAi.OPERATION_NAME, "chat")
                .put(GenAi.PROVIDER_NAME, "openrouter")
                .put(GenAi.CONVERSATION_ID, "conv-7")
                .put(longKey(GenAi.OPENROUTER_ATTEMPT), 1L)
                .put(GenAi.REQUEST_STREAM, false)
                .put(GenAi.REQUEST_MODEL, TracingFixture.MODEL)
                .put(GenAi.SERVER_ADDRESS, host)
                .put(longKey(GenAi.SERVER_PORT), port)
                .put(doubleKey(GenAi.REQUEST_TEMPERATURE), 0.25)
                .put(doubleKey(GenAi.REQUEST_TOP_P), 0.9)
                .put(longKey(GenAi.REQUEST_MAX_TOKENS), 300L)
                .put(longKey(GenAi.REQUEST_SEED), 42L)
                .put(stringArrayKey(GenAi.REQUEST_STOP_SEQUENCES), List.of("END"))
                .put(GenAi.RESPONSE_ID, "gen-1")
                .put(GenAi.RESPONSE_MODEL, TracingFixture.MODEL)
                .put(stringArrayKey(GenAi.RESPONSE_FINISH_REASONS), List.of("tool_calls"))
                .put(longKey(GenAi.USAGE_INPUT_TOKENS), 100L)
                .put(longKey(GenAi.USAGE_OUTPUT_TOKENS), 20L)
                .put(longKey(GenAi.USAGE_CACHE_READ_INPUT_TOKENS), 40L)
                .put(longKey(GenAi.USAGE_REASONING_OUTPUT_TOKENS), 5L)
                .put(doubleKey(GenAi.OPENROUTER_COST_USD), 0.0012)
                .put(GenAi.OPENROUTER_PROVIDER, "OpenAI")
                .build()
                .asMap());

    assertThat(slow.getAttributes().asMap())
        .isEqualTo(
            Attributes.builder()
                .put(GenAi.OPERATION_NAME, "execute_tool")
                .put(GenAi.PROVIDER_NAME, "openrouter")
                .put(GenAi.TOOL_NAME, "slow")
                .put(GenAi.TOOL_CALL_ID, "call_a")
                .put(GenAi.TOOL_TYPE, "function")
                .put(GenAi.TOOL_OUTCOME, "ok")
                .build()
                .asMap());
    assertThat(weather.getAttributes().get(stringKey(GenAi.TOOL_CALL_ID))).isEqualTo("call_b");
  }

  @Test
  @Timeout(10)
  void aRetried429IsItsOwnFailedChatSpan() {
    fx.fake.enqueue(MockResponse.rateLimited(0));
    fx.fake.enqueue(MockChat.text("hi").usage(5, 1, 0.0001));

    fx.agent(fx.options()).run("hello").await();

    List<SpanData> spans = fx.finished(3);
    SpanData agent = named(spans, "invoke_agent trip-planner");
    List<SpanData> chats = all(spans, "chat " + TracingFixture.MODEL);
    assertThat(chats).hasSize(2);
    SpanData failed = chats.get(0);
    SpanData retried = chats.get(1);
    assertChildOf(failed, agent);
    assertChildOf(retried, agent);
    assertThat(failed.getAttributes().get(longKey(GenAi.OPENROUTER_ATTEMPT))).isEqualTo(1L);
    assertThat(failed.getAttributes().get(stringKey(GenAi.ERROR_TYPE))).isEqualTo("429");
    assertThat(failed.getAttributes().get(longKey(GenAi.USAGE_INPUT_TOKENS))).isNull();
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(retried.getAttributes().get(longKey(GenAi.OPENROUTER_ATTEMPT))).isEqualTo(2L);
    assertThat(retried.getAttributes().get(stringKey(GenAi.ERROR_TYPE))).isNull();
    assertThat(retried.getAttributes().get(longKey(GenAi.USAGE_INPUT_TOKENS))).isEqualTo(5L);
    assertThat(retried.getStartEpochNanos()).isGreaterThanOrEqualTo(failed.getEndEpochNanos());
    assertThat(agent.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(fx.registry.get(GenAi.METRIC_RETRIES).tag(GenAi.ERROR_TYPE, "429").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  @Timeout(10)
  void aStreamedStepRecordsTokensAndTimeToFirstChunk() {
    fx.fake.enqueue(MockChat.streamText("hello there world", 3).id("gen-s").usage(12, 3, 0.0003));

    AgentResult result =
        fx.agent(fx.options()).run(RunRequest.builder("hi").stream(true).build()).await();

    assertThat(result.text()).isEqualTo("hello there world");
    List<SpanData> spans = fx.finished(2);
    SpanData agent = named(spans, "invoke_agent trip-planner");
    SpanData chat = named(spans, "chat " + TracingFixture.MODEL);
    assertChildOf(chat, agent);
    Attributes a = chat.getAttributes();
    assertThat(a.get(AttributeKey.booleanKey(GenAi.REQUEST_STREAM))).isTrue();
    assertThat(a.get(stringKey(GenAi.RESPONSE_ID))).isEqualTo("gen-s");
    assertThat(a.get(longKey(GenAi.USAGE_INPUT_TOKENS))).isEqualTo(12L);
    assertThat(a.get(longKey(GenAi.USAGE_OUTPUT_TOKENS))).isEqualTo(3L);
    assertThat(a.get(stringArrayKey(GenAi.RESPONSE_FINISH_REASONS))).containsExactly("stop");
    double ttfc = a.get(doubleKey(GenAi.RESPONSE_TIME_TO_FIRST_CHUNK));
    assertThat(ttfc).isGreaterThan(0.0);
    assertThat(ttfc * 1e9).isLessThanOrEqualTo(chat.getEndEpochNanos() - chat.getStartEpochNanos());
    assertThat(fx.registry.get(GenAi.METRIC_TIME_TO_FIRST_CHUNK).timer().count()).isEqualTo(1);
  }

  @Test
  @Timeout(10)
  void aFailingToolIsAnErrorSpanAndTheRunGoesOn() {
    fx.fake.enqueue(MockChat.toolCalls(new MockChat.ToolCall("call_x", "broken", "{}")));
    fx.fake.enqueue(MockChat.text("sorry"));

    AgentResult result = fx.agent(fx.options()).run("break it").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    List<SpanData> spans = fx.finished(4);
    SpanData agent = named(spans, "invoke_agent trip-planner");
    SpanData tool = named(spans, "execute_tool broken");
    assertChildOf(tool, agent);
    assertThat(tool.getAttributes().get(stringKey(GenAi.ERROR_TYPE))).isEqualTo("execution");
    assertThat(tool.getAttributes().get(stringKey(GenAi.TOOL_OUTCOME))).isEqualTo("execution");
    assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(tool.getStatus().getDescription()).contains("disk on fire");
    assertThat(agent.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(
            fx.registry.get(GenAi.METRIC_TOOL_CALLS)
                .tags(GenAi.TOOL_NAME, "broken", GenAi.TOOL_OUTCOME, "execution")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  /** A structured answer. */
  public record Answer(int value) {}

  @Test
  @Timeout(10)
  void aStructuredOutputRepairIsASecondChatSpan() {
    fx.fake.enqueue(MockChat.text("{\"value\":\"not a number\"}"));
    fx.fake.enqueue(MockChat.text("{\"value\":7}"));

    AgentResult result =
        fx.agent(fx.options()).run(RunRequest.builder("seven").output(Answer.class).build()).await();

    assertThat(result.value()).isEqualTo(new Answer(7));
    List<SpanData> spans = fx.finished(3);
    SpanData agent = named(spans, "invoke_agent trip-planner");
    List<SpanData> chats = all(spans, "chat " + TracingFixture.MODEL);
    assertThat(chats).hasSize(2);
    chats.forEach(c -> assertChildOf(c, agent));
    chats.forEach(c -> assertThat(c.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET));
    assertThat(agent.getAttributes().get(longKey(GenAi.RUN_STEPS))).isEqualTo(2L);
  }

  @Test
  @Timeout(10)
  void aCancelledRunEndsItsOpenToolSpanAndTheAgentSpanAsCancelled() {
    fx.fake.enqueue(MockChat.toolCalls(new MockChat.ToolCall("call_w", "waitForever", "{}")));
    AgentRun run = fx.agent(fx.options()).start(RunRequest.of("wait"));
    fx.tools.waitStarted.future().onSuccess(v -> run.cancel());

    AgentResult result = run.result().await();

    assertThat(result.stopReason()).isEqualTo(StopReason.CANCELLED);
    List<SpanData> spans = fx.finished(3);
    SpanData agent = named(spans, "invoke_agent trip-planner");
    SpanData tool = named(spans, "execute_tool waitForever");
    assertChildOf(tool, agent);
    assertThat(tool.getAttributes().get(stringKey(GenAi.ERROR_TYPE))).isEqualTo("cancelled");
    assertThat(tool.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(agent.getAttributes().get(stringKey(GenAi.ERROR_TYPE))).isEqualTo("cancelled");
    assertThat(agent.getAttributes().get(stringKey(GenAi.STOP_REASON))).isEqualTo("CANCELLED");
    assertThat(agent.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(fx.registry.get(GenAi.METRIC_ACTIVE_RUNS).gauge().value()).isEqualTo(0.0);
  }

  @Test
  @Timeout(10)
  void anIncomingTraceparentBecomesTheRunSpansParent() {
    fx.fake.enqueue(MockChat.text("hi"));
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String parentId = "00f067aa0ba902b7";

    fx.agent(fx.options())
        .run(RunRequest.builder("hi").traceParent("00-" + traceId + "-" + parentId + "-01").build())
        .await();

    List<SpanData> spans = fx.finished(2);
    SpanData agent = named(spans, "invoke_agent trip-planner");
    assertThat(agent.getTraceId()).isEqualTo(traceId);
    assertThat(agent.getParentSpanId()).isEqualTo(parentId);
    assertChildOf(named(spans, "chat " + TracingFixture.MODEL), agent);
  }

  @Test
  @Timeout(10)
  void concurrentRunsOnOneEventLoopKeepTheirOwnTrees() {
    for (int i = 0; i < 3; i++) {
      fx.fake.enqueue(MockChat.toolCalls(new MockChat.ToolCall("c" + i, "weather", "{\"city\":\"X\"}")));
    }
    for (int i = 0; i < 3; i++) {
      fx.fake.enqueue(MockChat.text("ok"));
    }
    var agent = fx.agent(fx.options());
    io.vertx.core.Future.all(
            List.of(agent.run("a"), agent.run("b"), agent.run("c")))
        .await();

    List<SpanData> spans = fx.finished(12);
    List<SpanData> agents = all(spans, "invoke_agent trip-planner");
    assertThat(agents).hasSize(3);
    assertThat(agents.stream().map(SpanData::getTraceId).distinct()).hasSize(3);
    for (SpanData s : spans) {
      if (!s.getName().startsWith("invoke_agent")) {
        SpanData parent =
            agents.stream().filter(a -> a.getSpanId().equals(s.getParentSpanId())).findFirst().orElseThrow();
        assertThat(s.getTraceId()).isEqualTo(parent.getTraceId());
        assertThat(s.getAttributes().get(stringKey(GenAi.CONVERSATION_ID)) == null
                || s.getAttributes().get(stringKey(GenAi.CONVERSATION_ID))
                    .equals(parent.getAttributes().get(stringKey(GenAi.CONVERSATION_ID))))
            .isTrue();
      }
    }
  }
}
