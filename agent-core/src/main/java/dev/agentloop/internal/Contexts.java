package dev.agentloop.internal;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/** The one helper for hopping onto a Vert.x context, used wherever callbacks must run there. */
public final class Contexts {

  private Contexts() {}

  /** Runs {@code action} on {@code context}: at once when already there, else queued on it. */
  public static void run(Context context, Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  /**
   * Returns a future that completes as {@code future} does, with its callbacks on {@code context}.
   */
  public static <T> Future<T> on(Context context, Future<T> future) {
    Promise<T> promise = Promise.promise();
    future.onComplete(ar -> run(context, () -> promise.handle(ar)));
    return promise.future();
  }

  /**
   * Returns the caller's context when it belongs to {@code vertx}, else a context of {@code vertx}.
   */
  public static Context callerOr(Vertx vertx) {
    Context current = Vertx.currentContext();
    return current != null && current.owner() == vertx ? current : vertx.getOrCreateContext();
  }
}
