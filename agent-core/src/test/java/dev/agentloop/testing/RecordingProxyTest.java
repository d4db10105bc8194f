package dev.agentloop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import io.vertx.junit5.VertxExtension;

@ExtendWith(VertxExtension.class)
@Timeout(10)
class RecordingProxyTest {

  @TempDir Path dir;
  private Http http;

  @BeforeEach
  void setUp(Vertx vertx) {
    http = new Http(vertx);
  }

  @AfterEach
  void tearDown() {
    http.close().await();
  }

  @Test
  void recordThenReplayGivesIdenticalAnswers(Vertx vertx) throws Exception {
    Path cassette = dir.resolve("session.jsonl");
    FakeOpenRouter upstream = FakeOpenRouter.start(vertx,
        new FakeOpenRouterOptions().setApiKey("sk-or-v1-topsecret")).await();
    upstream.enqueue(MockChat.toolCall("get_weather", "{\"city\":\"Paris\"}").pieces(3));
    upstream.enqueue(MockChat.text("Sunny in Paris."));
    RecordingProxy proxy = RecordingProxy.start(vertx, upstream.baseUrl(), cassette).await();

    JsonObject streaming = Http.chatRequest(true).put("session_id", "run-1");
    JsonObject plain = Http.chatRequest(false).put("session_id", "run-1");
    Http.Response recorded1 = http.send(HttpMethod.POST, proxy.baseUrl() + "/chat/completions",
        streaming, "sk-or-v1-topsecret", 0).await();
    Http.Response recorded2 = http.send(HttpMethod.POST, proxy.baseUrl() + "/chat/completions",
        plain, "sk-or-v1-topsecret", 0).await();
    Http.Response recorded3 = http.send(HttpMethod.GET, proxy.baseUrl() + "/models", null,
        "sk-or-v1-topsecret", 0).await();
    proxy.close().await();
    upstream.close().await();

    assertThat(proxy.exchangeCount()).isEqualTo(3);
    assertThat(upstream.requests()).hasSize(3);
    assertThat(recorded1.status()).isEqualTo(200);
    String file = Files.readString(cassette);
    assertThat(file).doesNotContain("topsecret").doesNotContainIgnoringCase("authorization")
        .doesNotContain("OPENROUTER PROCESSING");
    List<String> lines = Files.readAllLines(cassette);
    assertThat(lines).hasSize(3);
    JsonObject first = new JsonObject(lines.get(0));
    assertThat(first.getJsonObject("request").getString("path")).isEqualTo("/chat/completions");
    assertThat(first.getJsonObject("response").getJsonArray("sse").getString(6))
        .isEqualTo("[DONE]");
    assertThat(new JsonObject(lines.get(2)).getJsonObject("request").getValue("body")).isNull();

    FakeOpenRouter replay = FakeOpenRouter.start(vertx).await();
    replay.replay(cassette).await();
    try {
      Http.Response replayed1 = http.post(replay.baseUrl() + "/chat/completions",
          streaming.copy().put("session_id", "run-2")).await();
      Http.Response replayed2 = http.post(replay.baseUrl() + "/chat/completions", plain).await();
      Http.Response replayed3 = http.get(replay.baseUrl() + "/models").await();

      assertThat(replayed1.body()).isEqualTo(recorded1.body().replace(": OPENROUTER PROCESSING\n\n", ""));
      assertThat(replayed1.headers().get("X-Generation-Id"))
          .isEqualTo(recorded1.headers().get("X-Generation-Id"));
      assertThat(replayed2.json()).isEqualTo(recorded2.json());
      assertThat(replayed2.headers().get("Content-Type")).isEqualTo("application/json");
      assertThat(replayed3.json()).isEqualTo(recorded3.json());
    } finally {
      replay.close().await();
    }
  }

  @Test
  void replayMismatchNamesTheExpectedRequest(Vertx vertx) throws Exception {
    Path cassette = dir.resolve("one.jsonl");
    Files.writeString(cassette, "{\"request\":{\"method\":\"POST\",\"path\":\"/chat/completions\","
        + "\"body\":{\"model\":\"a/b\",\"messages\":[],\"user\":\"u1\"}},\"response\":{\"status\":200,"
        + "\"headers\":{\"content-type\":\"application/json\"},\"body\":{\"ok\":true}}}\n");
    FakeOpenRouter replay = FakeOpenRouter.start(vertx).await();
    replay.replay(cassette).await();
    String url = replay.baseUrl() + "/chat/completions";
    try {
      Http.Response wrongPath = http.get(replay.baseUrl() + "/key").await();
      Http.Response wrongBody = http.post(url, new JsonObject().put("model", "c/d")
          .put("messages", new io.vertx.core.json.JsonArray())).await();
      Http.Response matching = http.post(url, new JsonObject().put("model", "a/b")
          .put("messages", new io.vertx.core.json.JsonArray()).put("user", "u2")).await();
      Http.Response exhausted = http.post(url, new JsonObject()).await();

      assertThat(message(wrongPath)).isEqualTo("cassette mismatch at exchange #1 of 1: "
          + "expected POST /chat/completions but got GET /key");
      assertThat(message(wrongBody)).isEqualTo("cassette mismatch at exchange #1 of 1: request "
          + "body differs from the recorded one; expected body {\"model\":\"a/b\",\"messages\":[]} "
          + "but got {\"model\":\"c/d\",\"messages\":[]}");
      assertThat(matching.json()).isEqualTo(new JsonObject().put("ok", true));
      assertThat(exhausted.status()).isEqualTo(500);
      assertThat(message(exhausted)).isEqualTo("cassette exhausted: all 1 recorded exchanges "
          + "were replayed, but got POST /chat/completions");
    } finally {
      replay.close().await();
    }
  }

  @Test
  void replayWithoutBodyMatchingOnlyChecksMethodAndPath(Vertx vertx) throws Exception {
    Path cassette = dir.resolve("loose.jsonl");
    Files.writeString(cassette, "{\"request\":{\"method\":\"POST\",\"path\":\"/chat/completions\","
        + "\"body\":{\"model\":\"a/b\"}},\"response\":{\"status\":200,\"headers\":{},"
        + "\"sse\":[\"{\\\"x\\\":1}\",\"[DONE]\"]}}\n");
    FakeOpenRouter replay = FakeOpenRouter.start(vertx).await();
    replay.replay(cassette, false).await();
    try {
      Http.Response response = http.post(replay.baseUrl() + "/chat/completions",
          Http.chatRequest(true)).await();

      assertThat(response.body()).isEqualTo("data: {\"x\":1}\n\ndata: [DONE]\n\n");
    } finally {
      replay.close().await();
    }
  }

  @Test
  void unreachableUpstreamAnswers502(Vertx vertx) {
    RecordingProxy proxy = RecordingProxy.start(vertx, "http://127.0.0.1:1/api/v1",
        dir.resolve("none.jsonl")).await();
    try {
      Http.Response response = http.post(proxy.baseUrl() + "/chat/completions",
          Http.chatRequest(false)).await();

      assertThat(response.status()).isEqualTo(502);
      assertThat(message(response)).startsWith("RecordingProxy could not reach upstream "
          + "http://127.0.0.1:1/api/v1: ");
      assertThat(proxy.exchangeCount()).isZero();
    } finally {
      proxy.close().await();
    }
  }

  private static String message(Http.Response response) {
    return response.json().getJsonObject("error").getString("message");
  }
}
