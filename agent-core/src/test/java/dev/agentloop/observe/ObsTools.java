package dev.agentloop.observe;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.ToolContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/** Tools for the tracing tests: a slow one, a failing one and one that waits for a cancel. */
public final class ObsTools {

  final Vertx vertx;
  final Promise<Void> waitStarted = Promise.promise();

  ObsTools(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Waits, then echoes. */
  @Tool(description = "Waits the given milliseconds and echoes the label")
  public Future<String> slow(@Param(description = "label") String label, @Param(description = "ms") int ms) {
    Promise<String> p = Promise.promise();
    vertx.setTimer(ms, id -> p.complete(label));
    return p.future();
  }

  /** Always fails. */
  @Tool(description = "Always fails", nonBlocking = true)
  public String broken() {
    throw new IllegalStateException("disk on fire");
  }

  /** Returns the weather (a blocking tool: runs on a worker). */
  @Tool(description = "Current weather for a city")
  public String weather(@Param(description = "City name") String city) {
    return "sunny in " + city;
  }

  /** Never finishes on its own. */
  @Tool(description = "Waits until cancelled")
  public Future<String> waitForever(ToolContext context) {
    waitStarted.tryComplete();
    return context.cancelled().map(v -> "cancelled");
  }
}
