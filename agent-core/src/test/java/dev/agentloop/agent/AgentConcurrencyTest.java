package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One shared agent, many concurrent runs on one Vert.x instance. Checks correctness, not speed. */
@ExtendWith(VertxExtension.class)
class AgentConcurrencyTest {

  private static final int RUNS = 1_000;

  private AgentFixture fx;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = AgentFixture.start(vertx);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  /** Answers by counting tool messages: add(n,1), then add(n+1,1), then the final text. */
  private static MockResponse answer(RecordedRequest request) {
    JsonArray messages = request.messages();
    int tools = request.countMessages("tool");
    if (tools == 0) {
      String prompt = messages.getJsonObject(messages.size() - 1).getString("content");
      int n = Integer.parseInt(prompt.substring("start at ".length()));
      return MockResponse.chat(MockChat.toolCall("add", new JsonObject().put("a", n).put("b", 1).encode()));
    }
    int last = Integer.parseInt(messages.getJsonObject(messages.size() - 1).getString("content"));
    if (tools == 1) {
      return MockResponse.chat(MockChat.toolCall("add", new JsonObject().put("a", last).put("b", 1).encode()));
    }
    return MockResponse.chat(MockChat.text("result " + last).usage(10, 2, 0.0001));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void thousandConcurrentThreeStepRunsAllComplete() {
    fx.fake.dispatcher(AgentConcurrencyTest::answer);
    Agent agent = fx.agent();
    List<Future<AgentResult>> runs = new ArrayList<>();

    for (int i = 0; i < RUNS; i++) {
      runs.add(agent.run("start at " + (i * 10)));
    }
    Future.all(runs).await();

    for (int i = 0; i < RUNS; i++) {
      AgentResult r = runs.get(i).result();
      assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
      assertThat(r.text()).isEqualTo("result " + (i * 10 + 2));
      assertThat(r.steps()).hasSize(3);
      assertThat(r.transcript()).hasSize(6);
      assertThat(r.transcript().get(0).text()).isEqualTo("start at " + (i * 10));
    }
    assertThat(runs.stream().map(f -> f.result().sessionId()).distinct()).hasSize(RUNS);
    assertThat(fx.chatBodies()).hasSize(3 * RUNS);
  }
}
