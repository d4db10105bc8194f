package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.RequestExtras;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Extra request fields and headers of an agent and of a run reach every request, merged. */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class AgentExtrasTest {

  private AgentFixture fx;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = AgentFixture.start(vertx);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void agentAndRunExtrasAreMergedIntoEveryRequest(boolean stream) {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":2}"));
    fx.fake.enqueue(MockChat.text("3"));
    AgentOptions options = fx.options().setExtras(RequestExtras.builder()
        .field("service_tier", "flex").field("trace", Map.of("trace_id", "t1"))
        .header("X-OpenRouter-Metadata", "enabled").header("x-anthropic-beta", "agent").build());
    RunRequest request = RunRequest.builder("Add 1 and 2").stream(stream)
        .extras(RequestExtras.builder().field("service_tier", "priority")
            .field("modalities", List.of("text")).header("X-Anthropic-Beta",
                "interleaved-thinking-2025-05-14").build())
        .build();

    AgentResult result = fx.agent(options).run(request).await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    List<RecordedRequest> sent = fx.fake.requests();
    assertThat(sent).hasSize(2);
    for (RecordedRequest r : sent) {
      JsonObject body = r.body();
      assertThat(body.getString("service_tier")).isEqualTo("priority");
      assertThat(body.getJsonObject("trace")).isEqualTo(new JsonObject().put("trace_id", "t1"));
      assertThat(body.getJsonArray("modalities").getList()).containsExactly("text");
      assertThat(body.containsKey("max_tokens")).isFalse();
      assertThat(r.header("X-OpenRouter-Metadata")).isEqualTo("enabled");
      assertThat(r.headers().getAll("x-anthropic-beta"))
          .containsExactly("interleaved-thinking-2025-05-14");
      assertThat(r.header("Authorization")).isEqualTo(RecordedRequest.REDACTED_AUTHORIZATION);
      assertThat(r.isStream()).isEqualTo(stream);
    }
  }

  @Test
  void withoutExtrasNothingMoreIsSent() {
    fx.fake.enqueue(MockChat.text("hi"));

    fx.agent().run("Hi").await();

    RecordedRequest r = fx.fake.takeRequest();
    // "provider" is require_parameters, sent because the run has tools (AgentRequireParametersTest).
    assertThat(r.body().fieldNames()).containsExactlyInAnyOrder("model", "messages", "tools",
        "session_id", "provider");
    // With tools, only providers that support them (provider.require_parameters, issue 19).
    assertThat(r.body().getJsonObject("provider"))
        .isEqualTo(new JsonObject().put("require_parameters", true));
    assertThat(r.header("X-OpenRouter-Metadata")).isNull();
  }
}
