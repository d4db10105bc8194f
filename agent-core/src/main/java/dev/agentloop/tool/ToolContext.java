package dev.agentloop.tool;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Run-scoped facts a tool may ask for by declaring a parameter of this type. Such a parameter is
 * injected, never shown to the model.
 */
public interface ToolContext {

  /** The id of the agent run that made this call. */
  String runId();

  /** The id of the tool call, as the model assigned it. */
  String toolCallId();

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
