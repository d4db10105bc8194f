package dev.agentloop.agent.impl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.ToolApprover;
import dev.agentloop.internal.Contexts;
import dev.agentloop.internal.Json;
import dev.agentloop.internal.ToolCalls;
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
import java.util.function.Consumer;
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
  private final Consumer<ToolCall> onStarted;
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
      Consumer<ToolCall> onStarted,
      BiConsumer<ToolCall, ToolResult> onFinished,
      RunJournal journal) {
    this.vertx = vertx;
    this.context = context;
    this.options = options;
    this.toolbox = toolbox;
    this.runId = runId;
    this.runCancelled = runCancelled;
    this.identicalCalls = identicalCalls;
    this.onStarted = onStarted;
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
    new Drain(calls, groups, refused, results, done).run();
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
            ToolCalls.rejected(
                call,
                "Refused: "
                    + name
                    + " was already called "
                    + options.getLoopGuard()
                    + " times with these exact arguments in this run. Use the earlier results, or"
                    + " change the arguments, or answer without this tool.");
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

  /**
   * Starts the calls group after group, at most {@code maxParallelToolCalls} at once. A loop, not
   * recursion: calls often complete synchronously (refusals, non-blocking tools), and a completion
   * that started its successor from its own callback grew the stack by every call, until thousands
   * of calls overflowed it inside a callback and the step never completed.
   */
  private final class Drain {
    private final List<ToolCall> calls;
    private final List<List<Integer>> groups;
    private final ToolResult[] refused;
    private final ToolResult[] results;
    private final Promise<List<ToolResult>> done;
    private int group;
    private int next;
    private int running;
    private boolean draining;

    Drain(
        List<ToolCall> calls,
        List<List<Integer>> groups,
        ToolResult[] refused,
        ToolResult[] results,
        Promise<List<ToolResult>> done) {
      this.calls = calls;
      this.groups = groups;
      this.refused = refused;
      this.results = results;
      this.done = done;
    }

    void run() {
      if (draining) {
        return; // a synchronous completion: the loop below sees its effect
      }
      draining = true;
      try {
        while (group < groups.size()) {
          List<Integer> members = groups.get(group);
          if (next < members.size() && running < options.getMaxParallelToolCalls()) {
            int i = members.get(next++);
            running++;
            onStarted.accept(calls.get(i));
            runOne(calls.get(i), refused[i])
                .compose(ToolStepExecutor.this::journalResult)
                .onComplete(ar -> finished(i, ar.result()));
          } else if (next == members.size() && running == 0) {
            group++;
            next = 0;
          } else {
            return;
          }
        }
        done.tryComplete(Arrays.asList(results));
      } finally {
        draining = false;
      }
    }

    private void finished(int i, ToolResult result) {
      results[i] = result;
      running--;
      onFinished.accept(calls.get(i), result);
      run();
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
      return Future.succeededFuture(ToolCalls.notRun(call, System.nanoTime()));
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
          ToolCalls.rejected(
              call, "Refused: " + name + " needs approval and no approver is configured."));
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
                        ToolCalls.rejected(
                            call,
                            "Refused: approval of "
                                + name
                                + " was deferred but the agent has no run store to park the run."));
              }
              return decided(call, spec.get(), d);
            });
  }

  /** Runs or refuses a call by a decision. */
  private Future<ToolResult> decided(ToolCall call, ToolSpec spec, ToolApprover.Decision d) {
    String name = nameOf(call);
    if (!d.approved()) {
      return Future.succeededFuture(
          ToolCalls.rejected(call, "The user rejected this call: " + d.reason()));
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
    return ToolCalls.rejected(call, "awaiting approval by a person");
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

  /**
   * Journals the call's start (when the run has a journal), then invokes it through the toolbox,
   * which owns its timeout (the tool's own, else the agent's {@code toolTimeout}) and its error
   * results; this only keeps the model's call id when the approver edited the arguments, and turns
   * a broken toolbox's failure into an error result.
   */
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
                        ToolCalls.rejected(
                            original,
                            "not run: the run journal could not record the call: "
                                + ar.cause().getMessage())));
  }

  private Future<ToolResult> invokeNow(
      ToolCall original, ToolCall actual, @Nullable ToolSpec spec) {
    CancellableToolContext callContext = ToolContext.of(vertx, runId, original.id(), runCancelled);
    long start = System.nanoTime();
    Future<ToolResult> invoked;
    try {
      invoked = toolbox.invoke(actual, callContext, options.getToolTimeout());
    } catch (RuntimeException e) {
      invoked = Future.failedFuture(e);
    }
    return onContext(invoked)
        .transform(
            ar -> {
              if (ar.failed()) {
                return Future.succeededFuture(
                    ToolCalls.failed(original, spec, toolbox.errorPolicy(), ar.cause(), start));
              }
              ToolResult r = ar.result();
              return Future.succeededFuture(
                  r.toolCallId().equals(original.id())
                      ? r
                      : new ToolResult(
                          original.id(), r.name(), r.content(), r.error(), r.duration()));
            });
  }

  /** Returns a future completing on the run's context. */
  private <T> Future<T> onContext(Future<T> future) {
    return Contexts.on(context, future);
  }

  static String nameOf(ToolCall call) {
    return ToolCalls.nameOf(call);
  }
}
