package dev.agentloop.openrouter;

import static dev.agentloop.openrouter.OpenRouterClientChatTest.KEY;
import static dev.agentloop.openrouter.OpenRouterClientChatTest.failure;
import static dev.agentloop.openrouter.OpenRouterClientChatTest.hello;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.OpenRouterException.Kind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(10)
class OpenRouterClientStreamTest {

  static String text(String id, String content) {
    return "data: {\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},"
        + "\"finish_reason\":null}]}\n\n";
  }

  static final String FINISH = "data: {\"id\":\"gen-s\",\"choices\":[{\"index\":0,\"delta\":{},"
      + "\"finish_reason\":\"stop\",\"native_finish_reason\":\"end_turn\"}]}\n\n";
  static final String USAGE = "data: {\"id\":\"gen-s\",\"choices\":[],\"usage\":{\"prompt_tokens\":4,"
      + "\"completion_tokens\":3,\"total_tokens\":7,\"cost\":0.0002}}\n\n";
  static final String DONE = "data: [DONE]\n\n";

  ScriptedServer server;
  OpenRouterClient client;
  Vertx vertx;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    server = ScriptedServer.start(vertx);
    client = create(new OpenRouterOptions());
  }

  OpenRouterClient create(OpenRouterOptions base) {
    return OpenRouterClient.create(vertx, base.setApiKey(KEY).setBaseUrl(server.url())
        .setRetry(new RetryOptions().setBaseDelay(Duration.ofMillis(10))));
  }

  @AfterEach
  void tearDown() {
    client.close().await();
    server.close().await();
  }

  /** Streams, collecting chunks, and returns the accumulated result. */
  Future<ChatResponse> collect(List<ChatChunk> chunks) {
    return client.stream(hello()).compose(s -> {
      s.handler(chunks::add);
      return s.result();
    });
  }

  @Test
  void streamParsesEventsSplitAtAwkwardPlaces() {
    String all = ": OPENROUTER PROCESSING\r\n\r\n" + text("gen-s", "亚") + text("gen-s", "😀!")
        .replace("\n\n", "\r\n\r\n") + FINISH + USAGE + DONE;
    byte[] bytes = all.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int cr = all.indexOf('\r', 30);
    int multibyte = all.indexOf('亚') + 1; // inside the 3-byte UTF-8 sequence
    int emoji = new String(bytes, 0, all.indexOf('😀'), java.nio.charset.StandardCharsets.UTF_8)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    server.enqueue(req -> {
      var resp = req.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
          .putHeader("X-Generation-Id", "gen-s");
      int[] cuts = {3, cr + 1, multibyte + 1, emoji + 2, bytes.length};
      int from = 0;
      for (int i = 0; i < cuts.length; i++) {
        int to = Math.min(Math.max(cuts[i], from), bytes.length);
        var part = io.vertx.core.buffer.Buffer.buffer().appendBytes(bytes, from, to - from);
        vertx.setTimer(10L * (i + 1), t -> resp.write(part));
        from = to;
      }
      vertx.setTimer(100, t -> resp.end());
    });
    List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
    ChatResponse r = collect(chunks).await();
    assertThat(chunks).hasSize(4);
    assertThat(r.message().text()).isEqualTo("亚😀!");
    assertThat(r.id()).isEqualTo("gen-s");
    assertThat(r.finishReason()).isEqualTo("stop");
    assertThat(r.choices().get(0).nativeFinishReason()).isEqualTo("end_turn");
    assertThat(r.usage().totalTokens()).isEqualTo(7);
    assertThat(server.lastRequest().json().get("stream").asBoolean()).isTrue();
    assertThat(server.lastRequest().headers().get("Accept")).isEqualTo("text/event-stream");
  }

  @Test
  void generationIdComesFromTheHeader() {
    server.enqueueSse(0, text("gen-x", "a"), FINISH, DONE);
    AtomicReference<String> id = new AtomicReference<>();
    client.stream(hello()).compose(s -> {
      id.set(s.generationId());
      return s.result();
    }).await();
    assertThat(id.get()).isEqualTo("gen-sse");
  }

  @Test
  void toolCallDeltasAssembleOverHttp() {
    server.enqueueSse(5,
        "data: {\"id\":\"gen-t\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,"
            + "\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":"
            + "{\"name\":\"get_weather\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
            + "{\"arguments\":\"{\\\"city\"}}]},\"finish_reason\":null}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
            + "{\"arguments\":\"\\\":\\\"Tokyo\\\"}\"}}]},\"finish_reason\":null}]}\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n",
        USAGE, DONE);
    ChatResponse r = client.stream(hello()).compose(ChatStream::result).await();
    assertThat(r.finishReason()).isEqualTo("tool_calls");
    assertThat(r.message().toolCalls())
        .containsExactly(ToolCall.of("call_1", "get_weather", "{\"city\":\"Tokyo\"}"));
  }

  @Test
  void midStreamErrorSurfacesTypedWithPartialText() {
    server.enqueueSse(5, text("gen-e", "Hel"), text("gen-e", "lo"),
        "data: {\"id\":\"gen-e\",\"object\":\"chat.completion.chunk\",\"provider\":\"OpenAI\","
            + "\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\",\"metadata\":"
            + "{\"error_type\":\"rate_limit_exceeded\"}},\"choices\":[{\"index\":0,\"delta\":"
            + "{\"content\":\"\"},\"finish_reason\":\"error\"}]}\n\n");
    AtomicReference<Throwable> seen = new AtomicReference<>();
    List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
    OpenRouterException e = failure(client.stream(hello()).compose(s -> {
      s.exceptionHandler(seen::set).handler(chunks::add);
      return s.result();
    }));
    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.partialText()).isEqualTo("Hello");
    assertThat(e.getMessage()).contains("Rate limit exceeded");
    assertThat(chunks).hasSize(2);
    assertThat(seen.get()).isSameAs(e);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void stringErrorCodesInTheStreamAreAccepted() {
    server.enqueueSse(0, text("g", "x"),
        "data: {\"error\":{\"code\":\"server_error\",\"message\":\"boom\"},\"choices\":[]}\n\n");
    OpenRouterException e = failure(client.stream(hello()).compose(ChatStream::result));
    assertThat(e.kind()).isEqualTo(Kind.PROVIDER_ERROR);
    assertThat(e.errorCode().asText()).isEqualTo("server_error");
    assertThat(e.partialText()).isEqualTo("x");
  }

  @Test
  void droppedConnectionMidStreamIsTransportWithPartialTextAndNotRetried() {
    server.enqueueSseThenDrop(text("gen-d", "par"), text("gen-d", "tial"));
    OpenRouterException e = failure(client.stream(hello()).compose(ChatStream::result));
    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(e.partialText()).isEqualTo("partial");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void streamIsRetriedWhenNothingWasDeliveredYet() {
    server.enqueueJson(503, "{\"error\":{\"code\":503,\"message\":\"overloaded\"}}");
    server.enqueue(req -> req.connection().close());
    server.enqueueSse(0, text("gen-r", "ok"), FINISH, DONE);
    ChatResponse r = client.stream(hello()).compose(ChatStream::result).await();
    assertThat(r.message().text()).isEqualTo("ok");
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void errorStatusBeforeStreamingFailsTyped() {
    server.fallback(req -> ScriptedServer.json(req.response(), 401,
        "{\"error\":{\"code\":401,\"message\":\"No auth credentials found\"}}"));
    OpenRouterException e = failure(client.stream(hello()));
    assertThat(e.kind()).isEqualTo(Kind.AUTH);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void pauseStopsDeliveryAndResumeContinues() {
    String[] parts = new String[8];
    for (int i = 0; i < 6; i++) {
      parts[i] = text("gen-b", "c" + i);
    }
    parts[6] = FINISH;
    parts[7] = DONE;
    server.enqueueSse(10, parts);
    List<ChatChunk> chunks = new CopyOnWriteArrayList<>();
    Promise<Integer> whilePaused = Promise.promise();
    ChatResponse r = client.stream(hello()).compose(s -> {
      s.handler(c -> {
        chunks.add(c);
        if (chunks.size() == 1) {
          s.pause();
          vertx.setTimer(300, t -> {
            whilePaused.complete(chunks.size());
            s.fetch(1);
            vertx.setTimer(100, t2 -> s.resume());
          });
        }
      });
      return s.result();
    }).await();
    assertThat(whilePaused.future().await()).isEqualTo(1);
    assertThat(r.message().text()).isEqualTo("c0c1c2c3c4c5");
    assertThat(chunks).hasSize(7);
  }

  @Test
  void cancelClosesTheConnectionAndFailsTheResult() {
    Promise<Void> serverSawClose = Promise.promise();
    server.enqueue(req -> {
      req.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
          .write(text("gen-c", "first"));
      req.connection().closeHandler(v -> serverSawClose.tryComplete());
    });
    OpenRouterException e = failure(client.stream(hello()).compose(s -> {
      s.handler(c -> s.cancel());
      return s.result();
    }));
    assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
    assertThat(e.partialText()).isEqualTo("first");
    serverSawClose.future().await();
  }

  @Test
  void silentStreamHitsTheIdleTimeout() {
    client.close().await();
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(server.url()).setIdleTimeout(Duration.ofMillis(300))
        .setRetry(RetryOptions.none()));
    server.enqueue(req -> req.response().setChunked(true)
        .putHeader("Content-Type", "text/event-stream").write(text("gen-i", "so far")));
    OpenRouterException e = failure(client.stream(hello()).compose(ChatStream::result));
    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.partialText()).isEqualTo("so far");
  }
}
