package dev.agentloop.internal;

import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.CancellableToolContext;
import dev.agentloop.tool.ToolErrorPolicy;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolResult.ErrorKind;
import dev.agentloop.tool.ToolSpec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of tool-call timeouts and of error {@link ToolResult}s: {@link #guard} arms the
 * only timer of a call, and every error result (unknown tool, bad arguments, refusal, cancellation,
 * timeout, failure) is built here, failures through the {@link ToolErrorPolicy}. Internal: used by
 * the toolbox and the agent loop, not an API.
 */
public final class ToolCalls {

  private static final Logger LOG = LoggerFactory.getLogger(dev.agentloop.tool.Toolbox.class);

  private ToolCalls() {}

  /**
   * Runs a call under a timeout. The returned future completes once, on the context current when
   * this is called (or a new one): with the body's result, with {@link ErrorKind#TIMEOUT} when the
   * timeout passes first (the call context is then cancelled, so the tool can stop), with {@link
   * ErrorKind#CANCELLED} when the call context is cancelled first, or with {@link #failed} when the
   * body fails. A body that completes before it returns gets no timer; a call whose context is
   * already cancelled is not started.
   *
   * @param call the call, whose id the result carries
   * @param spec the tool, or null when the toolbox does not know it
   * @param timeout the timeout of this call
   * @param callContext the context of this call alone; cancelled on timeout
   * @param policy describes failures to the model
   * @param body starts the call
   */
  public static Future<ToolResult> guard(
      ToolCall call,
      @Nullable ToolSpec spec,
      Duration timeout,
      CancellableToolContext callContext,
      ToolErrorPolicy policy,
      Supplier<Future<ToolResult>> body) {
    long start = System.nanoTime();
    if (!callContext.isCancelled()) {
      // A tool that answers before returning (a plain non-blocking method) needs no timer and no
      // cancellation listener: nothing can interrupt code running on this thread anyway.
      Future<ToolResult> started = start(body);
      if (started.isComplete()) {
        return Future.succeededFuture(
            callContext.isCancelled()
                ? cancelled(call, start)
                : started.succeeded()
                    ? started.result()
                    : failed(call, spec, policy, started.cause(), start));
      }
      return armed(call, spec, timeout, callContext, policy, started, start);
    }
    return armed(call, spec, timeout, callContext, policy, null, start);
  }

  private static Future<ToolResult> start(Supplier<Future<ToolResult>> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static ToolResult cancelled(ToolCall call, long start) {
    return error(call, ErrorKind.CANCELLED, "tool `" + nameOf(call) + "` was cancelled", start);
  }

  /**
   * Completes with the body's result, the timeout or the cancellation, whichever comes first;
   * {@code running} is the body already running, or null when the call was cancelled before it
   * could start (the cancellation then completes it at once).
   */
  private static Future<ToolResult> armed(
      ToolCall call,
      @Nullable ToolSpec spec,
      Duration timeout,
      CancellableToolContext callContext,
      ToolErrorPolicy policy,
      @Nullable Future<ToolResult> running,
      long start) {
    String name = nameOf(call);
    Vertx vertx = callContext.vertx();
    Context context = Contexts.callerOr(vertx);
    Promise<ToolResult> promise = Promise.promise();
    AtomicBoolean done = new AtomicBoolean();
    long millis = Math.max(1, timeout.toMillis());
    long timer =
        vertx.setTimer(
            millis,
            id -> {
              if (done.compareAndSet(false, true)) {
                LOG.warn("tool `{}` (call {}) timed out after {} ms", name, call.id(), millis);
                callContext.cancel();
                complete(context, promise, timedOut(call, millis, start));
              }
            });
    callContext
        .cancelled()
        .onComplete(
            v -> {
              if (done.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                complete(context, promise, cancelled(call, start));
              }
            });
    if (running == null) {
      return promise.future();
    }
    running.onComplete(
        ar -> {
          if (done.compareAndSet(false, true)) {
            vertx.cancelTimer(timer);
            complete(
                context,
                promise,
                ar.succeeded() ? ar.result() : failed(call, spec, policy, ar.cause(), start));
          }
        });
    return promise.future();
  }

  /** The result of a call to a tool the toolbox does not have. */
  public static ToolResult unknownTool(ToolCall call, Collection<String> available, long start) {
    String message =
        available.isEmpty()
            ? "unknown tool `" + nameOf(call) + "`; this agent has no tools, answer directly"
            : "unknown tool `"
                + nameOf(call)
                + "`; available tools: "
                + String.join(", ", available);
    return error(call, ErrorKind.UNKNOWN_TOOL, message, start);
  }

  /** The result of a call whose arguments are not valid JSON, or break the tool's schema. */
  public static ToolResult invalidArguments(ToolCall call, String problem, long start) {
    return error(
        call,
        ErrorKind.INVALID_ARGUMENTS,
        "invalid arguments for tool `" + nameOf(call) + "`: " + problem,
        start);
  }

  /** The result of a call refused before it ran (loop guard, approval). */
  public static ToolResult rejected(ToolCall call, String message) {
    return new ToolResult(call.id(), nameOf(call), message, ErrorKind.REJECTED, Duration.ZERO);
  }

  /** The result of a call not run because its run was cancelled. */
  public static ToolResult notRun(ToolCall call, long start) {
    return error(
        call,
        ErrorKind.CANCELLED,
        "tool `" + nameOf(call) + "` was not run: the run was cancelled",
        start);
  }

  /**
   * The result of a call left without an answer because its run stopped for {@code reason} (so the
   * transcript stays a valid conversation).
   */
  public static ToolResult stopped(ToolCall call, ErrorKind kind, String reason) {
    return new ToolResult(
        call.id(), nameOf(call), "not run: the run stopped (" + reason + ")", kind, Duration.ZERO);
  }

  /** The result of a call that did not finish within {@code millis}. */
  public static ToolResult timedOut(ToolCall call, long millis, long start) {
    return error(
        call,
        ErrorKind.TIMEOUT,
        "tool `" + nameOf(call) + "` timed out after " + millis + " ms",
        start);
  }

  /**
   * The result of a call whose tool threw or whose future failed: the {@code policy} words it, and
   * the failure is logged at WARN with its stack trace.
   */
  public static ToolResult failed(
      ToolCall call,
      @Nullable ToolSpec spec,
      ToolErrorPolicy policy,
      Throwable failure,
      long start) {
    Throwable cause = unwrap(failure);
    String name = nameOf(call);
    LOG.warn("tool `{}` (call {}) failed", name, call.id(), cause);
    ToolSpec tool =
        spec != null
            ? spec
            : new ToolSpec(name, "", JsonNodes.EMPTY_OBJECT, false, null, false, false);
    return error(call, ErrorKind.EXECUTION, policy.describe(tool, cause), start);
  }

  /** An error result of {@code kind} for {@code call}, timed from {@code start}. */
  public static ToolResult error(ToolCall call, ErrorKind kind, String message, long start) {
    return new ToolResult(
        call.id(), nameOf(call), message, kind, Duration.ofNanos(System.nanoTime() - start));
  }

  /** The tool name of a call; empty when the model sent none. */
  public static String nameOf(ToolCall call) {
    return call.function().name() == null ? "" : call.function().name();
  }

  private static void complete(Context context, Promise<ToolResult> promise, ToolResult result) {
    Contexts.run(context, () -> promise.complete(result));
  }

  /** Strips reflection and completion wrappers so the policy and the log see the real failure. */
  public static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof java.lang.reflect.InvocationTargetException
            || current instanceof java.util.concurrent.CompletionException
            || current instanceof java.util.concurrent.ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** A shared empty JSON object for the placeholder spec of an unknown tool. */
  private static final class JsonNodes {
    static final com.fasterxml.jackson.databind.JsonNode EMPTY_OBJECT =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
  }
}
