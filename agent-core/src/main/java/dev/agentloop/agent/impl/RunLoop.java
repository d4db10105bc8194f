package dev.agentloop.agent.impl;

import dev.agentloop.AgentException;
import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentEvent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.MaxIterationsBehavior;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.Step;
import dev.agentloop.agent.StopReason;
import dev.agentloop.agent.compose.GuardrailContext;
import dev.agentloop.agent.compose.Handoff;
import dev.agentloop.agent.compose.HandoffOptions;
import dev.agentloop.agent.compose.Verdict;
import dev.agentloop.observe.impl.ChatTelemetry;
import dev.agentloop.openrouter.ChatChunk;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.run.JournalRecord;
import dev.agentloop.tool.ToolResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One run of the loop: request, tool calls, repeat. All state is touched only on the run's context;
 * every callback from the client, the toolbox or timers is brought back to it.
 */
final class RunLoop extends RunLifecycle {
  RunLoop(
      AgentImpl agent,
      Context context,
      RunRequest request,
      boolean bufferEvents,
      String runId,
      int journalSeq) {
    this(agent, context, request, bufferEvents, runId, journalSeq, agent.config(), null);
  }

  /** A run with the given (e.g. budget-capped) options, called by {@code parent} or by a caller. */
  RunLoop(
      AgentImpl agent,
      Context context,
      RunRequest request,
      boolean bufferEvents,
      String runId,
      int journalSeq,
      AgentOptions options,
      @Nullable RunScope parent) {
    super(agent, context, request, bufferEvents, runId, journalSeq, options, parent);
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
                              options.getName(),
                              ResumedOutput.typeName(request),
                              ResumedOutput.schemaText(request)),
                      this::firstRequest);
                }));
  }

  private GuardrailContext guardContext() {
    return new GuardrailContext(agent.vertx(), runId, state.agentName());
  }

  /** Sends the first request, after or alongside the input guardrails. */
  private void firstRequest() {
    if (!guards.hasInput()) {
      nextRequest(Step.Kind.ITERATION);
      return;
    }
    inputCleared =
        here(guards.input(guardContext(), request.userMessage()))
            .compose(
                v ->
                    v.passed()
                        ? Future.succeededFuture()
                        : Future.failedFuture(new AgentException(v.message())));
    inputCleared.onFailure(e -> stop(StopReason.INPUT_GUARDRAIL, e));
    if (guards.inputAlongside()) {
      nextRequest(Step.Kind.ITERATION);
    } else {
      inputCleared.onSuccess(v -> nextRequest(Step.Kind.ITERATION));
    }
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
    if (!listened()) {
      return; // a text delta is an event only; nobody can read it
    }
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
    if (!inputCleared.succeeded()) {
      // Alongside input guardrails: nothing the model said is acted on before the input passed.
      inputCleared.onSuccess(v -> accept(p));
      return;
    }
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
      answer(reason, message.text(), null);
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
      answer(reason, message.text(), outcome);
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
    if (!guards.hasTool()) {
      runTools(p, null);
      return;
    }
    // No call of the step runs before the tool guardrails passed them all.
    guarded(guards.calls(guardContext(), calls), () -> runTools(p, null));
  }

  /** Goes on once a tool guardrail check passed; stops the run when it tripped. */
  private void guarded(Future<Verdict> check, Runnable pass) {
    here(check)
        .onComplete(
            safely(
                ar -> {
                  if (!done && ar.result().passed()) {
                    pass.run();
                  } else if (!done) {
                    stop(StopReason.TOOL_GUARDRAIL, new AgentException(ar.result().message()));
                  }
                }));
  }

  /** Completes with the final answer once the output guardrails passed it (or after fixes). */
  private void answer(
      StopReason reason, @Nullable String text, StructuredOutput.@Nullable Outcome outcome) {
    if (!guards.hasOutput() || text == null) {
      finish(reason, text, outcome, null, List.of(), false);
      return;
    }
    here(guards.output(guardContext(), text))
        .onComplete(
            safely(
                ar -> {
                  if (done) {
                    return;
                  }
                  Verdict v = ar.result();
                  if (v.passed()) {
                    finish(reason, text, outcome, null, List.of(), false);
                  } else if (v.kind() == Verdict.Kind.FIX
                      && reason == StopReason.COMPLETED
                      && fixes < guards.maxOutputFixes()) {
                    fixes++;
                    state.append(Message.user(v.message()));
                    nextRequest(Step.Kind.OUTPUT_REPAIR);
                  } else {
                    String why =
                        v.kind() == Verdict.Kind.FIX
                            ? "the output guardrails still asked for a fix after "
                                + fixes
                                + " fixes: "
                                + v.message()
                            : v.message();
                    stop(StopReason.OUTPUT_GUARDRAIL, new AgentException(why));
                  }
                }));
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
                  List<ToolResult> results = ar.result().results();
                  if (!guards.hasTool()) {
                    afterTools(p, calls, results);
                    return;
                  }
                  // The results reach the model only once the tool guardrails passed them.
                  guarded(
                      guards.results(guardContext(), calls, results),
                      () -> afterTools(p, calls, results));
                }));
  }

  /** Appends a finished step's results, hands off if asked, and goes on. */
  private void afterTools(RunState.PendingStep p, List<ToolCall> calls, List<ToolResult> results) {
    pending = null;
    for (ToolResult r : results) {
      state.append(Message.tool(r.toolCallId(), r.content()));
    }
    recordStep(p, RunState.executions(calls, results));
    Handoff handoff = scope.takeHandoff();
    if (handoff != null && !handOff(handoff)) {
      return;
    }
    if (iterations < options.getMaxIterations()) {
      nextRequest(Step.Kind.ITERATION);
    } else if (options.getMaxIterationsBehavior() == MaxIterationsBehavior.FINAL_ANSWER) {
      nextRequest(Step.Kind.FINAL_ANSWER);
    } else {
      finish(
          StopReason.MAX_ITERATIONS,
          null,
          null,
          new AgentException("the run reached its iteration limit: " + options.getMaxIterations()),
          List.of(),
          true);
    }
  }

  /**
   * Continues the run with the handoff's target: its instructions, tools and model, on the same
   * transcript (filtered). Returns {@code false} when the run stopped instead (cap reached).
   */
  private boolean handOff(Handoff handoff) {
    HandoffOptions mine = options.getHandoffs();
    int max = mine == null ? HandoffOptions.DEFAULT_MAX_HANDOFFS : mine.getMaxHandoffs();
    if (++handoffs > max) {
      stop(
          StopReason.HANDOFF_LIMIT,
          new AgentException(
              "the run reached its handoff limit: " + max + " (HandoffOptions maxHandoffs)"));
      return false;
    }
    Agent target = handoff.target().get();
    if (!(target instanceof AgentImpl impl)) {
      throw new IllegalStateException("a handoff target must be made by Agent.create: " + target);
    }
    AgentOptions to = impl.config();
    telemetry.handedOff(state.agentName(), handoff.name());
    state.handOff(
        handoff.name(),
        to.getInstructions(),
        mine == null || mine.getFilter() == null ? l -> l : mine.getFilter());
    toolbox = HandoffToolbox.of(to.getToolbox(), to.getHandoffs());
    ChatParameters next = to.getParameters();
    if (next.model() == null) {
      // A target without a model of its own keeps the run's.
      next = next.toBuilder().model(parameters.model()).build();
    }
    requests =
        new StepRequests(
            next.overrideWith(request.parameters()),
            sessionId,
            toolbox,
            output,
            to,
            request.extras());
    parameters = requests.parameters();
    executor = newExecutor(toolbox);
    emit(new AgentEvent.AgentAnswering(runId, handoff.name(), scope.depth()));
    return true;
  }

  /**
   * Continues a journaled run: rebuilds the transcript and steps from the journal, then finishes
   * the step in progress (reusing journaled results) or asks the model for the next one.
   */
  void resume(Replay replay) {
    begin();
    // A typed run asks for the same response format as before it stopped.
    Future<Boolean> schema =
        output == null
            ? Future.succeededFuture(false)
            : here(agent.supportsJsonSchema(Objects.toString(parameters.model(), "")));
    schema.onComplete(
        safely(
            ar -> {
              if (!done && ar.failed()) {
                finish(StopReason.API_ERROR, null, null, ar.cause(), List.of(), true);
              } else if (!done) {
                jsonSchema = ar.result();
                replay(replay);
              }
            }));
  }

  private void replay(Replay replay) {
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
}
