package dev.agentloop.tools.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hybrid BM25 + KNN ranking with embeddings from FakeOpenRouter, and BM25 without them. */
@Timeout(10)
class DocumentSearchHybridTest {

  static final String MODEL = "openai/text-embedding-3-small";
  static Vertx vertx;
  static FakeOpenRouter fake;
  static OpenRouterClient client;

  @TempDir Path folder;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    fake = FakeOpenRouter.start(vertx).await();
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey("k")
        .setBaseUrl(fake.baseUrl()));
  }

  @AfterAll
  static void stop() {
    client.close().await();
    fake.close().await();
    vertx.close().await();
  }

  @BeforeEach
  void corpus() throws IOException {
    Files.writeString(folder.resolve("a.md"), "# Retries\nThe client retries failed requests.\n");
    Files.writeString(folder.resolve("b.md"), "# Baking\nBread needs flour and water.\n");
    Files.writeString(folder.resolve("c.md"), "# Logging\nThe client logs requests.\n");
  }

  private List<RecordedRequest> embeddingRequests() {
    return fake.requests().stream().filter(r -> r.path().endsWith("/embeddings")).toList();
  }

  @Test
  void hybridFusesBm25AndVectorRanks() {
    int before = embeddingRequests().size();
    try (DocumentSearch docs = DocumentSearch.index(folder, new DocumentSearchOptions(),
        Embedder.openRouter(client, MODEL, 64))) {
      assertThat(docs.isHybrid()).isTrue();
      assertThat(embeddingRequests()).hasSize(before + 1);
      RecordedRequest indexing = embeddingRequests().get(before);
      assertThat(indexing.body().getInteger("dimensions")).isEqualTo(64);
      assertThat(indexing.body().getJsonArray("input")).hasSize(3);

      List<Passage> hits = docs.find("client retries", 3);

      // BM25 finds a.md then c.md; KNN ranks every passage: all three come back, fused.
      assertThat(hits).extracting(Passage::path).containsExactly("a.md", "c.md", "b.md");
      assertThat(hits.get(0).score()).isEqualTo(2f / 61);
      assertThat(hits.get(1).score()).isEqualTo(2f / 62);
      assertThat(hits.get(2).score()).isEqualTo(1f / 63);
      assertThat(embeddingRequests()).hasSize(before + 2);
      assertThat(embeddingRequests().get(before + 1).body().getJsonArray("input"))
          .containsExactly("client retries");
    }
  }

  @Test
  void withoutAnEmbedderItIsBm25Only() {
    int before = embeddingRequests().size();
    try (DocumentSearch docs = DocumentSearch.index(folder, new DocumentSearchOptions(), null)) {
      assertThat(docs.isHybrid()).isFalse();
      assertThat(docs.find("client retries", 3)).extracting(Passage::path)
          .containsExactly("a.md", "c.md");
    }
    assertThat(embeddingRequests()).hasSize(before);
  }

  @Test
  void aFailingQueryEmbeddingFallsBackToBm25() {
    try (DocumentSearch docs = DocumentSearch.index(folder, new DocumentSearchOptions(),
        Embedder.openRouter(client, MODEL, 32))) {
      fake.enqueue("/embeddings", MockResponse.error(400, "model gone"));
      assertThat(docs.find("client retries", 3)).extracting(Passage::path)
          .containsExactly("a.md", "c.md");
    }
  }

  @Test
  void aFailingIndexEmbeddingFailsTheIndexing() {
    fake.enqueue("/embeddings", MockResponse.error(400, "model gone"));
    assertThatThrownBy(() -> DocumentSearch.index(folder, new DocumentSearchOptions(),
        Embedder.openRouter(client, MODEL, 32)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot embed the passages: ").hasMessageContaining("model gone");
  }

  @Test
  void passagesAreEmbeddedInBoundedBatches() throws IOException {
    String many = IntStream.range(0, Embedder.MAX_BATCH + 44).mapToObj(i -> "word" + i)
        .collect(Collectors.joining("\n\n"));
    Files.writeString(folder.resolve("many.txt"), many);
    int before = embeddingRequests().size();
    try (DocumentSearch docs = DocumentSearch.index(folder,
        new DocumentSearchOptions().setMaxPassageLines(1), Embedder.openRouter(client, MODEL, 16))) {
      assertThat(docs.passageCount()).isEqualTo(3 * 2 + 300);
      List<RecordedRequest> sent = embeddingRequests().subList(before, embeddingRequests().size());
      assertThat(sent).extracting(r -> r.body().getJsonArray("input").size())
          .containsExactly(256, 50);
    }
  }

  @Test
  void boundsOnDimensionsAndPassages() throws IOException {
    assertThatThrownBy(() -> Embedder.openRouter(client, MODEL, 1025))
        .hasMessage("dimensions must be in 1..1024: 1025");
    String many = IntStream.range(0, DocumentSearch.MAX_EMBEDDED_PASSAGES + 1)
        .mapToObj(i -> "w" + i).collect(Collectors.joining("\n\n"));
    Files.writeString(folder.resolve("many.txt"), many);
    int before = embeddingRequests().size();
    assertThatThrownBy(() -> DocumentSearch.index(folder,
        new DocumentSearchOptions().setMaxPassageLines(1), Embedder.openRouter(client, MODEL, 8)))
        .hasMessage("too many passages to embed (max 20000): 20007");
    assertThat(embeddingRequests()).hasSize(before);
  }
}
