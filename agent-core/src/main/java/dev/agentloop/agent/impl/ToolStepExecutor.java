package dev.agentloop.agent.impl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.ToolApprover;
import dev.agentloop.openrouter.FunctionCall;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.run.ApprovalDecision;
import dev.agentloop.run.JournalRecord;
import dev.agentloop.run.PendingApproval;
import dev.agentloop.tool.CancellableToolContext;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolResult.ErrorKind;
import dev.agentloop.tool.ToolSpec;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs the tool calls of one step: concurrently up to {@code maxParallelToolCalls}, with {@code
 * sequential} tools as barriers that run alone, after the loop guard and the approval hook. The
 * results come back in the order of the calls. Everything runs on the run's context.
 */
final class ToolStepExecutor {

  private final Vertx vertx;
  private final Context context;
  private final AgentOptions options;
  private final Toolbox toolbox;
  private final String runId;
  private final Future<Void> runCancelled;
  private final Map<String, Integer> identicalCalls;
  private final BiConsumer<ToolCall, ToolResult> onFinished;
  private final RunJournal journal;

  ToolStepExecutor(
      Vertx vertx,
      Context context,
      AgentOptions options,
      Toolbox toolbox,
      String runId,
      Future<Void> runCancelled,
      Map<String, Integer> identicalCalls,
      BiConsumer<ToolCall, ToolResult> onFinished,
      RunJournal journal) {
    this.vertx = vertx;
    this.context = context;
    this.options = options;
    this.toolbox = toolbox;
    this.runId = runId;
    this.runCancelled = runCancelled;
    this.identicalCalls = identicalCalls;
    this.onFinished = onFinished;
    this.journal = journal;
  }

  /**
   * The results of a step, in call order, and the calls parked for a person's decision (their
   * results are placeholders that are not journaled).
   */
  record Outcome(List<ToolResult> results, List<PendingApproval> deferred) {}

  /** What the journal already says about the step being resumed; empty for a new step. */
  private @Nullable Replay prior;

  private final List<PendingApproval> deferred = new ArrayList<>();

  /**
   * Runs the calls, journaling each before it starts and after it ends; calls with a journaled
   * result in {@code prior} are not run again. The future never fails.
   */
  Future<Outcome> execute(List<ToolCall> calls, @Nullable Replay prior) {
    this.prior = prior;
    deferred.clear();
    ToolResult[] results = new ToolResult[calls.size()];
    ToolResult[] refused = loopGuard(calls);
    List<List<Integer>> groups = groups(calls);
    Promise<List<ToolResult>> done = Promise.promise();
    runGroups(calls, groups, 0, refused, results, done);
    return done.future().map(list -> new Outcome(list, List.copyOf(deferred)));
  }

  private ToolResult[] loopGuard(List<ToolCall> calls) {
    ToolResult[] refused = new ToolResult[calls.size()];
    for (int i = 0; i < calls.size(); i++) {
      ToolCall call = calls.get(i);
      String name = nameOf(call);
      String args = call.function().arguments() == null ? "" : call.function().arguments();
      int seen = identicalCalls.merge(name + '\u0000' + Json.normalize(args), 1, Integer::sum);
      if (seen > options.getLoopGuard()) {
        refused[i] =
            ToolResult.error(
                call.id(),
                name,
                ErrorKind.REJECTED,
                "Refused: "
                    + name
                    + " was already called "
                    + options.getLoopGuard()
                    + " times with these exact arguments in this run. Use the earlier results, or"
                    + " change the arguments, or answer without this tool.",
                Duration.ZERO);
      }
    }
    return refused;
  }

  /** Splits the calls into groups run one after another: a sequential tool is a group alone. */
  private List<List<Integer>> groups(List<ToolCall> calls) {
    List<List<Integer>> groups = new ArrayList<>();
    List<Integer> current = null;
    for (int i = 0; i < calls.size(); i++) {
      boolean barrier = toolbox.find(nameOf(calls.get(i))).map(ToolSpec::sequential).orElse(false);
      if (barrier) {
        groups.add(List.of(i));
        current = null;
      } else {
        if (current == null) {
          current = new ArrayList<>();
          groups.add(current);
        }
        current.add(i);
      }
    }
    return groups;
  }

