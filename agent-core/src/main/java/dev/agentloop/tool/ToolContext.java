package dev.agentloop.tool;

import dev.agentloop.tool.impl.ToolContextImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Run-scoped facts a tool may ask for by declaring a parameter of this type. Such a parameter is
 * injected, never shown to the model.
 *
 * <p>The context a tool receives is per call: it reports cancellation when the run is cancelled and
 * also when this call times out.
 */
public interface ToolContext {

  /**
   * Creates a context that the caller cancels with {@link CancellableToolContext#cancel()}; for
   * tests, and for running a toolbox outside an agent.
   */
  static CancellableToolContext of(Vertx vertx, String runId, String toolCallId) {
    return new ToolContextImpl(vertx, runId, toolCallId, null);
  }

  /**
   * Creates a context cancelled when {@code cancelled} completes (successfully or not), or when
   * {@link CancellableToolContext#cancel()} is called; an agent passes its run's cancellation.
   */
  static CancellableToolContext of(
      Vertx vertx, String runId, String toolCallId, Future<?> cancelled) {
    return new ToolContextImpl(vertx, runId, toolCallId, cancelled);
  }

  /** The id of the agent run that made this call. */
  String runId();

  /** The id of the tool call, as the model assigned it. */
  String toolCallId();

  /**
   * The key that identifies this call across retries and processes: {@code runId:toolCallId}. An
   * {@link Tool#idempotent() idempotent} tool may be called again with the same key after a crash;
   * it deduplicates its effect by this key.
   */
  default String idempotencyKey() {
    return runId() + ":" + toolCallId();
  }

  /** The Vert.x instance the agent runs on. */
  Vertx vertx();

  /** Returns {@code true} once the run (or this call) has been cancelled or timed out. */
  boolean isCancelled();

  /**
   * Returns a future completed when the run (or this call) is cancelled or times out; it never
   * fails. Long-running tools can listen to it to stop early.
   */
  Future<Void> cancelled();
}
