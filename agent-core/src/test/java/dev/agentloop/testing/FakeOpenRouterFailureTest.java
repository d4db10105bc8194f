package dev.agentloop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.MockResponse.SocketEffect;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeOpenRouterFailureTest extends FakeServerTestBase {

  private Future<Http.Response> chat(boolean stream) {
    return http.post(fake.baseUrl() + "/chat/completions", Http.chatRequest(stream));
  }

  @Test
  void errorEnvelopeWithMetadataAndRetryAfter() {
    fake.enqueue(MockResponse.error(429, "Provider returned error",
        new JsonObject().put("provider_name", "BaseTen").put("raw", "rate-limited upstream"))
        .newBuilder().header("Retry-After", "3").build());

    Http.Response response = chat(false).await();

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers().get("Retry-After")).isEqualTo("3");
    assertThat(response.json()).isEqualTo(new JsonObject("{\"error\":{\"code\":429,"
        + "\"message\":\"Provider returned error\",\"metadata\":{\"provider_name\":\"BaseTen\","
        + "\"raw\":\"rate-limited upstream\"}}}"));
  }

  @Test
  void rateLimitedCarriesRetryAfterAndErrorType() {
    fake.enqueue(MockResponse.rateLimited(7));

    Http.Response response = chat(true).await();

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers().get("Retry-After")).isEqualTo("7");
    assertThat(response.json().getJsonObject("error").getJsonObject("metadata")
        .getString("error_type")).isEqualTo("rate_limit_exceeded");
  }

  @Test
  void okStatusWithTopLevelError() {
    fake.enqueue(MockResponse.errorInBody(429, "Provider returned error",
        new JsonObject().put("raw", "error code: 1015").put("provider_name", "Kluster")));

    Http.Response response = chat(false).await();

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(new JsonObject("{\"error\":{\"code\":429,"
        + "\"message\":\"Provider returned error\",\"metadata\":{\"raw\":\"error code: 1015\","
        + "\"provider_name\":\"Kluster\"}},\"user_id\":\"user_fake\"}"));
  }

  @Test
  void finishReasonErrorKeepsPartialContent() {
    fake.enqueue(MockChat.text("partial output...")
        .error(502, "Provider disconnected mid-stream", "provider_unavailable"));

    JsonObject choice = chat(false).await().json().getJsonArray("choices").getJsonObject(0);

    assertThat(choice.getString("finish_reason")).isEqualTo("error");
    assertThat(choice.getJsonObject("message").getString("content")).isEqualTo("partial output...");
    assertThat(choice.getJsonObject("error").getInteger("code")).isEqualTo(502);
  }

  @Test
  void midStreamErrorChunkFollowsText() {
    fake.enqueue(MockChat.streamText("Hello there", 2)
        .error(500, "Internal Server Error", "server"));

    List<String> frames = chat(true).await().frames();

    assertThat(frames).hasSize(4);
    assertThat(frames.get(1)).contains("\"content\":\"Hello\"");
    assertThat(frames.get(3)).startsWith("data: {").contains("\"error\":{\"code\":500,")
        .contains("\"finish_reason\":\"error\"").doesNotContain("[DONE]");
  }

  @Test
  void disconnectBeforeResponseClosesTheConnection() {
    fake.enqueue(MockResponse.builder().effect(SocketEffect.DISCONNECT_BEFORE_RESPONSE).build());

    Throwable failure = chat(false).map(r -> (Throwable) null).otherwise(e -> e).await();

    assertThat(failure).isNotNull();
    assertThat(failure.getClass().getSimpleName()).isIn("HttpClosedException",
        "VertxException", "ClosedChannelException");
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void disconnectMidStreamTruncatesTheBody() {
    fake.enqueue(MockChat.streamText("one two three four", 4).toResponse().newBuilder()
        .effect(SocketEffect.DISCONNECT_MID_BODY, 3).build());

    Throwable failure = chat(true).map(r -> (Throwable) null).otherwise(e -> e).await();

    assertThat(failure).isNotNull().hasMessageContaining("closed");
  }

  @Test
  void disconnectMidJsonBodyTruncatesTheBody() {
    fake.enqueue(MockChat.text("complete answer").toResponse().newBuilder()
        .effect(SocketEffect.DISCONNECT_MID_BODY).build());

    Throwable failure = chat(false).map(r -> (Throwable) null).otherwise(e -> e).await();

    assertThat(failure).isNotNull();
  }

  @Test
  void hangLetsTheClientTimeoutFire() {
    fake.enqueue(MockResponse.builder().effect(SocketEffect.HANG).build());
    long start = System.nanoTime();

    Throwable failure = http.send(HttpMethod.POST, fake.baseUrl() + "/chat/completions",
        Http.chatRequest(false), null, 300).map(r -> (Throwable) null).otherwise(e -> e).await();

    assertThat(failure).isNotNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(
        Duration.ofMillis(250));
    assertThat(fake.requestCount()).isEqualTo(1);
  }

  @Test
  void stallMidStreamLetsTheIdleTimeoutFire() {
    fake.enqueue(MockChat.streamText("a b c", 3).toResponse().newBuilder()
        .effect(SocketEffect.STALL_MID_BODY, 2).build());

    Throwable failure = chat(true).timeout(300, TimeUnit.MILLISECONDS)
        .map(r -> (Throwable) null).otherwise(e -> e).await();

    assertThat(failure).isInstanceOf(java.util.concurrent.TimeoutException.class);
    assertThat(fake.inFlight()).isEqualTo(1);
  }

  @Test
  void rawPartsArriveAsSeparateWrites() {
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    Buffer first = Buffer.buffer("data: {\"x\":\"").appendBytes(euro, 0, 1);
    Buffer second = Buffer.buffer().appendBytes(euro, 1, 2).appendString("\"}\r");
    Buffer third = Buffer.buffer("\n\r\ndata: [DONE]\n\n");
    fake.enqueue(MockResponse.rawParts(first, second, third).newBuilder()
        .chunkDelay(Duration.ofMillis(50)).build());

    Http.Response response = chat(true).await();

    assertThat(response.chunks().stream().map(Buffer::getBytes).toList())
        .containsExactly(first.getBytes(), second.getBytes(), third.getBytes());
    assertThat(response.body()).isEqualTo("data: {\"x\":\"€\"}\r\n\r\ndata: [DONE]\n\n");
  }

  @Test
  void malformedSseFramesAreWrittenVerbatim() {
    fake.enqueue(MockResponse.sseFrames("data: {\"broken\":\n\n", "event without data\n\n",
        "data: [DONE]\n\n"));

    Http.Response response = chat(true).await();

    assertThat(response.body()).isEqualTo(
        "data: {\"broken\":\n\nevent without data\n\ndata: [DONE]\n\n");
  }

  @Test
  void sseEventsFormatsDataFrames() {
    fake.enqueue(MockResponse.sseEvents("{\"a\":1}", "[DONE]"));

    Http.Response response = chat(true).await();

    assertThat(response.headers().get("Content-Type")).isEqualTo("text/event-stream");
    assertThat(response.frames()).containsExactly("data: {\"a\":1}\n\n", "data: [DONE]\n\n");
  }

  @Test
  void delaysUseTimers() {
    fake.enqueue(MockChat.streamText("a b c", 3).toResponse().newBuilder()
        .headersDelay(Duration.ofMillis(150)).chunkDelay(Duration.ofMillis(30)).build());
    long start = System.nanoTime();

    Http.Response response = chat(true).await();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(
        Duration.ofMillis(150 + 30 * 5));
    assertThat(response.frames()).hasSize(7);
  }

  @Test
  void maxInFlightCountsConcurrentSlowRequests() {
    fake.dispatcher(r -> MockChat.text("slow").toResponse().newBuilder()
        .headersDelay(Duration.ofMillis(200)).build());
    List<Future<Http.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      calls.add(chat(false));
    }

    Future.all(calls).await();

    assertThat(fake.maxInFlight()).isEqualTo(5);
    assertThat(fake.inFlight()).isZero();
    chat(false).await();
    assertThat(fake.maxInFlight()).isEqualTo(5);
  }

  @Test
  void generationIdHeaderIsSetOnStreamsAndBodies() {
    fake.enqueue(MockChat.toolCall("f", "{}").id("gen-t"));
    fake.enqueue(MockChat.toolCall("f", "{}").id("gen-u"));

    assertThat(chat(true).await().headers().get("X-Generation-Id")).isEqualTo("gen-t");
    assertThat(chat(false).await().headers().get("X-Generation-Id")).isEqualTo("gen-u");
  }
}
