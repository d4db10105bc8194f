package dev.agentloop.agent.impl;

import dev.agentloop.tool.ToolContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/** The {@link ToolContext} of one call: cancelled when the run stops or the call times out. */
final class CallContext implements ToolContext {

  private final Vertx vertx;
  private final String runId;
  private final String toolCallId;
  private final Promise<Void> cancelled = Promise.promise();

  CallContext(Vertx vertx, String runId, String toolCallId, Future<Void> runCancelled) {
    this.vertx = vertx;
    this.runId = runId;
    this.toolCallId = toolCallId;
    runCancelled.onComplete(ar -> cancel());
  }

  void cancel() {
    cancelled.tryComplete();
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
}
