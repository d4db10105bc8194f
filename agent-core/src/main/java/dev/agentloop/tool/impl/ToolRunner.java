package dev.agentloop.tool.impl;

import dev.agentloop.internal.ToolCalls;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Runs a bound tool method on the right thread: Future and CompletionStage methods and non-blocking
 * ones on the context's event loop, plain methods on a virtual thread (Java 21+) or a Vert.x
 * worker. The returned future completes on the context.
 */
final class ToolRunner {

  /**
   * A virtual-thread-per-task executor when the JVM has one; we compile for 17, so reflectively.
   */
  private static final @Nullable Executor VIRTUAL = virtualThreads();

  private ToolRunner() {}

  static Future<@Nullable Object> run(MethodTool tool, @Nullable Object[] args, Context context) {
    Promise<@Nullable Object> promise = Promise.promise();
    switch (tool.mode()) {
      case FUTURE, COMPLETION_STAGE, NON_BLOCKING ->
          context.runOnContext(v -> runOnLoop(tool, args, context, promise));
      case BLOCKING -> {
        if (VIRTUAL != null) {
          VIRTUAL.execute(
              () -> {
                try {
                  Object result = call(tool, args);
                  context.runOnContext(v -> promise.complete(result));
                } catch (Throwable e) {
                  context.runOnContext(v -> promise.fail(unwrap(e)));
                }
              });
        } else {
          context
              .executeBlocking(() -> call(tool, args), false)
              .onComplete(
                  ar -> {
                    if (ar.succeeded()) {
                      promise.complete(ar.result());
                    } else {
                      promise.fail(unwrap(ar.cause()));
                    }
                  });
        }
      }
    }
    return promise.future();
  }

  private static void runOnLoop(
      MethodTool tool,
      @Nullable Object[] args,
      Context context,
      Promise<@Nullable Object> promise) {
    Object result;
    try {
      result = call(tool, args);
    } catch (Throwable e) {
      promise.fail(unwrap(e));
      return;
    }
    if (tool.mode() == MethodTool.Mode.NON_BLOCKING) {
      promise.complete(result);
    } else if (result == null) {
      promise.fail(
          new IllegalStateException(
              "the tool returned a null " + tool.method().getReturnType().getSimpleName()));
    } else {
      Future<?> future =
          result instanceof Future<?> f
              ? f
              : Future.fromCompletionStage((CompletionStage<?>) result, context);
      future.onComplete(
          ar -> {
            if (ar.succeeded()) {
              promise.complete(ar.result());
            } else {
              promise.fail(unwrap(ar.cause()));
            }
          });
    }
  }

  private static @Nullable Object call(MethodTool tool, @Nullable Object[] args) throws Exception {
    try {
      return tool.method().invoke(tool.target(), args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Strips reflection and completion wrappers so the policy and the log see the real failure. */
  static Throwable unwrap(Throwable failure) {
    return ToolCalls.unwrap(failure);
  }

  private static @Nullable Executor virtualThreads() {
    try {
      return (Executor) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
