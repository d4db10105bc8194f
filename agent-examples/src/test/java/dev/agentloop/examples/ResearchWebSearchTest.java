package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code agentloop run research} offers the web_search server tool and prints its sources. */
@ExtendWith(VertxExtension.class)
class ResearchWebSearchTest {

  private FakeOpenRouter fake;

  @BeforeEach
  void setUp(Vertx vertx) {
    fake = FakeOpenRouter.start(vertx).await();
  }

  @AfterEach
  void tearDown() {
    fake.close().await();
  }

  @Test
  void webSearchIsOfferedAndSourcesArePrinted() {
    fake.enqueue(MockChat.text("Vert.x 5 was released in 2025 [1].")
        .citation("https://vertx.io/blog/vertx-5", "Vert.x 5 is here", "Vert.x 5 ...", 0, 10)
        .citation("https://github.com/eclipse-vertx", null, "Eclipse Vert.x", 0, 10));

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "--no-stream", "research",
        "When was Vert.x 5 released?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("Vert.x 5 was released in 2025 [1].\n\nSources:\n"
        + "[1] Vert.x 5 is here — https://vertx.io/blog/vertx-5\n"
        + "[2] https://github.com/eclipse-vertx\n");
    JsonArray tools = fake.takeRequest().body().getJsonArray("tools");
    assertThat(tools.stream().map(t -> ((JsonObject) t).getString("type")))
        .contains("openrouter:web_search", "function");
  }
}
