package dev.agentloop.tool;

/**
 * A {@link ToolContext} whose owner can cancel it, made by {@link
 * ToolContext#of(io.vertx.core.Vertx, String, String)}. Thread-safe.
 */
public interface CancellableToolContext extends ToolContext {

  /**
   * Cancels the context: {@link #isCancelled()} turns true and {@link #cancelled()} completes.
   *
   * @return {@code true} if this call cancelled it, {@code false} if it already was
   */
  boolean cancel();
}