  private void runGroups(
      List<ToolCall> calls,
      List<List<Integer>> groups,
      int g,
      ToolResult[] refused,
      ToolResult[] results,
      Promise<List<ToolResult>> done) {
    if (g == groups.size()) {
      done.complete(Arrays.asList(results));
      return;
    }
    List<Integer> group = groups.get(g);
    int[] next = {0};
    int[] pending = {group.size()};
    int width = Math.min(options.getMaxParallelToolCalls(), group.size());
    Runnable[] startNext = new Runnable[1];
    startNext[0] =
        () -> {
          // Calls may complete synchronously and start their successors before this loop goes on.
          if (next[0] >= group.size()) {
            return;
          }
          int i = group.get(next[0]++);
          runOne(calls.get(i), refused[i])
              .compose(this::journalResult)
              .onComplete(
                  ar -> {
                    results[i] = ar.result();
                    onFinished.accept(calls.get(i), results[i]);
                    startNext[0].run();
                    if (--pending[0] == 0) {
                      runGroups(calls, groups, g + 1, refused, results, done);
                    }
                  });
        };
    for (int k = 0; k < width; k++) {
      startNext[0].run();
    }
  }

  /** Runs one call; the future never fails and completes on the run's context. */
  private Future<ToolResult> runOne(ToolCall call, @Nullable ToolResult refusal) {
    ToolResult known = prior == null ? null : prior.results.get(call.id());
    if (known != null) {
      return Future.succeededFuture(known);
    }
    if (refusal != null) {
      return Future.succeededFuture(refusal);
    }
    String name = nameOf(call);
    if (prior != null
        && prior.startedCalls.contains(call.id())
        && !toolbox.find(name).map(ToolSpec::idempotent).orElse(false)) {
      // Started before a crash, no result journaled: running it again could repeat its effect.
      return Future.succeededFuture(
          ToolResult.error(
              call.id(),
              name,
              ErrorKind.EXECUTION,
              "outcome unknown: "
                  + name
                  + " was started but the run stopped before its result was recorded; it was not"
                  + " run again. Check whether it took effect before retrying.",
              Duration.ZERO));
    }
    if (runCancelled.isComplete()) {
      return Future.succeededFuture(
          ToolResult.error(
              call.id(),
              name,
              ErrorKind.CANCELLED,
              "cancelled: the run stopped before this call started",
              Duration.ZERO));
    }
    Optional<ToolSpec> spec = toolbox.find(name);
    if (spec.isEmpty() || !spec.get().requiresApproval()) {
      return invoke(call, call, spec.orElse(null));
    }
    ToolApprover.Decision journaled = prior == null ? null : prior.decided.get(call.id());
    if (journaled != null) {
      return decided(call, spec.get(), journaled);
    }
    if (prior != null && prior.requested.containsKey(call.id())) {
      return Future.succeededFuture(defer(call, false));
    }
    ToolApprover approver = options.getApprover();
    if (approver == null) {
      return Future.succeededFuture(
          ToolResult.error(
              call.id(),
              name,
              ErrorKind.REJECTED,
              "Refused: " + name + " needs approval and no approver is configured.",
              Duration.ZERO));
    }
    Future<ToolApprover.Decision> review;
    try {
      review = approver.review(call, spec.get());
    } catch (RuntimeException e) {
      review = Future.failedFuture(e);
    }
    return onContext(review)
        .transform(
            ar -> {
              ToolApprover.Decision d =
                  ar.succeeded()
                      ? ar.result()
                      : ToolApprover.Decision.reject(String.valueOf(ar.cause().getMessage()));
              if (d.deferred()) {
                return journal.enabled()
                    ? Future.succeededFuture(defer(call, true))
                    : Future.succeededFuture(
                        ToolResult.error(
                            call.id(),
                            name,
                            ErrorKind.REJECTED,
                            "Refused: approval of "
                                + name
                                + " was deferred but the agent has no run store to park the run.",
                            Duration.ZERO));
              }
              return decided(call, spec.get(), d);
            });
  }

  /** Runs or refuses a call by a decision. */
  private Future<ToolResult> decided(ToolCall call, ToolSpec spec, ToolApprover.Decision d) {
    String name = nameOf(call);
    if (!d.approved()) {
      return Future.succeededFuture(
          ToolResult.error(
              call.id(),
              name,
              ErrorKind.REJECTED,
              "The user rejected this call: " + d.reason(),
              Duration.ZERO));
    }
    JsonNode edited = d.arguments();
    ToolCall actual =
        edited == null
            ? call
            : new ToolCall(call.id(), call.type(), new FunctionCall(name, edited.toString()));
    return invoke(call, actual, spec);
  }

