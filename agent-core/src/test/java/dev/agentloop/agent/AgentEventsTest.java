package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.MockChat;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The event stream of a run. */
@ExtendWith(VertxExtension.class)
class AgentEventsTest {

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
  void eventsArriveInOrderWithTextDeltas() {
    fx.fake.enqueue(MockChat.streamToolCalls(2, MockChat.ToolCall.of("add", "{\"a\":1,\"b\":2}")));
    fx.fake.enqueue(MockChat.streamText("The answer is 3.", 4));
    List<AgentEvent> events = new ArrayList<>();
    Promise<Void> ended = Promise.promise();

    AgentRun run = fx.agent().stream(RunRequest.of("1+2"));
    run.events().endHandler(v -> ended.complete()).handler(events::add);
    AgentResult result = run.result().await();
    ended.future().await();

    List<String> kinds = events.stream().map(e -> e.getClass().getSimpleName())
        .collect(Collectors.toList());
    List<String> compact = new ArrayList<>();
    for (String k : kinds) {
      if (!(k.equals("TextDelta") && !compact.isEmpty() && compact.get(compact.size() - 1).equals("TextDelta"))) {
        compact.add(k);
      }
    }
    assertThat(compact).containsExactly("RunStarted", "ModelRequest", "ToolCallRequested",
        "ToolCallFinished", "StepFinished", "ModelRequest", "TextDelta", "StepFinished", "RunFinished");
    String text = events.stream().filter(e -> e instanceof AgentEvent.TextDelta)
        .map(e -> ((AgentEvent.TextDelta) e).text()).collect(Collectors.joining());
    assertThat(text).isEqualTo("The answer is 3.");
    assertThat(events.stream().filter(e -> e instanceof AgentEvent.TextDelta).count()).isGreaterThan(1);
    assertThat(((AgentEvent.RunFinished) events.get(events.size() - 1)).result()).isSameAs(result);
    assertThat(events).allMatch(e -> e.runId().equals(run.runId()));
    AgentEvent.ToolCallFinished finished = (AgentEvent.ToolCallFinished) events.get(3);
    assertThat(finished.result().content()).isEqualTo("3");
  }

  @Test
  @Timeout(10)
  void agentListenersSeeEveryRun() {
    fx.fake.enqueue(MockChat.text("a"));
    fx.fake.enqueue(MockChat.text("b"));
    List<AgentEvent> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    Agent agent = fx.agent(fx.options().addListener(seen::add));

    agent.run("one").await();
    agent.run("two").await();

    assertThat(seen.stream().filter(e -> e instanceof AgentEvent.RunFinished)).hasSize(2);
  }

  @Test
  @Timeout(10)
  void failedRunEndsWithRunFailed() {
    fx.fake.enqueue(dev.agentloop.testing.MockResponse.error(401, "bad key"));
    List<AgentEvent> events = new ArrayList<>();

    Promise<Void> ended = Promise.promise();
    AgentRun run = fx.agent().start(RunRequest.of("hi"));
    run.events().endHandler(v -> ended.complete()).handler(events::add);
    AgentFixture.failure(run.result());
    ended.future().await();

    assertThat(events.get(events.size() - 1)).isInstanceOf(AgentEvent.RunFailed.class);
  }
}
