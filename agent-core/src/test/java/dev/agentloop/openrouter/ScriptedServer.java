package dev.agentloop.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only HTTP server on 127.0.0.1 with a queue of scripted answers. It records every request
 * (with its whole body) and counts concurrent requests and connections. Real sockets, so byte-level
 * cases (split SSE events, dropped connections) can be expressed exactly.
 */
final class ScriptedServer {

  /** A received request. */
  record Recorded(String method, String uri, MultiMap headers, Buffer body) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body.getBytes());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  private final Vertx vertx;
  private final Queue<Handler<HttpServerRequest>> script = new ConcurrentLinkedQueue<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger current = new AtomicInteger();
  private final AtomicInteger max = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile Handler<HttpServerRequest> fallback = req -> json(req.response(), 200, "{}");
  private HttpServer server;

  private ScriptedServer(Vertx vertx) {
    this.vertx = vertx;
  }

  static ScriptedServer start(Vertx vertx) {
    return start(vertx, new HttpServerOptions());
  }

  static ScriptedServer start(Vertx vertx, HttpServerOptions options) {
    ScriptedServer s = new ScriptedServer(vertx);
    s.server = vertx.createHttpServer(options.setHost("127.0.0.1").setPort(0))
        .connectionHandler(c -> s.connections.incrementAndGet())
        .requestHandler(s::handle);
    s.server.listen().await();
    return s;
  }

  private void handle(HttpServerRequest req) {
    int now = current.incrementAndGet();
    max.accumulateAndGet(now, Math::max);
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    Handler<Void> finished = v -> {
      if (done.compareAndSet(false, true)) {
        current.decrementAndGet();
      }
    };
    req.response().closeHandler(finished);
    req.response().endHandler(finished);
    req.body().onSuccess(body -> {
      requests.add(new Recorded(req.method().name(), req.uri(), req.headers(), body));
      Handler<HttpServerRequest> h = script.poll();
      (h == null ? fallback : h).handle(req);
    });
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/api/v1";
  }

  ScriptedServer enqueue(Handler<HttpServerRequest> handler) {
    script.add(handler);
    return this;
  }

  ScriptedServer enqueueJson(int status, String body) {
    return enqueue(req -> json(req.response(), status, body));
  }

  /** Writes the parts one by one, {@code gapMs} apart, then ends the response. */
  ScriptedServer enqueueSse(long gapMs, String... parts) {
    return enqueue(req -> {
      HttpServerResponse resp = req.response().setChunked(true)
          .putHeader("Content-Type", "text/event-stream").putHeader("X-Generation-Id", "gen-sse");
      writeParts(resp, parts, 0, gapMs, true);
    });
  }

  /** Writes the parts, then closes the connection without ending the response. */
  ScriptedServer enqueueSseThenDrop(String... parts) {
    return enqueue(req -> {
      HttpServerResponse resp = req.response().setChunked(true)
          .putHeader("Content-Type", "text/event-stream");
      writeParts(resp, parts, 0, 20, false);
    });
  }

  private void writeParts(HttpServerResponse resp, String[] parts, int i, long gapMs, boolean end) {
    if (i == parts.length) {
      if (end) {
        resp.end();
      } else {
        vertx.setTimer(50, id -> resp.reset());
      }
      return;
    }
    resp.write(Buffer.buffer(parts[i].getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    if (gapMs == 0) {
      writeParts(resp, parts, i + 1, gapMs, end);
    } else {
      vertx.setTimer(gapMs, id -> writeParts(resp, parts, i + 1, gapMs, end));
    }
  }

  void fallback(Handler<HttpServerRequest> handler) {
    this.fallback = handler;
  }

  static void json(HttpServerResponse resp, int status, String body) {
    resp.setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
  }

  List<Recorded> requests() {
    return requests;
  }

  Recorded lastRequest() {
    return requests.get(requests.size() - 1);
  }

  int maxConcurrent() {
    return max.get();
  }

  int connections() {
    return connections.get();
  }

  Future<Void> close() {
    return server.shutdown(java.time.Duration.ZERO);
  }
}