  /** Parks a call for a person's decision; journals the request the first time. */
  private ToolResult defer(ToolCall call, boolean journalRequest) {
    String name = nameOf(call);
    String args = call.function().arguments() == null ? "{}" : call.function().arguments();
    PendingApproval p =
        new PendingApproval(runId, call.id(), name, args, ApprovalDecision.digest(args));
    deferred.add(p);
    if (journalRequest) {
      journal.write(new JournalRecord.ApprovalRequested(call.id(), name, args, p.digest()));
    }
    return ToolResult.error(
        call.id(), name, ErrorKind.REJECTED, "awaiting approval by a person", Duration.ZERO);
  }

  /** Journals a new result before anyone acts on it; known and parked results are not. */
  private Future<ToolResult> journalResult(ToolResult r) {
    boolean known = prior != null && prior.results.containsKey(r.toolCallId());
    boolean parked = deferred.stream().anyMatch(p -> p.callId().equals(r.toolCallId()));
    if (known || parked || !journal.enabled()) {
      return Future.succeededFuture(r);
    }
    return onContext(journal.write(new JournalRecord.ToolFinished(r)))
        .transform(ar -> Future.succeededFuture(r));
  }

  private Future<ToolResult> invoke(ToolCall original, ToolCall actual, @Nullable ToolSpec spec) {
    if (!journal.enabled()) {
      return invokeNow(original, actual, spec);
    }
    String args = actual.function().arguments() == null ? "{}" : actual.function().arguments();
    return onContext(
            journal.write(new JournalRecord.ToolStarted(original.id(), nameOf(original), args)))
        .transform(
            ar ->
                ar.succeeded()
                    ? invokeNow(original, actual, spec)
                    : Future.succeededFuture(
                        ToolResult.error(
                            original.id(),
                            nameOf(original),
                            ErrorKind.REJECTED,
                            "not run: the run journal could not record the call: "
                                + ar.cause().getMessage(),
                            Duration.ZERO)));
  }

  private Future<ToolResult> invokeNow(
      ToolCall original, ToolCall actual, @Nullable ToolSpec spec) {
    CancellableToolContext callContext = ToolContext.of(vertx, runId, original.id(), runCancelled);
    long start = System.nanoTime();
    Future<ToolResult> invoked;
    try {
      invoked = toolbox.invoke(actual, callContext);
    } catch (RuntimeException e) {
      invoked =
          Future.succeededFuture(
              ToolResult.error(
                  original.id(),
                  nameOf(original),
                  ErrorKind.EXECUTION,
                  "the tool failed: " + e,
                  Duration.ZERO));
    }
    Promise<ToolResult> promise = Promise.promise();
    // The toolbox enforces a tool's own timeout; the agent enforces its default for the others.
    if (spec == null || spec.timeout() == null) {
      Duration timeout = options.getToolTimeout();
      long timer =
          vertx.setTimer(
              Math.max(1, timeout.toMillis()),
              id -> {
                callContext.cancel();
                promise.tryComplete(
                    ToolResult.error(
                        original.id(),
                        nameOf(original),
                        ErrorKind.TIMEOUT,
                        "the tool "
                            + nameOf(original)
                            + " did not finish within "
                            + timeout.toMillis()
                            + " ms",
                        Duration.ofNanos(System.nanoTime() - start)));
              });
      promise.future().onComplete(ar -> vertx.cancelTimer(timer));
    }
    onContext(invoked)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                ToolResult r = ar.result();
                // Keep the model's call id even when the approver edited the arguments.
                promise.tryComplete(
                    r.toolCallId().equals(original.id())
                        ? r
                        : new ToolResult(
                            original.id(), r.name(), r.content(), r.error(), r.duration()));
              } else {
                promise.tryComplete(
                    ToolResult.error(
                        original.id(),
                        nameOf(original),
                        ErrorKind.EXECUTION,
                        "the tool failed: " + ar.cause().getMessage(),
                        Duration.ofNanos(System.nanoTime() - start)));
              }
            });
    return promise.future();
  }

  /** Returns a future completing on the run's context. */
  private <T> Future<T> onContext(Future<T> future) {
    Promise<T> p = Promise.promise();
    future.onComplete(
        ar -> {
          if (Vertx.currentContext() == context) {
            p.handle(ar);
          } else {
            context.runOnContext(v -> p.handle(ar));
          }
        });
    return p.future();
  }

  static String nameOf(ToolCall call) {
    return call.function().name() == null ? "" : call.function().name();
  }
}
