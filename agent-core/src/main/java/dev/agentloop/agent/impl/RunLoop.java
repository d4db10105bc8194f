package dev.agentloop.agent.impl;

import dev.agentloop.AgentException;
import dev.agentloop.agent.AgentEvent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.AgentRunException;
import dev.agentloop.agent.MaxIterationsBehavior;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.Step;
import dev.agentloop.agent.StopReason;
import dev.agentloop.internal.Contexts;
import dev.agentloop.observe.impl.ChatTelemetry;
import dev.agentloop.observe.impl.RunTelemetry;
import dev.agentloop.openrouter.ChatChunk;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.ChatStream;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.Usage;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the loop: request, tool calls, repeat. All state is touched only on the run's context;
 * every callback from the client, the toolbox or timers is brought back to it.
 */
final class RunLoop implements AgentRun {

  private final AgentImpl agent;
  private static final Logger LOG = LoggerFactory.getLogger(RunLoop.class);

  private final AgentOptions options;
  private final List<Handler<AgentEvent>> listeners;
  private final Context context;
  private final RunRequest request;
  private final String runId;
  private final String sessionId;
  private final Promise<AgentResult> result = Promise.promise();
  private final Promise<Void> cancelSignal = Promise.promise();
  private final EventStream events;
  // False for run(): nobody can read the events, and buffering them (each ModelRequest holds a
  // transcript copy) cost ~200 MiB at ten thousand concurrent runs. Listeners still get them.
  private final boolean bufferEvents;
  private final RunState state;
  private final @Nullable Toolbox toolbox;
  private final ChatParameters parameters;
  private final StepRequests requests;
  private final @Nullable StructuredOutput output;
  private final ToolStepExecutor executor;
  private boolean jsonSchema;
  private int iterations;
  private int repairs;
  private int stepCount;
  private boolean done;
  private boolean closed;
  private long deadlineTimer = -1;
  private @Nullable ChatStream inFlight;
  private RunState.@Nullable PendingStep pending;
  private RunTelemetry telemetry = RunTelemetry.NOOP;
  private ChatTelemetry chatTelemetry = ChatTelemetry.NOOP;
  private final RunJournal journal;
  private List<PendingApproval> parked = List.of();

