package dev.agentloop.openrouter;

import static dev.agentloop.openrouter.OpenRouterClientChatTest.KEY;
import static dev.agentloop.openrouter.OpenRouterClientChatTest.OK;
import static dev.agentloop.openrouter.OpenRouterClientChatTest.hello;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(10)
class OpenRouterClientConcurrencyTest {

  ScriptedServer server;
  OpenRouterClient client;

  @AfterEach
  void tearDown() {
    client.close().await();
    server.close().await();
  }

  private void delayedAnswers(Vertx vertx, long delayMs) {
    server.fallback(req -> vertx.setTimer(delayMs,
        t -> ScriptedServer.json(req.response(), 200, OK)));
  }

  private static List<ChatResponse> all(List<Future<ChatResponse>> calls) throws Exception {
    return Future.all(calls).await(9, TimeUnit.SECONDS).list();
  }

  @Test
  void limiterNeverLetsMoreThanMaxInFlightThrough(Vertx vertx) throws Exception {
    server = ScriptedServer.start(vertx);
    delayedAnswers(vertx, 30);
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(server.url()).setMaxInFlight(3));
    List<Future<ChatResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(client.chat(hello()));
    }
    assertThat(all(calls)).hasSize(20);
    assertThat(server.requests()).hasSize(20);
    assertThat(server.maxConcurrent()).isEqualTo(3);
  }

  @Test
  void failedRequestsReleaseTheirSlot(Vertx vertx) throws Exception {
    server = ScriptedServer.start(vertx);
    server.fallback(req -> ScriptedServer.json(req.response(), 400, "{\"error\":{\"code\":400}}"));
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(server.url()).setMaxInFlight(1));
    for (int i = 0; i < 5; i++) {
      assertThat(client.chat(hello()).transform(ar -> Future.succeededFuture(ar.failed()))
          .await(5, TimeUnit.SECONDS)).isTrue();
    }
    server.fallback(req -> ScriptedServer.json(req.response(), 200, OK));
    assertThat(client.chat(hello()).await(5, TimeUnit.SECONDS).id()).isEqualTo("gen-1");
  }

  @Test
  void cancelledStreamsReleaseTheirSlot(Vertx vertx) throws Exception {
    server = ScriptedServer.start(vertx);
    server.fallback(req -> req.response().setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .write(OpenRouterClientStreamTest.text("gen-c", "x")));
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(server.url()).setMaxInFlight(1));
    for (int i = 0; i < 3; i++) {
      client.stream(hello()).onSuccess(ChatStream::cancel).await(5, TimeUnit.SECONDS);
    }
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void rateWindowSpreadsRequestsOverTime(Vertx vertx) throws Exception {
    server = ScriptedServer.start(vertx);
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(server.url()).setMaxRequestsPerWindow(2).setWindow(Duration.ofMillis(400)));
    server.fallback(req -> ScriptedServer.json(req.response(), 200, OK));
    long start = System.nanoTime();
    List<Future<ChatResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      calls.add(client.chat(hello()));
    }
    all(calls);
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    // 5 requests at 2 per 400 ms: the 3rd waits one window, the 5th two.
    assertThat(elapsedMs).isGreaterThanOrEqualTo(750);
    assertThat(server.requests()).hasSize(5);
  }

  @Test
  void http2MultiplexesAndQueuesBeyondTheServersStreamLimit(Vertx vertx) throws Exception {
    Set<Object> connections = ConcurrentHashMap.newKeySet();
    server = ScriptedServer.start(vertx, new HttpServerOptions()
        .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(50)));
    server.fallback(req -> {
      assertThat(req.version()).isEqualTo(HttpVersion.HTTP_2);
      connections.add(req.connection());
      vertx.setTimer(50, t -> ScriptedServer.json(req.response(), 200, OK));
    });
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(server.url()).setHttp2PriorKnowledge(true).setHttp2PoolSize(2)
        .setRetry(RetryOptions.none()));
    List<Future<ChatResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(client.chat(hello()));
    }
    assertThat(all(calls)).hasSize(200);
    assertThat(server.requests()).hasSize(200);
    assertThat(connections.size()).isBetween(1, 2);
    assertThat(server.connections()).isBetween(1, 2);
    assertThat(server.maxConcurrent()).isLessThanOrEqualTo(100);
  }
}
