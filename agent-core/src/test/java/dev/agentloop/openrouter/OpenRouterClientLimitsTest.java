package dev.agentloop.openrouter;

import static dev.agentloop.openrouter.OpenRouterClientChatTest.KEY;
import static dev.agentloop.openrouter.OpenRouterClientChatTest.failure;
import static dev.agentloop.openrouter.OpenRouterClientChatTest.hello;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.openrouter.OpenRouterException.Kind;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Size limits of the client against a hostile server: a line that never ends, a body that never
 * ends, gzip bombs. Each call must fail fast with RESPONSE_TOO_LARGE (not retried), the server must
 * see the connection reset, and nothing may buffer without bound.
 */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class OpenRouterClientLimitsTest {

  static final int MIB = 1024 * 1024;

  ScriptedServer server;
  OpenRouterClient client;
  Vertx vertx;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    server = ScriptedServer.start(vertx);
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(server.url()).setMaxBodySize(MIB).setMaxSseLineSize(64 * 1024)
        .setMaxSseEventSize(128 * 1024)
        .setRetry(new RetryOptions().setBaseDelay(Duration.ofMillis(10))));
  }

  @AfterEach
  void tearDown() {
    client.close().await();
    server.close().await();
  }

  /** Writes the chunk forever (respecting back-pressure) until the client goes away. */
  static void endless(HttpServerResponse resp, Buffer chunk, AtomicLong sent, CountDownLatch gone) {
    resp.closeHandler(v -> gone.countDown());
    pump(resp, chunk, sent);
  }

  private static void pump(HttpServerResponse resp, Buffer chunk, AtomicLong sent) {
    while (!resp.closed() && !resp.writeQueueFull()) {
      resp.write(chunk);
      sent.addAndGet(chunk.length());
    }
    if (!resp.closed()) {
      resp.drainHandler(v -> pump(resp, chunk, sent));
    }
  }

  static Buffer gzip(byte[] repeated, long total) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
      for (long n = 0; n < total; n += repeated.length) {
        gz.write(repeated);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return Buffer.buffer(out.toByteArray());
  }

  static void sse(HttpServerRequest req) {
    req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
  }

  @Test
  void defaultsAreBoundedAndSettersValidate() {
    OpenRouterOptions o = new OpenRouterOptions();
    assertThat(o.getMaxBodySize()).isEqualTo(64L * MIB);
    assertThat(o.getMaxSseLineSize()).isEqualTo(4 * MIB);
    assertThat(o.getMaxSseEventSize()).isEqualTo(8 * MIB);
    OpenRouterOptions copy = new OpenRouterOptions(o.setMaxBodySize(5).setMaxSseLineSize(6)
        .setMaxSseEventSize(7));
    assertThat(copy.getMaxBodySize()).isEqualTo(5);
    assertThat(copy.getMaxSseLineSize()).isEqualTo(6);
    assertThat(copy.getMaxSseEventSize()).isEqualTo(7);
    assertThatThrownBy(() -> o.setMaxBodySize(0)).hasMessage("maxBodySize must be >= 1: 0");
    assertThatThrownBy(() -> o.setMaxSseLineSize(0)).hasMessage("maxSseLineSize must be >= 1: 0");
    assertThatThrownBy(() -> o.setMaxSseEventSize(-1))
        .hasMessage("maxSseEventSize must be >= 1: -1");
  }

  @Test
  void aBodyInSeveralChunksIsJoinedWholeAndOneInOneChunkIsReadAsIs() {
    String content = "é".repeat(150_000); // 300,000 bytes: many chunks on the wire
    String json = "{\"id\":\"gen-1\",\"model\":\"m/x\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},"
        + "\"finish_reason\":\"stop\"}]}";
    byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    server.enqueue(req -> {
      req.response().setChunked(true).putHeader("Content-Type", "application/json");
      // Three writes, the first two ending inside a multi-byte character.
      int a = bytes.length / 3 + 1;
      int b = 2 * bytes.length / 3 + 1;
      req.response().write(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, 0, a)));
      vertx.setTimer(20, t1 -> {
        req.response().write(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, a, b)));
        vertx.setTimer(20, t2 ->
            req.response().end(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, b, bytes.length))));
      });
    });
    server.enqueue(req -> req.response().putHeader("Content-Type", "application/json")
        .end("{\"id\":\"gen-2\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
            + "\"assistant\",\"content\":\"short\"},\"finish_reason\":\"stop\"}]}"));

    assertThat(client.chat(hello()).await().message().text()).isEqualTo(content);
    assertThat(client.chat(hello()).await().message().text()).isEqualTo("short");
  }

  @Test
  void streamLineWithoutNewlineFailsAtTheLineLimit() throws Exception {
    AtomicLong sent = new AtomicLong();
    CountDownLatch gone = new CountDownLatch(1);
    server.enqueue(req -> {
      sse(req);
      req.response().write("data: ");
      endless(req.response(), Buffer.buffer("a".repeat(8192)), sent, gone);
    });
    ChatStream stream = client.stream(hello()).await();
    OpenRouterException e = failure(stream.result());
    assertThat(e.kind()).isEqualTo(Kind.RESPONSE_TOO_LARGE);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.getMessage()).isEqualTo("an event-stream line from OpenRouter is larger than 65536"
        + " bytes — the server misbehaves, or raise OpenRouterOptions maxSseLineSize if such"
        + " responses are expected");
    assertThat(gone.await(5, TimeUnit.SECONDS)).as("connection reset").isTrue();
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void streamEventOfEndlessDataLinesFailsAtTheEventLimit() throws Exception {
    AtomicLong sent = new AtomicLong();
    CountDownLatch gone = new CountDownLatch(1);
    server.enqueue(req -> {
      sse(req);
      endless(req.response(), Buffer.buffer("data: " + "b".repeat(1000) + "\n"), sent, gone);
    });
    ChatStream stream = client.stream(hello()).await();
    OpenRouterException e = failure(stream.result());
    assertThat(e.kind()).isEqualTo(Kind.RESPONSE_TOO_LARGE);
    assertThat(e.getMessage()).startsWith(
        "an event-stream event from OpenRouter is larger than 131072 bytes");
    assertThat(e.getMessage()).contains("maxSseEventSize");
    assertThat(gone.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void endlessStreamOfEventsFailsAtTheBodyLimit() throws Exception {
    AtomicLong sent = new AtomicLong();
    CountDownLatch gone = new CountDownLatch(1);
    String chunk = OpenRouterClientStreamTest.text("gen-s", "x".repeat(1000));
    server.enqueue(req -> {
      sse(req);
      endless(req.response(), Buffer.buffer(chunk.repeat(8)), sent, gone);
    });
    ChatStream stream = client.stream(hello()).await();
    OpenRouterException e = failure(stream.result());
    assertThat(e.kind()).isEqualTo(Kind.RESPONSE_TOO_LARGE);
    assertThat(e.getMessage()).startsWith("the stream from OpenRouter is larger than 1048576 bytes");
    assertThat(e.partialText()).startsWith("xxxx");
    assertThat(e.partialText().length()).isLessThan(MIB);
    assertThat(gone.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void endlessBodyFailsAtTheBodyLimitAndIsNotRetried() throws Exception {
    AtomicLong sent = new AtomicLong();
    CountDownLatch gone = new CountDownLatch(1);
    server.enqueue(req -> {
      req.response().setChunked(true).putHeader("Content-Type", "application/json");
      req.response().write("{\"id\":\"");
      endless(req.response(), Buffer.buffer("c".repeat(8192)), sent, gone);
    });
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.RESPONSE_TOO_LARGE);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("the response body (status 200) from OpenRouter is larger"
        + " than 1048576 bytes — the server misbehaves, or raise OpenRouterOptions maxBodySize if"
        + " such responses are expected");
    assertThat(gone.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void declaredContentLengthAboveTheLimitFailsBeforeReading() {
    server.enqueue(req -> req.response().putHeader("Content-Type", "application/json")
        .putHeader("Content-Length", String.valueOf(2 * MIB)).write("{"));
    OpenRouterException e = failure(client.models());
    assertThat(e.kind()).isEqualTo(Kind.RESPONSE_TOO_LARGE);
    assertThat(e.getMessage()).startsWith("the response body (status 200) from OpenRouter is larger");
  }

  @Test
  void errorBodiesAreBoundedToo() throws Exception {
    AtomicLong sent = new AtomicLong();
    CountDownLatch gone = new CountDownLatch(1);
    server.enqueue(req -> {
      req.response().setStatusCode(400).setChunked(true);
      endless(req.response(), Buffer.buffer("d".repeat(8192)), sent, gone);
    });
    OpenRouterException e = failure(client.stream(hello()));
    assertThat(e.kind()).isEqualTo(Kind.RESPONSE_TOO_LARGE);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(gone.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void gzipBombBodyFailsAtTheDecompressedLimit() {
    // 64 MiB of JSON-ish zeros compress to about 64 KiB: under the limit on the wire, far over it
    // once decompressed.
    Buffer bomb = gzip(new byte[64 * 1024], 64L * MIB);
    assertThat(bomb.length()).isLessThan(MIB);
    server.enqueue(req -> req.response().putHeader("Content-Type", "application/json")
        .putHeader("Content-Encoding", "gzip").end(bomb));
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.RESPONSE_TOO_LARGE);
    assertThat(e.getMessage()).contains("larger than 1048576 bytes");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void gzipBombStreamFailsAtTheDecompressedLimit() {
    Buffer bomb = gzip(": keep-alive\n\n".repeat(4096).getBytes(StandardCharsets.UTF_8), 64L * MIB);
    assertThat(bomb.length()).isLessThan(MIB);
    server.enqueue(req -> {
      sse(req);
      req.response().putHeader("Content-Encoding", "gzip").end(bomb);
    });
    ChatStream stream = client.stream(hello()).await();
    OpenRouterException e = failure(stream.result());
    assertThat(e.kind()).isEqualTo(Kind.RESPONSE_TOO_LARGE);
    assertThat(e.getMessage()).startsWith("the stream from OpenRouter is larger than 1048576 bytes");
  }
}
