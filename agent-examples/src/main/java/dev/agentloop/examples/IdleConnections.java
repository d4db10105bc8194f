package dev.agentloop.examples;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes connections that have had no request in progress for the idle timeout, including ones that
 * never finish sending a request. Unlike Vert.x's own idle timeout, a long run that writes nothing
 * until it ends (a non-streaming completion) is never cut.
 */
final class IdleConnections {

  private final Vertx vertx;
  private final long idleNanos;
  private final Map<HttpConnection, State> connections = new ConcurrentHashMap<>();
  private final long timer;

  /** Per-connection state; touched from the connection's event loop and the sweep timer. */
  private static final class State {
    volatile long lastActive = System.nanoTime();
    final List<HttpServerResponse> open = new ArrayList<>();
  }

  IdleConnections(Vertx vertx, Duration idleTimeout) {
    this.vertx = vertx;
    this.idleNanos = idleTimeout.toNanos();
    long period = Math.max(20, idleTimeout.toMillis() / 4);
    this.timer = vertx.setPeriodic(period, id -> sweep());
  }

  /** Starts watching a new connection. */
  void opened(HttpConnection connection) {
    connections.put(connection, new State());
    connection.closeHandler(v -> connections.remove(connection));
  }

  /** Records a request in progress on its connection. */
  void request(HttpServerRequest request) {
    State state = connections.get(request.connection());
    if (state != null) {
      synchronized (state) {
        state.open.add(request.response());
      }
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    connections.forEach(
        (connection, state) -> {
          synchronized (state) {
            if (state.open.removeIf(r -> r.ended() || r.closed())) {
              state.lastActive = now;
            }
            if (!state.open.isEmpty()) {
              state.lastActive = now;
              return;
            }
          }
          if (now - state.lastActive > idleNanos) {
            connections.remove(connection);
            connection.close();
          }
        });
  }

  /** Stops the sweep timer. */
  void close() {
    vertx.cancelTimer(timer);
  }
}
