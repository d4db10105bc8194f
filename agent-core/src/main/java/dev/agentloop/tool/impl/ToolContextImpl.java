package dev.agentloop.tool.impl;

import dev.agentloop.tool.CancellableToolContext;
import dev.agentloop.tool.ToolContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** A tool context cancelled by {@link #cancel()} or when an upstream future completes. */
public final class ToolContextImpl implements CancellableToolContext {

  private final Vertx vertx;
  private final String runId;
  private final String toolCallId;
  private final Promise<Void> cancelled = Promise.promise();
  // Children register here rather than on cancelled(): a Vert.x future cannot drop a listener, so
  // a long-lived context shared by many calls would otherwise collect one listener per call.
  private final Set<ToolContextImpl> children = ConcurrentHashMap.newKeySet();
  private @Nullable ToolContextImpl parent;

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

  /**
   * Returns a context for one call, cancelled with {@code parent}; {@link #release()} it when the
   * call ends.
   */
  public static ToolContextImpl childOf(ToolContext parent, String toolCallId) {
    if (!(parent instanceof ToolContextImpl owner)) {
      return new ToolContextImpl(parent.vertx(), parent.runId(), toolCallId, parent.cancelled());
    }
    ToolContextImpl child = new ToolContextImpl(owner.vertx, owner.runId, toolCallId, null);
    child.parent = owner;
    owner.children.add(child);
    // Added before the check: a concurrent cancel() either sees the child or is seen here.
    if (owner.isCancelled()) {
      child.cancel();
    }
    return child;
  }

  /** Detaches this call's context from its parent once the call has ended. */
  public void release() {
    ToolContextImpl owner = parent;
    if (owner != null) {
      owner.children.remove(this);
    }
  }

  /** The number of attached child contexts (calls in progress); for tests. */
  int childCount() {
    return children.size();
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
    if (!cancelled.tryComplete()) {
      return false;
    }
    children.forEach(ToolContextImpl::cancel);
    return true;
  }

  @Override
  public String toString() {
    return "ToolContext[runId=" + runId + ", toolCallId=" + toolCallId + "]";
  }
}
