package dev.agentloop.agent.impl;

import dev.agentloop.AgentException;
import dev.agentloop.agent.AgentEvent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.AgentRunException;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.StopReason;
import dev.agentloop.internal.Contexts;
import dev.agentloop.observe.impl.ChatTelemetry;
import dev.agentloop.observe.impl.RunTelemetry;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.ChatStream;
import dev.agentloop.run.JournalRecord;
import dev.agentloop.run.PendingApproval;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.streams.ReadStream;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one run and how it begins and ends: its events, its journal writes and its final
 * result. {@link RunLoop} adds the flow (requests, tool calls, guardrails, handoffs, resume). All
 * state is touched only on the run's context; every callback is brought back to it.
 */
abstract class RunLifecycle implements AgentRun {
  final AgentImpl agent;
  private static final Logger LOG = LoggerFactory.getLogger(RunLoop.class);

  final AgentOptions options;
  final List<Handler<AgentEvent>> listeners;
  final Context context;
  final RunRequest request;
  final String runId;
  final String sessionId;
  final Promise<AgentResult> result = Promise.promise();
  final Promise<Void> cancelSignal = Promise.promise();
  final EventStream events;
  // False for run(): nobody can read the events, and buffering them (each ModelRequest holds a
  // transcript copy) cost ~200 MiB at ten thousand concurrent runs. Listeners still get them.
  final boolean bufferEvents;
  final RunState state;
  // Replaced when the run hands the conversation to another agent.
  @Nullable Toolbox toolbox;
  ChatParameters parameters;
  StepRequests requests;
  final @Nullable StructuredOutput output;
  ToolStepExecutor executor;
  final Guards guards;
  Future<Void> inputCleared = Future.succeededFuture();
  int fixes;
  int handoffs;
  boolean jsonSchema;
  int iterations;
  int repairs;
  int stepCount;
  boolean done;
  boolean closed;
  long deadlineTimer = -1;
  @Nullable ChatStream inFlight;
  RunState.@Nullable PendingStep pending;
  RunTelemetry telemetry = RunTelemetry.NOOP;
  ChatTelemetry chatTelemetry = ChatTelemetry.NOOP;
  final RunJournal journal;
  List<PendingApproval> parked = List.of();
  final RunScope scope;

  /** A run with the given (e.g. budget-capped) options, called by {@code parent} or by a caller. */
  RunLifecycle(
      AgentImpl agent,
      Context context,
      RunRequest request,
      boolean bufferEvents,
      String runId,
      int journalSeq,
      AgentOptions options,
      @Nullable RunScope parent) {
    this.agent = agent;
    this.runId = runId;
    this.bufferEvents = bufferEvents;
    this.options = options;
    this.listeners = options.getListeners();
    this.context = context;
    this.request = request;
    ChatParameters merged = options.getParameters().overrideWith(request.parameters());
    this.sessionId =
        request.sessionId() != null
            ? request.sessionId()
            : merged.sessionId() != null ? merged.sessionId() : runId;
    this.events = new EventStream(context);
    this.journal = new RunJournal(options.getRunStore(), runId, journalSeq);
    this.state = new RunState(runId, sessionId, options);
    this.scope = new RunScope(runId, parent, context, options, state, this::emit);
    this.toolbox = HandoffToolbox.of(options.getToolbox(), options.getHandoffs());
    this.guards = Guards.of(options.getGuardrails());
    this.output =
        request.outputType() != null
            ? StructuredOutput.forType(request.outputType())
            : request.outputSchema() != null
                ? StructuredOutput.forSchema(
                    request.outputSchema(), options.getOutputValidationTimeout())
                : null;
    this.requests = new StepRequests(merged, sessionId, toolbox, output, options, request.extras());
    this.parameters = requests.parameters();
    this.executor = newExecutor(toolbox);
  }

