package dev.agentloop.tool.impl;

import dev.agentloop.tool.CancellableToolContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A tool context cancelled by {@link #cancel()} or when an upstream future completes. */
public final class ToolContextImpl implements CancellableToolContext {

  private final Vertx vertx;
  private final String runId;
  private final String toolCallId;
  private final Promise<Void> cancelled = Promise.promise();

  /** Creates a context; {@code upstream}, when given, cancels it on completion. */
  public ToolContextImpl(
      Vertx vertx, String runId, String toolCallId, @Nullable Future<?> upstream) {
    this.vertx = Objects.requireNonNull(vertx, "vertx == null");
    this.runId = Objects.requireNonNull(runId, "runId == null");
    this.toolCallId = Objects.requireNonNull(toolCallId, "toolCallId == null");
    if (upstream != null) {
      upstream.onComplete(ar -> cancel());
    }
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public String toolCallId() {
    return toolCallId;
  }

  @Override
  public Vertx vertx() {
    return vertx;
  }

  @Override
  public boolean isCancelled() {
    return cancelled.future().isComplete();
  }

  @Override
  public Future<Void> cancelled() {
    return cancelled.future();
  }

  @Override
  public boolean cancel() {
    return cancelled.tryComplete();
  }

  @Override
  public String toString() {
    return "ToolContext[runId=" + runId + ", toolCallId=" + toolCallId + "]";
  }
}
