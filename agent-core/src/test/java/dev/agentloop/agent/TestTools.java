package dev.agentloop.agent;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.ToolContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Tools used by the agent tests; they record what happened to them. */
public final class TestTools {

  private final Vertx vertx;
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger maxRunning = new AtomicInteger();
  final List<String> calls = new CopyOnWriteArrayList<>();
  final AtomicBoolean cancelSeen = new AtomicBoolean();
  final Promise<Void> waitStarted = Promise.promise();
  final Promise<Void> cancelObserved = Promise.promise();

  TestTools(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Adds two integers. */
  @Tool(description = "Adds two integers", nonBlocking = true)
  public int add(@Param(description = "first") int a, @Param(description = "second") int b) {
    calls.add("add(" + a + "," + b + ")");
    return a + b;
  }

  /** Returns the weather of a city. */
  @Tool(description = "Current weather for a city", nonBlocking = true)
  public String weather(@Param(description = "City name") String city) {
    calls.add("weather(" + city + ")");
    return "sunny in " + city;
  }

  /** Waits, then echoes; records how many calls overlap. */
  @Tool(description = "Waits the given milliseconds and echoes the label")
  public Future<String> slow(@Param(description = "label") String label, @Param(description = "ms") int ms) {
    int now = running.incrementAndGet();
    maxRunning.accumulateAndGet(now, Math::max);
    Promise<String> p = Promise.promise();
    vertx.setTimer(ms, id -> {
      running.decrementAndGet();
      calls.add("slow(" + label + ")");
      p.complete(label);
    });
    return p.future();
  }

  /** Never finishes on its own; completes when the run is cancelled. */
  @Tool(description = "Waits until cancelled")
  public Future<String> waitForever(ToolContext context) {
    waitStarted.tryComplete();
    return context.cancelled().map(v -> {
      cancelSeen.set(true);
      cancelObserved.tryComplete();
      return "cancelled";
    });
  }

  /** Deletes a file (pretend); needs approval. */
  @Tool(description = "Deletes a file", requiresApproval = true, nonBlocking = true)
  public String deleteFile(@Param(description = "path") String path) {
    calls.add("deleteFile(" + path + ")");
    return "deleted " + path;
  }
}
