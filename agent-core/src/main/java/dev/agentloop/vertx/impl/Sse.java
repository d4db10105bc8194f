package dev.agentloop.vertx.impl;

import dev.agentloop.agent.AgentEvent;
import dev.agentloop.agent.AgentRun;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** Writes a run's events to an HTTP response as Server-Sent Events, with back-pressure. */
public final class Sse {

  /** The comment sent during silent gaps; clients ignore SSE comments. */
  static final String KEEP_ALIVE = ": keep-alive\n\n";

  private Sse() {}

  /**
   * Streams the run: starts the response, writes the frames of each event, ends the response after
   * the last event, and cancels the run when the client goes away. While nothing was written for
   * {@code keepAlive}, a {@code : keep-alive} comment is written so that proxies and clients with
   * read timeouts keep the connection.
   *
   * @param vertx the Vert.x instance whose timers send keep-alive comments
   * @param keepAlive the longest silence; zero sends no comments
   * @param frames turns an event into complete SSE frames (each ending with a blank line)
   * @param last frames written after the last event, e.g. {@code data: [DONE]}
   */
  public static void stream(
      Vertx vertx,
      HttpServerResponse response,
      AgentRun run,
      Duration keepAlive,
      Function<AgentEvent, List<String>> frames,
      List<String> last) {
    response
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    long interval = keepAlive.toMillis();
    long[] lastWrite = {System.nanoTime()};
    long timer =
        interval <= 0
            ? -1
            : vertx.setPeriodic(
                Math.max(1, interval / 2),
                id -> {
                  if (response.closed() || response.ended()) {
                    vertx.cancelTimer(id);
                  } else if (System.nanoTime() - lastWrite[0] >= interval * 1_000_000L
                      && !response.writeQueueFull()) {
                    response.write(KEEP_ALIVE);
                    lastWrite[0] = System.nanoTime();
                  }
                });
    response.closeHandler(
        v -> {
          vertx.cancelTimer(timer);
          run.cancel();
        });
    ReadStream<AgentEvent> events = run.events();
    events.endHandler(
        v -> {
          vertx.cancelTimer(timer);
          if (!response.closed() && !response.ended()) {
            last.forEach(response::write);
            response.end();
          }
        });
    events.handler(
        event -> {
          if (response.closed() || response.ended()) {
            return;
          }
          List<String> out = frames.apply(event);
          if (!out.isEmpty()) {
            out.forEach(response::write);
            lastWrite[0] = System.nanoTime();
          }
          if (response.writeQueueFull()) {
            // The run goes on; its events wait in the stream's buffer until the client catches up.
            events.pause();
            response.drainHandler(v -> events.resume());
          }
        });
  }

  /** Returns one SSE frame: an optional {@code event:} line and the {@code data:} line. */
  public static String frame(String event, String data) {
    return (event.isEmpty() ? "" : "event: " + event + "\n") + "data: " + data + "\n\n";
  }
}
