package dev.agentloop.vertx.impl;

import dev.agentloop.agent.AgentEvent;
import dev.agentloop.agent.AgentRun;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;
import java.util.List;
import java.util.function.Function;

/** Writes a run's events to an HTTP response as Server-Sent Events, with back-pressure. */
public final class Sse {

  private Sse() {}

  /**
   * Streams the run: starts the response, writes the frames of each event, ends the response after
   * the last event, and cancels the run when the client goes away.
   *
   * @param frames turns an event into complete SSE frames (each ending with a blank line)
   * @param last frames written after the last event, e.g. {@code data: [DONE]}
   */
  public static void stream(
      HttpServerResponse response,
      AgentRun run,
      Function<AgentEvent, List<String>> frames,
      List<String> last) {
    response
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    response.closeHandler(v -> run.cancel());
    ReadStream<AgentEvent> events = run.events();
    events.endHandler(
        v -> {
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
          frames.apply(event).forEach(response::write);
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
