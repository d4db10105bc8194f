package dev.agentloop.agent.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentEvent;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.StopReason;
import dev.agentloop.openrouter.Message;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.RecordedRequest;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Handoffs: the target takes over the run; the cap stops cycles. */
@ExtendWith(VertxExtension.class)
class HandoffsTest {

  private ComposeFixture fx;

  /** The weather agent's tool. */
  public static final class Forecast {
    /** Forecasts. */
    @Tool(description = "Forecast for a city", nonBlocking = true)
    public String forecast(@Param(description = "city") String city) {
      return "sun in " + city;
    }
  }

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = ComposeFixture.start(vertx);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  @Timeout(10)
  void handoffContinuesWithTheTargetsInstructionsToolsAndModel() {
    fx.script(
        "triage",
        r -> MockChat.toolCall("transfer_to_weather", "{}").usage(10, 1, 0.001).toResponse());
    fx.script(
        "weather",
        r ->
            r.countMessages("tool") == 1
                ? MockChat.toolCall("forecast", "{\"city\":\"Paris\"}").usage(20, 2, 0.002).toResponse()
                : MockChat.text("sunny in Paris").usage(30, 3, 0.003).toResponse());
    Agent weather =
        fx.agent(
            fx.options("weather")
                .setModel("acme/weather-model")
                .setToolbox(Toolbox.builder().add(new Forecast()).build()));
    Agent triage =
        fx.agent(
            fx.options("triage")
                .setHandoffs(new HandoffOptions().add(Handoff.to(weather, "Weather questions"))));

    AgentResult result = triage.run("weather in Paris?").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.text()).isEqualTo("sunny in Paris");
    assertThat(result.agents()).containsExactly("triage", "weather");
    assertThat(result.usageByAgent().get("triage").costOrZero()).isEqualByComparingTo("0.001");
    assertThat(result.usageByAgent().get("weather").costOrZero()).isEqualByComparingTo("0.005");
    RecordedRequest first = fx.fake.requests().get(0);
    assertThat(first.tools().getJsonObject(0).getJsonObject("function").getString("name"))
        .isEqualTo("transfer_to_weather");
    RecordedRequest second = fx.fake.requests().get(1);
    assertThat(second.model()).isEqualTo("acme/weather-model");
    assertThat(second.messages().getJsonObject(0).getString("content")).isEqualTo("weather");
    assertThat(second.messages().getJsonObject(1).getString("content"))
        .isEqualTo("weather in Paris?");
    assertThat(second.tools().stream().map(t -> ((JsonObject) t).getJsonObject("function").getString("name")))
        .containsExactly("forecast");
    assertThat(result.transcript().get(0)).isEqualTo(Message.system("weather"));
  }

  @Test
  @Timeout(10)
  void handoffCycleStopsAtTheCapWithHandoffLimit() {
    fx.script("A", r -> MockChat.toolCall("transfer_to_B", "{}").toResponse());
    fx.script("B", r -> MockChat.toolCall("transfer_to_A", "{}").toResponse());
    AtomicReference<Agent> a = new AtomicReference<>();
    AtomicReference<Agent> b = new AtomicReference<>();
    a.set(
        fx.agent(
            fx.options("A")
                .setHandoffs(
                    new HandoffOptions().add(new Handoff("B", "", b::get)).setMaxHandoffs(3))));
    b.set(
        fx.agent(fx.options("B").setHandoffs(new HandoffOptions().add(new Handoff("A", "", a::get)))));

    List<AgentEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    AgentRun run = a.get().start(dev.agentloop.agent.RunRequest.of("ping pong"));
    run.events().handler(events::add);
    AgentResult result = run.result().await();

    assertThat(result.stopReason()).isEqualTo(StopReason.HANDOFF_LIMIT);
    assertThat(result.error().getMessage())
        .isEqualTo("the run reached its handoff limit: 3 (HandoffOptions maxHandoffs)");
    assertThat(result.agents()).containsExactly("A", "B", "A", "B");
    assertThat(fx.fake.requestCount()).isEqualTo(4);
    assertThat(events.stream().filter(e -> e instanceof AgentEvent.AgentAnswering))
        .containsExactly(
            new AgentEvent.AgentAnswering(run.runId(), "B", 0),
            new AgentEvent.AgentAnswering(run.runId(), "A", 0),
            new AgentEvent.AgentAnswering(run.runId(), "B", 0));
  }

  @Test
  void composedEventsHaveAJsonFormForTheEventStream() {
    AgentEvent.TextDelta delta = new AgentEvent.TextDelta("run-2", 1, "hi");
    assertThat(dev.agentloop.vertx.AgentJson.toJson(new AgentEvent.AgentAnswering("run-1", "weather", 0)))
        .isEqualTo(new JsonObject("{\"type\":\"agent_answering\",\"runId\":\"run-1\",\"agent\":\"weather\",\"depth\":0}"));
    assertThat(dev.agentloop.vertx.AgentJson.toJson(new AgentEvent.SubAgentEvent("run-1", "research", 1, delta)))
        .isEqualTo(
            new JsonObject(
                "{\"type\":\"sub_agent\",\"runId\":\"run-1\",\"agent\":\"research\",\"depth\":1,"
                    + "\"event\":{\"type\":\"text_delta\",\"runId\":\"run-2\",\"step\":1,\"text\":\"hi\"}}"));
  }

  @Test
  @Timeout(10)
  void handoffFilterShapesTheTranscriptTheTargetSees() {
    fx.script("triage", r -> MockChat.toolCall("transfer_to_maths", "{}").toResponse());
    fx.script("maths", r -> MockChat.text("4").toResponse());
    Agent maths = fx.agent(fx.options("maths"));
    Agent triage =
        fx.agent(
            fx.options("triage")
                .setHandoffs(
                    new HandoffOptions()
                        .add(Handoff.to(maths, "Arithmetic"))
                        .setFilter(l -> List.of(l.get(0)))));

    AgentResult result = triage.run("2+2?").await();

    assertThat(result.text()).isEqualTo("4");
    RecordedRequest second = fx.fake.requests().get(1);
    assertThat(second.messages().size()).isEqualTo(2);
    assertThat(second.messages().getJsonObject(1).getString("content")).isEqualTo("2+2?");
  }
}
