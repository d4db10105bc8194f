package dev.agentloop.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.impl.Json;
import dev.agentloop.testing.ContractSchemas;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockResponse;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /embeddings} through the client against the fake's hashed bag-of-words vectors. */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class EmbeddingsTest {

  static final String MODEL = "openai/text-embedding-3-small";
  static FakeOpenRouter fake;
  static OpenRouterClient client;

  @BeforeAll
  static void start(Vertx vertx) {
    fake = FakeOpenRouter.start(vertx).await();
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey("k")
        .setBaseUrl(fake.baseUrl()));
  }

  @AfterAll
  static void stop() {
    client.close().await();
    fake.close().await();
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  private static OpenRouterException failure(Future<?> f) {
    return (OpenRouterException) f.transform(ar -> Future.succeededFuture(ar.cause())).await();
  }

  @Test
  void embedsInInputOrderWithUsageAndCost() throws Exception {
    EmbeddingRequest request = EmbeddingRequest.of(MODEL, List.of(
        "the client retries rate limited requests", "retries of rate limited requests",
        "bake bread with flour")).withDimensions(128).withInputType("search_document");

    EmbeddingResponse r = client.embeddings(request).await();

    List<float[]> v = r.vectors();
    assertThat(v).hasSize(3).allSatisfy(x -> assertThat(x).hasSize(128));
    assertThat(cosine(v.get(0), v.get(0))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(cosine(v.get(0), v.get(1))).isGreaterThan(0.5);
    assertThat(cosine(v.get(0), v.get(2))).isLessThan(0.3);
    assertThat(r.model()).isEqualTo(MODEL);
    assertThat(r.usage().promptTokens()).isEqualTo(6 + 5 + 4);
    assertThat(r.usage().cost()).isEqualByComparingTo(new BigDecimal("0.0000003"));
    JsonObject sent = fake.takeRequest().body();
    assertThat(sent).isEqualTo(new JsonObject().put("model", MODEL)
        .put("input", new JsonArray(request.input())).put("dimensions", 128)
        .put("input_type", "search_document"));
    JsonNode body = Json.MAPPER.readTree(sent.encode());
    assertThat(ContractSchemas.validate("EmbeddingsRequest", body)).isEmpty();
  }

  @Test
  void fakeAnswersMatchTheResponseSchema() throws Exception {
    client.embeddings(EmbeddingRequest.of(MODEL, List.of("a b", "c"))).await();
    fake.takeRequest();
    MockResponse answer = dev.agentloop.testing.impl.FakeEmbeddings.answer(
        new dev.agentloop.testing.RecordedRequest(0, "POST", "/api/v1/embeddings", null,
            io.vertx.core.MultiMap.caseInsensitiveMultiMap(),
            new JsonObject().put("model", MODEL).put("input", "hello world").encode()));
    assertThat(ContractSchemas.validate("EmbeddingsResponse", answer.body().toString())).isEmpty();
    assertThat(new JsonObject(answer.body()).getJsonArray("data").getJsonObject(0)
        .getJsonArray("embedding")).hasSize(256);
  }

  @Test
  void requestsAreBounded() {
    assertThatThrownBy(() -> EmbeddingRequest.of(MODEL, List.of()))
        .hasMessage("input must have 1 to 2048 texts: 0");
    assertThatThrownBy(() -> EmbeddingRequest.of(MODEL, Collections.nCopies(2049, "x")))
        .hasMessage("input must have 1 to 2048 texts: 2049");
    assertThatThrownBy(() -> EmbeddingRequest.of(MODEL, List.of("a", "")))
        .hasMessage("input text must not be empty: index 1");
    assertThatThrownBy(() -> EmbeddingRequest.of(MODEL, List.of("a")).withDimensions(8193))
        .hasMessage("dimensions must be in 1..8192: 8193");
  }

  @Test
  void answersThatDoNotFitTheRequestAreInvalid() {
    JsonArray huge = new JsonArray();
    for (int i = 0; i < EmbeddingRequest.MAX_DIMENSIONS + 1; i++) {
      huge.add(0.0);
    }
    fake.enqueue("/embeddings", MockResponse.json(200, new JsonObject().put("object", "list")
        .put("model", MODEL).put("data", new JsonArray().add(new JsonObject()
            .put("object", "embedding").put("index", 0).put("embedding", huge)))));
    fake.enqueue("/embeddings", MockResponse.json(200, new JsonObject().put("object", "list")
        .put("model", MODEL).put("data", new JsonArray())));

    OpenRouterException tooBig =
        failure(client.embeddings(EmbeddingRequest.of(MODEL, List.of("a"))));
    OpenRouterException missing =
        failure(client.embeddings(EmbeddingRequest.of(MODEL, List.of("a"))));

    assertThat(tooBig.kind()).isEqualTo(OpenRouterException.Kind.INVALID_RESPONSE);
    assertThat(tooBig.getMessage()).contains("an embedding has 8193 dimensions (max 8192)");
    assertThat(missing.getMessage()).contains("0 embeddings for 1 inputs");
    fake.takeRequest();
    fake.takeRequest();
  }

  @Test
  void serverErrorsAreOpenRouterExceptions() {
    fake.enqueue("/embeddings", MockResponse.error(400, "model not found: x/y"));
    OpenRouterException e = failure(client.embeddings(EmbeddingRequest.of("x/y", List.of("a"))));
    assertThat(e.kind()).isEqualTo(OpenRouterException.Kind.BAD_REQUEST);
    assertThat(e.getMessage()).contains("model not found: x/y");
    fake.takeRequest();
  }
}
