package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code agentloop run rag} online ranks with embeddings; without an embeddings endpoint, BM25. */
@ExtendWith(VertxExtension.class)
class RagEmbeddingsTest {

  private FakeOpenRouter fake;
  @TempDir Path docs;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    fake = FakeOpenRouter.start(vertx).await();
    Files.writeString(docs.resolve("pets.md"), "# Pets\n\nCats sleep sixteen hours a day.\n");
    fake.enqueue(MockChat.toolCall("search_documents",
        new JsonObject().put("query", "cats sleep").put("maxResults", 2).encode()));
    fake.enqueue(MockChat.text("Sixteen hours. [1]"));
  }

  @AfterEach
  void tearDown() {
    fake.close().await();
  }

  private List<RecordedRequest> paths(String suffix) {
    return fake.requests().stream().filter(r -> r.path().endsWith(suffix)).toList();
  }

  private String toolResult() {
    JsonArray messages = paths("/chat/completions").get(1).messages();
    return messages.getJsonObject(messages.size() - 1).getString("content");
  }

  @Test
  void onlineTheDocumentsAndTheQueryAreEmbedded() {
    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "--no-stream", "rag", "--docs",
        docs.toString(), "How long do cats sleep?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("Sixteen hours. [1]\n");
    List<RecordedRequest> embeddings = paths("/embeddings");
    assertThat(embeddings).hasSize(2);
    assertThat(embeddings.get(0).body().getString("model"))
        .isEqualTo("openai/text-embedding-3-small");
    assertThat(embeddings.get(0).body().getInteger("dimensions")).isEqualTo(512);
    assertThat(embeddings.get(0).body().getJsonArray("input")).hasSize(1);
    assertThat(embeddings.get(1).body().getJsonArray("input")).containsExactly("cats sleep");
    assertThat(toolResult()).startsWith("[1] pets.md:1-3 (Pets)\n");
  }

  @Test
  void withoutAnEmbeddingsEndpointItSearchesByKeywords() {
    fake.enqueue("/embeddings", MockResponse.error(404, "No such endpoint"));

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "--no-stream", "rag", "--docs",
        docs.toString(), "How long do cats sleep?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(paths("/embeddings")).hasSize(1);
    assertThat(toolResult()).startsWith("[1] pets.md:1-3 (Pets)\n");
  }
}
