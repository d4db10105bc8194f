package dev.agentloop.testing.impl;

import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.MockResponse.SocketEffect;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;

/** Writes a literal {@link MockResponse} to a server request, with delays and socket effects. */
public final class ResponseWriter {

  private ResponseWriter() {}

  /**
   * Starts writing {@code r} as the answer to {@code req}; returns at once. Delays use Vert.x
   * timers on the request's context. Writing stops quietly when the client goes away.
   */
  public static void write(Vertx vertx, HttpServerRequest req, MockResponse r) {
    if (r.chat() != null) {
      throw new IllegalArgumentException("render the chat answer first: " + r);
    }
    switch (r.effect()) {
      case DISCONNECT_BEFORE_RESPONSE -> req.connection().close();
      case HANG -> {}
      default -> after(vertx, r.headersDelay(), () -> start(vertx, req, r));
    }
  }

  private static void start(Vertx vertx, HttpServerRequest req, MockResponse r) {
    HttpServerResponse resp = req.response();
    if (resp.closed()) {
      return;
    }
    resp.setStatusCode(r.status());
    resp.headers().addAll(r.headers());
    List<Buffer> parts = r.parts();
    boolean midBody =
        r.effect() == SocketEffect.DISCONNECT_MID_BODY || r.effect() == SocketEffect.STALL_MID_BODY;
    if (parts.isEmpty()) {
      Buffer body = r.body() == null ? Buffer.buffer() : r.body();
      if (!midBody) {
        resp.end(body);
        return;
      }
      // Announce the full length, send half: the client sees a truncated body.
      resp.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
      resp.write(body.slice(0, body.length() / 2))
          .onComplete(
              ar -> {
                if (r.effect() == SocketEffect.DISCONNECT_MID_BODY) {
                  req.connection().close();
                }
              });
      return;
    }
    resp.setChunked(true);
    resp.writeHead();
    writeParts(vertx, req, r, parts, 0);
  }

  private static void writeParts(
      Vertx vertx, HttpServerRequest req, MockResponse r, List<Buffer> parts, int i) {
    HttpServerResponse resp = req.response();
    if (resp.closed()) {
      return;
    }
    if (i == r.effectAfterParts() && r.effect() == SocketEffect.DISCONNECT_MID_BODY) {
      req.connection().close();
      return;
    }
    if (i == r.effectAfterParts() && r.effect() == SocketEffect.STALL_MID_BODY) {
      return;
    }
    if (i == parts.size()) {
      resp.end();
      return;
    }
    resp.write(parts.get(i));
    Duration delay = i + 1 < parts.size() ? r.chunkDelay() : Duration.ZERO;
    after(vertx, delay, () -> writeParts(vertx, req, r, parts, i + 1));
  }

  private static void after(Vertx vertx, Duration delay, Runnable action) {
    if (delay.isZero()) {
      action.run();
    } else {
      vertx.setTimer(Math.max(1, delay.toMillis()), id -> action.run());
    }
  }
}