  ToolStepExecutor newExecutor(@Nullable Toolbox toolbox) {
    return new ToolStepExecutor(
        agent.vertx(),
        context,
        options,
        toolbox == null ? NoTools.INSTANCE : toolbox,
        runId,
        cancelSignal.future(),
        state.identicalCalls(),
        call -> telemetry.toolStarted(call),
        (call, r) -> {
          telemetry.toolFinished(call, r);
          if (pending != null) {
            pending.finished().put(call.id(), r);
          }
          emit(new AgentEvent.ToolCallFinished(runId, stepCount, call, r));
        },
        journal);
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public ReadStream<AgentEvent> events() {
    return events;
  }

  @Override
  public Future<AgentResult> result() {
    return result.future();
  }

  @Override
  public void cancel() {
    onContext(() -> stop(StopReason.CANCELLED, new AgentException("the run was cancelled")));
  }

  /** Announces the run and arms its deadline; shared by a new run and a resumed one. */
  void begin() {
    // A run cancelled before it started has finished already: no span, no active-run count.
    telemetry =
        done
            ? RunTelemetry.NOOP
            : agent
                .telemetry()
                .startRun(
                    runId, sessionId, parameters.model(), request.traceParent(), agent.toolNames());
    scope.telemetry(telemetry);
    emit(new AgentEvent.RunStarted(runId, sessionId));
    if (!done) {
      scope.open();
    }
    if (options.getTimeout() != null) {
      long ms = Math.max(1, options.getTimeout().toMillis());
      deadlineTimer =
          agent
              .vertx()
              .setTimer(
                  ms,
                  id ->
                      stop(
                          StopReason.DEADLINE,
                          new AgentException("the run exceeded its deadline of " + ms + " ms")));
    }
  }

  void recordStep(RunState.PendingStep p, List<dev.agentloop.agent.ToolExecution> calls) {
    emit(new AgentEvent.StepFinished(runId, state.recordStep(p, calls)));
  }

  /**
   * Journals a record and then acts; without a store acts at once. A failed write stops the run
   * with {@link StopReason#STORE_ERROR} instead.
   */
  void journaled(Supplier<JournalRecord> record, Runnable then) {
    if (!journal.enabled()) {
      then.run();
      return;
    }
    here(journal.write(record.get()))
        .onComplete(
            safely(
                ar -> {
                  if (done) {
                    return;
                  }
                  if (ar.failed()) {
                    storeFailed(ar.cause());
                  } else {
                    then.run();
                  }
                }));
  }

  void storeFailed(Throwable cause) {
    finish(
        StopReason.STORE_ERROR,
        null,
        null,
        new AgentException("the run journal could not be written: " + cause.getMessage(), cause),
        List.of(),
        true);
  }

  void stop(StopReason reason, Throwable cause) {
    finish(reason, null, null, cause, List.of(), false);
  }

  void finish(
      StopReason reason,
      @Nullable String text,
      StructuredOutput.@Nullable Outcome outcome,
      @Nullable Throwable error,
      List<String> outputErrors,
      boolean abort) {
    if (done) {
      return;
    }
    done = true;
    scope.close();
    if (deadlineTimer >= 0) {
      agent.vertx().cancelTimer(deadlineTimer);
    }
    if (inFlight != null) {
      inFlight.cancel();
    }
    cancelSignal.tryComplete();
    if (pending != null) {
      // Answer every open call so the transcript stays a valid conversation.
      RunState.PendingStep p = pending;
      List<ToolResult> results = state.closeOpenCalls(p, reason);
      for (int i = 0; i < results.size(); i++) {
        if (!p.finished().containsKey(results.get(i).toolCallId())) {
          emit(
              new AgentEvent.ToolCallFinished(
                  runId, p.index(), p.message().toolCalls().get(i), results.get(i)));
        }
      }
      recordStep(p, RunState.executions(p.message().toolCalls(), results));
      pending = null;
    }
    boolean turnOver = reason != StopReason.AWAITING_APPROVAL && reason != StopReason.STORE_ERROR;
    Future<Void> recorded =
        !journal.enabled() || journal.isEmpty() || reason == StopReason.STORE_ERROR
            ? Future.succeededFuture()
            : journal.write(
                turnOver
                    ? new JournalRecord.RunFinished(reason, text)
                    : new JournalRecord.RunParked(
                        parked.stream().map(PendingApproval::callId).toList()));
    Future<Void> saved =
        here(recorded)
            .recover(
                e -> {
                  LOG.warn("run {} could not journal its end", runId, e);
                  return Future.succeededFuture();
                })
            .compose(
                v ->
                    abort || !turnOver || request.memory() == null || !state.started()
                        ? Future.succeededFuture()
                        : here(attempt(() -> request.memory().add(state.newMessages()))));
    saved.onComplete(
        ar -> {
          // A run whose conversation could not be saved fails: the caller's memory lacks this turn.
          boolean failed = abort || ar.failed();
          AgentResult r =
              ar.failed()
                  ? state.result(
                      StopReason.MEMORY_ERROR, text, outcome, ar.cause(), outputErrors, parked)
                  : state.result(reason, text, outcome, error, outputErrors, parked);
          telemetry.finished(r, failed);
          if (failed) {
            AgentRunException e = new AgentRunException(RunState.describe(r), r);
            emit(new AgentEvent.RunFailed(runId, e));
            events.end();
            result.tryFail(e);
          } else {
            emit(new AgentEvent.RunFinished(runId, r));
            events.end();
            result.tryComplete(r);
          }
        });
  }

  void emit(AgentEvent event) {
    if (closed) {
      // Late tool completions after a stop are recorded in the result, not re-announced.
      return;
    }
    if (event instanceof AgentEvent.RunFinished || event instanceof AgentEvent.RunFailed) {
      closed = true;
    }
    if (!listened()) {
      return;
    }
    // Indexed: an iterator per event was a measurable share of a run's allocations.
    for (int i = 0; i < listeners.size(); i++) {
      Handler<AgentEvent> listener = listeners.get(i);
      try {
        listener.handle(event);
      } catch (RuntimeException e) {
        LOG.warn("an agent event listener failed on {}", event.getClass().getSimpleName(), e);
      }
    }
    if (bufferEvents) {
      events.write(event);
    }
    scope.forwardUp(event);
  }

  /**
   * Whether anyone can see this run's events: a listener, the buffered event stream, or a calling
   * run that they are forwarded to.
   */
  boolean listened() {
    return bufferEvents || !listeners.isEmpty() || scope.hasParent();
  }

  /**
   * Wraps a callback so that a bug in the loop ends the run with an error instead of leaving its
   * future pending forever (Vert.x only reports exceptions thrown by future callbacks).
   */
  <T> Handler<AsyncResult<T>> safely(Handler<AsyncResult<T>> handler) {
    return ar -> {
      try {
        handler.handle(ar);
      } catch (RuntimeException e) {
        LOG.error("agent run {} failed unexpectedly", runId, e);
        if (result.future().isComplete()) {
          return;
        }
        done = false;
        finish(
            StopReason.INTERNAL_ERROR,
            null,
            null,
            new AgentException(String.valueOf(e), e),
            List.of(),
            true);
      }
    };
  }

  void onContext(Runnable action) {
    Contexts.run(context, action);
  }

  /** Calls code that should return a future, turning a synchronous throw into a failed one. */
  static <T> Future<T> attempt(java.util.function.Supplier<Future<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** Returns a future whose callbacks run on the run's context. */
  <T> Future<T> here(Future<T> future) {
    return Contexts.on(context, future);
  }
}