  RunLoop(
      AgentImpl agent,
      Context context,
      RunRequest request,
      boolean bufferEvents,
      String runId,
      int journalSeq) {
    this.agent = agent;
    this.runId = runId;
    this.bufferEvents = bufferEvents;
    this.options = agent.config();
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
    this.toolbox = options.getToolbox();
    this.output =
        request.outputType() != null
            ? StructuredOutput.forType(request.outputType())
            : request.outputSchema() != null
                ? StructuredOutput.forSchema(
                    request.outputSchema(), options.getOutputValidationTimeout())
                : null;
    this.requests = new StepRequests(merged, sessionId, toolbox, output, options, request.extras());
    this.parameters = requests.parameters();
    this.executor =
        new ToolStepExecutor(
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
  private void begin() {
    // A run cancelled before it started has finished already: no span, no active-run count.
    telemetry =
        done
            ? RunTelemetry.NOOP
            : agent
                .telemetry()
                .startRun(
                    runId, sessionId, parameters.model(), request.traceParent(), agent.toolNames());
    emit(new AgentEvent.RunStarted(runId, sessionId));
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

  void start() {
    begin();
    Future<List<Message>> history =
        request.memory() == null
            ? Future.succeededFuture(List.of())
            : here(attempt(() -> request.memory().messages()));
    Future<Boolean> schemaSupport =
        output == null
            ? Future.succeededFuture(false)
            : here(agent.supportsJsonSchema(Objects.toString(parameters.model(), "")));
    Future.all(history, schemaSupport)
        .onComplete(
            safely(
                ar -> {
                  if (done) {
                    return;
                  }
                  if (history.failed()) {
                    finish(StopReason.MEMORY_ERROR, null, null, history.cause(), List.of(), true);
                    return;
                  }
                  if (schemaSupport.failed()) {
                    finish(
                        StopReason.API_ERROR, null, null, schemaSupport.cause(), List.of(), true);
                    return;
                  }
                  jsonSchema = schemaSupport.result();
                  String system = options.getInstructions();
                  if (output != null && !jsonSchema) {
                    system = (system == null ? "" : system + "\n\n") + output.instructions();
                  }
                  state.begin(system, history.result(), request.userMessage());
                  journaled(
                      () ->
                          new JournalRecord.RunStarted(
                              runId,
                              sessionId,
                              state.transcript(),
                              request.parameters(),
                              options.getName()),
                      () -> nextRequest(Step.Kind.ITERATION));
                }));
  }

  private void nextRequest(Step.Kind kind) {
    if (done) {
      return;
    }
    if (state.budgetExceeded()) {
      finish(StopReason.BUDGET_EXCEEDED, null, null, null, List.of(), false);
      return;
    }
    if (kind == Step.Kind.ITERATION) {
      iterations++;
    }
    int step = ++stepCount;
    ChatRequest chat = requests.build(kind, stepCount, jsonSchema, state.transcript());
    emit(new AgentEvent.ModelRequest(runId, step, chat));
    long start = System.nanoTime();
    ChatTelemetry observed = telemetry.chat(chat, request.stream());
    chatTelemetry = observed;
    Future<ChatResponse> call;
    try {
      call =
          request.stream()
              ? streamCall(step, chat, observed)
              : agent.client().chat(chat, observed.listener());
    } catch (RuntimeException e) {
      call = Future.failedFuture(e);
    }
    here(call)
        .onComplete(
            safely(
                ar -> {
                  inFlight = null;
                  if (done) {
                    return;
                  }
                  if (ar.failed()) {
                    observed.failed(ar.cause());
                  } else {
                    observed.succeeded(ar.result());
                  }
                  if (ar.failed()) {
                    finish(StopReason.API_ERROR, null, null, ar.cause(), List.of(), true);
                  } else {
                    onResponse(kind, chat, ar.result(), start, step);
                  }
                }));
  }

  private Future<ChatResponse> streamCall(int step, ChatRequest chat, ChatTelemetry observed) {
    return here(agent.client().stream(chat, observed.listener()))
        .compose(
            stream -> {
              if (done) {
                stream.cancel();
                return Future.failedFuture(new AgentException("the run already stopped"));
              }
              inFlight = stream;
              stream.exceptionHandler(
                  e -> {
                    /* result() fails with the same error */
                  });
              stream.handler(chunk -> onChunk(step, chunk));
              return stream.result();
            });
  }

  private void onChunk(int step, ChatChunk chunk) {
    chatTelemetry.firstChunk();
    for (ChatChunk.Choice choice : chunk.choices()) {
      if (choice.delta() != null
          && choice.delta().content() != null
          && !choice.delta().content().isEmpty()) {
        emit(new AgentEvent.TextDelta(runId, step, choice.delta().content()));
      }
    }
  }

  private void onResponse(
      Step.Kind kind, ChatRequest chat, ChatResponse response, long start, int step) {
    if (response.choices().isEmpty() || response.choices().get(0).message() == null) {
      finish(
          StopReason.API_ERROR,
          null,
          null,
          new AgentException("the response has no message: " + response.id()),
          List.of(),
          true);
      return;
    }
    Message message = response.message();
    Usage usage = response.usage() == null ? Usage.ZERO : response.usage();
    RunState.PendingStep p =
        new RunState.PendingStep(
            step,
            kind,
            chat.parameters().model(),
            response.model(),
            message,
            response.finishReason(),
            usage,
            start,
            response);
    journaled(
        () ->
            new JournalRecord.ModelResponded(
                step, kind.name(), p.requestedModel(), p.model(), message, usage, p.finishReason()),
        () -> accept(p));
  }

  /** Acts on a (journaled) model answer: runs its tool calls, or finishes. */
  private void accept(RunState.PendingStep p) {
    Step.Kind kind = p.kind();
    Message message = p.message();
    state.addResponse(p.model(), p.usage(), message);
    if (message.hasToolCalls()) {
      onToolCalls(p);
      return;
    }
    recordStep(p, List.of());
    StopReason reason =
        kind == Step.Kind.FINAL_ANSWER ? StopReason.MAX_ITERATIONS : StopReason.COMPLETED;
    if (output == null) {
      finish(reason, message.text(), null, null, List.of(), false);
      return;
    }
    output
        .check(context, message.text())
        .onComplete(safely(ar -> onOutcome(kind, reason, message, ar.result())));
  }

  private void onOutcome(
      Step.Kind kind, StopReason reason, Message message, StructuredOutput.Outcome outcome) {
    if (done || output == null) {
      return;
    }
    if (outcome.valid()) {
      finish(reason, message.text(), outcome, null, List.of(), false);
    } else if (!outcome.timedOut()
        && kind != Step.Kind.FINAL_ANSWER
        && repairs < options.getMaxOutputRepairs()) {
      repairs++;
      state.append(output.repairMessage(outcome.errors()));
      nextRequest(Step.Kind.OUTPUT_REPAIR);
    } else {
      finish(StopReason.OUTPUT_INVALID, message.text(), null, null, outcome.errors(), true);
    }
  }

  private void onToolCalls(RunState.PendingStep p) {
    List<ToolCall> calls = p.message().toolCalls();
    for (ToolCall call : calls) {
      emit(new AgentEvent.ToolCallRequested(runId, p.index(), call));
    }
    pending = p;
    if (p.kind() == Step.Kind.FINAL_ANSWER) {
      finish(StopReason.MAX_ITERATIONS, p.message().text(), null, null, List.of(), false);
      return;
    }
    String limit = state.checkCallLimits(calls);
    if (limit != null) {
      finish(StopReason.TOOL_CALL_LIMIT, null, null, new AgentException(limit), List.of(), false);
      return;
    }
    if (state.budgetExceeded()) {
      finish(StopReason.BUDGET_EXCEEDED, null, null, null, List.of(), false);
      return;
    }
    runTools(p, null);
  }

  /** Runs (or, when resuming, completes) a step's calls, then goes on. */
  private void runTools(RunState.PendingStep p, @Nullable Replay prior) {
    List<ToolCall> calls = p.message().toolCalls();
    executor
        .execute(calls, prior)
        .onComplete(
            safely(
                ar -> {
                  if (done) {
                    return;
                  }
                  if (journal.failure() != null) {
                    storeFailed(journal.failure());
                    return;
                  }
                  if (!ar.result().deferred().isEmpty()) {
                    parked = ar.result().deferred();
                    finish(StopReason.AWAITING_APPROVAL, null, null, null, List.of(), false);
                    return;
                  }
                  pending = null;
                  List<ToolResult> results = ar.result().results();
                  for (ToolResult r : results) {
                    state.append(Message.tool(r.toolCallId(), r.content()));
                  }
                  recordStep(p, RunState.executions(calls, results));
                  if (iterations < options.getMaxIterations()) {
                    nextRequest(Step.Kind.ITERATION);
                  } else if (options.getMaxIterationsBehavior()
                      == MaxIterationsBehavior.FINAL_ANSWER) {
                    nextRequest(Step.Kind.FINAL_ANSWER);
                  } else {
                    finish(
                        StopReason.MAX_ITERATIONS,
                        null,
                        null,
                        new AgentException(
                            "the run reached its iteration limit: " + options.getMaxIterations()),
                        List.of(),
                        true);
                  }
                }));
  }

  private void recordStep(RunState.PendingStep p, List<dev.agentloop.agent.ToolExecution> calls) {
    emit(new AgentEvent.StepFinished(runId, state.recordStep(p, calls)));
  }

  /**
   * Journals a record and then acts; without a store acts at once. A failed write stops the run
   * with {@link StopReason#STORE_ERROR} instead.
   */
  private void journaled(Supplier<JournalRecord> record, Runnable then) {
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

  private void storeFailed(Throwable cause) {
    finish(
        StopReason.STORE_ERROR,
        null,
        null,
        new AgentException("the run journal could not be written: " + cause.getMessage(), cause),
        List.of(),
        true);
  }

  /**
   * Continues a journaled run: rebuilds the transcript and steps from the journal, then finishes
   * the step in progress (reusing journaled results) or asks the model for the next one.
   */
  void resume(Replay replay) {
    begin();
    List<Message> first = replay.started.transcript();
    state.begin(null, first.subList(0, first.size() - 1), first.get(first.size() - 1));
    List<JournalRecord.ModelResponded> responses = replay.responses;
    for (int i = 0; i < responses.size(); i++) {
      JournalRecord.ModelResponded m = responses.get(i);
      Step.Kind kind = Step.Kind.valueOf(m.kind());
      stepCount = m.step();
      iterations += kind == Step.Kind.ITERATION ? 1 : 0;
      repairs += kind == Step.Kind.OUTPUT_REPAIR ? 1 : 0;
      RunState.PendingStep p =
          new RunState.PendingStep(
              m.step(),
              kind,
              m.requestedModel(),
              m.model(),
              m.message(),
              m.finishReason(),
              m.usage(),
              System.nanoTime());
      if (i < responses.size() - 1) {
        state.addResponse(m.model(), m.usage(), m.message());
        List<ToolResult> results = new ArrayList<>();
        for (ToolCall call : m.message().toolCalls()) {
          ToolResult r = replay.results.get(call.id());
          if (r == null) {
            r =
                ToolResult.error(
                    call.id(),
                    ToolStepExecutor.nameOf(call),
                    ToolResult.ErrorKind.EXECUTION,
                    "outcome unknown: no result was recorded for this call",
                    java.time.Duration.ZERO);
          }
          results.add(r);
          state.append(Message.tool(call.id(), r.content()));
        }
        state.recordStep(p, RunState.executions(m.message().toolCalls(), results));
      } else if (m.message().hasToolCalls()) {
        state.addResponse(m.model(), m.usage(), m.message());
        pending = p;
        runTools(p, replay);
        return;
      } else {
        accept(p);
        return;
      }
    }
    nextRequest(Step.Kind.ITERATION);
  }

  private void stop(StopReason reason, Throwable cause) {
    finish(reason, null, null, cause, List.of(), false);
  }

  private void finish(
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

  private void emit(AgentEvent event) {
    if (closed) {
      // Late tool completions after a stop are recorded in the result, not re-announced.
      return;
    }
    if (event instanceof AgentEvent.RunFinished || event instanceof AgentEvent.RunFailed) {
      closed = true;
    }
    for (Handler<AgentEvent> listener : listeners) {
      try {
        listener.handle(event);
      } catch (RuntimeException e) {
        LOG.warn("an agent event listener failed on {}", event.getClass().getSimpleName(), e);
      }
    }
    if (bufferEvents) {
      events.write(event);
    }
  }

  /**
   * Wraps a callback so that a bug in the loop ends the run with an error instead of leaving its
   * future pending forever (Vert.x only reports exceptions thrown by future callbacks).
   */
  private <T> Handler<AsyncResult<T>> safely(Handler<AsyncResult<T>> handler) {
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

  private void onContext(Runnable action) {
    Contexts.run(context, action);
  }

  /** Calls code that should return a future, turning a synchronous throw into a failed one. */
  private static <T> Future<T> attempt(java.util.function.Supplier<Future<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** Returns a future whose callbacks run on the run's context. */
  private <T> Future<T> here(Future<T> future) {
    return Contexts.on(context, future);
  }
}
