package dev.agentloop.agent.impl;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.Step;
import dev.agentloop.agent.StopReason;
import dev.agentloop.agent.ToolExecution;
import dev.agentloop.internal.ToolCalls;
import dev.agentloop.openrouter.CacheControl;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.ContentPart;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.run.PendingApproval;
import dev.agentloop.tool.ToolResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** The record of one run: transcript, steps, usage and counters. Confined to the run's context. */
final class RunState {

  private final String runId;
  private final String sessionId;
  private final AgentOptions options;
  private final List<Message> transcript = new ArrayList<>();
  private final List<Step> steps = new ArrayList<>();
  private final Map<String, Usage> usageByModel = new LinkedHashMap<>();
  private final Map<String, Integer> identicalCalls = new HashMap<>();
  private final Map<String, Integer> callsPerTool = new HashMap<>();
  // Tool calls asked for in this run, plus those made by agents it called as tools.
  private int toolCalls;
  private final Map<String, Usage> usageByAgent = new LinkedHashMap<>();
  private final List<String> agents = new ArrayList<>();
  private String agentName;
  private Usage usage = Usage.ZERO;
  private @Nullable String lastModel;
  private int newTurnStart = -1;

  RunState(String runId, String sessionId, AgentOptions options) {
    this.runId = runId;
    this.sessionId = sessionId;
    this.options = options;
    this.agentName = RunScope.nameOf(options);
    agents.add(agentName);
  }

  /** The agent answering now (its usage is booked under this name). */
  String agentName() {
    return agentName;
  }

  /**
   * Hands the conversation to another agent: books what follows under {@code name}, puts its
   * instructions in place of the system message and filters the rest of the transcript.
   */
  void handOff(String name, @Nullable String instructions, UnaryOperator<List<Message>> filter) {
    agentName = name;
    agents.add(name);
    int systemsBefore = 0;
    for (int i = 0; i < newTurnStart && i < transcript.size(); i++) {
      systemsBefore += "system".equals(transcript.get(i).role()) ? 1 : 0;
    }
    List<Message> rest = new ArrayList<>();
    for (Message m : transcript) {
      if (!"system".equals(m.role())) {
        rest.add(m);
      }
    }
    List<Message> kept = filter.apply(List.copyOf(rest));
    transcript.clear();
    if (instructions != null && !instructions.isEmpty()) {
      transcript.add(Message.system(instructions));
    }
    transcript.addAll(kept);
    // The turn saved to memory still starts at the user message (unless the filter moved it).
    int shift = instructions != null && !instructions.isEmpty() ? 1 : 0;
    newTurnStart = Math.max(0, Math.min(newTurnStart - systemsBefore + shift, transcript.size()));
  }

  /** The run's usage so far, sub-runs included. */
  Usage usage() {
    return usage;
  }

  /**
   * Adds a finished sub-run's usage (an agent called as a tool) to the totals, per model and per
   * agent, so that the parent's result accounts for every level.
   */
  void absorb(AgentResult child) {
    usage = usage.plus(child.usage());
    toolCalls += child.toolExecutions().size();
    child.usageByModel().forEach((model, u) -> usageByModel.merge(model, u, Usage::plus));
    if (child.usageByAgent().isEmpty()) {
      usageByAgent.merge("sub-agent", child.usage(), Usage::plus);
    } else {
      child.usageByAgent().forEach((name, u) -> usageByAgent.merge(name, u, Usage::plus));
    }
  }

  /** A step whose response arrived and whose tool calls may still run. */
  record PendingStep(
      int index,
      Step.Kind kind,
      @Nullable String requestedModel,
      @Nullable String model,
      Message message,
      @Nullable String finishReason,
      Usage usage,
      long startNanos,
      Map<String, ToolResult> finished,
      @Nullable ChatResponse response) {
    PendingStep(
        int index,
        Step.Kind kind,
        @Nullable String requestedModel,
        @Nullable String model,
        Message message,
        @Nullable String finishReason,
        Usage usage,
        long startNanos,
        @Nullable ChatResponse response) {
      this(
          index,
          kind,
          requestedModel,
          model,
          message,
          finishReason,
          usage,
          startNanos,
          new HashMap<>(),
          response);
    }

    PendingStep(
        int index,
        Step.Kind kind,
        @Nullable String requestedModel,
        @Nullable String model,
        Message message,
        @Nullable String finishReason,
        Usage usage,
        long startNanos) {
      this(index, kind, requestedModel, model, message, finishReason, usage, startNanos, null);
    }
  }

  void begin(@Nullable String system, List<Message> history, Message user) {
    if (system != null && !system.isEmpty()) {
      CacheControl cache = options.getInstructionsCacheControl();
      transcript.add(
          cache == null
              ? Message.system(system)
              : new Message(
                  "system",
                  List.of(ContentPart.text(system, cache)),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null));
    }
    transcript.addAll(history);
    newTurnStart = transcript.size();
    transcript.add(user);
  }

  boolean started() {
    return newTurnStart >= 0;
  }

  List<Message> transcript() {
    return transcript;
  }

  /** The messages of this run's turn: the user message and everything after it. */
  List<Message> newMessages() {
    return List.copyOf(transcript.subList(newTurnStart, transcript.size()));
  }

  Map<String, Integer> identicalCalls() {
    return identicalCalls;
  }

  void append(Message m) {
    transcript.add(m);
  }

  void addResponse(@Nullable String model, Usage u, Message message) {
    usage = usage.plus(u);
    String key = model == null ? "unknown" : model;
    usageByModel.merge(key, u, Usage::plus);
    usageByAgent.merge(agentName, u, Usage::plus);
    if (model != null) {
      lastModel = model;
    }
    transcript.add(message);
  }

  boolean budgetExceeded() {
    BigDecimal maxCost = options.getMaxCostUsd();
    if (maxCost != null && usage.costOrZero().compareTo(maxCost) >= 0) {
      return true;
    }
    long tokens = Math.max(usage.totalTokens(), usage.promptTokens() + usage.completionTokens());
    return options.getMaxTotalTokens() > 0 && tokens >= options.getMaxTotalTokens();
  }

  /** The tool calls counted so far, sub-runs' included. */
  int toolCalls() {
    return toolCalls;
  }

  /** Counts the calls against the limits; returns why they exceed one, or null. */
  @Nullable String checkCallLimits(List<ToolCall> calls) {
    int perResponse = options.getMaxCallsPerResponse();
    if (perResponse > 0 && calls.size() > perResponse) {
      return "the model asked for "
          + calls.size()
          + " tool calls in one response; the limit is "
          + perResponse
          + " (AgentOptions maxCallsPerResponse)";
    }
    toolCalls += calls.size();
    Integer total = options.getMaxToolCalls();
    if (total != null && toolCalls > total) {
      return "the run may make at most "
          + total
          + " tool calls (AgentOptions maxToolCalls); this response would bring it to "
          + toolCalls;
    }
    Map<String, Integer> limits = options.getMaxCallsPerTool();
    String exceeded = null;
    for (ToolCall call : calls) {
      String name = ToolStepExecutor.nameOf(call);
      int n = callsPerTool.merge(name, 1, Integer::sum);
      Integer limit = limits.get(name);
      if (exceeded == null && limit != null && n > limit) {
        exceeded = "the tool " + name + " may be called at most " + limit + " times per run";
      }
    }
    return exceeded;
  }

  Step recordStep(PendingStep p, List<ToolExecution> calls) {
    ChatResponse r = p.response();
    Step step =
        new Step(
            p.index(),
            p.kind(),
            p.requestedModel(),
            p.model(),
            p.message(),
            p.finishReason(),
            calls,
            p.usage(),
            Duration.ofNanos(System.nanoTime() - p.startNanos()),
            r == null ? null : r.provider(),
            r == null ? null : r.systemFingerprint(),
            r == null ? null : r.serviceTier(),
            r == null || r.choices().isEmpty() ? null : r.choices().get(0).logprobs());
    steps.add(step);
    return step;
  }

  /** Answers the step's calls that have no result (stopped run) and appends the tool messages. */
  List<ToolResult> closeOpenCalls(PendingStep p, StopReason reason) {
    List<ToolResult> results = new ArrayList<>();
    for (ToolCall call : p.message().toolCalls()) {
      ToolResult r = p.finished().get(call.id());
      if (r == null) {
        ToolResult.ErrorKind kind =
            reason == StopReason.CANCELLED || reason == StopReason.DEADLINE
                ? ToolResult.ErrorKind.CANCELLED
                : ToolResult.ErrorKind.REJECTED;
        r = ToolCalls.stopped(call, kind, reason.name());
      }
      results.add(r);
      transcript.add(Message.tool(call.id(), r.content()));
    }
    return results;
  }

  static List<ToolExecution> executions(List<ToolCall> calls, List<ToolResult> results) {
    List<ToolExecution> list = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      list.add(new ToolExecution(calls.get(i), results.get(i)));
    }
    return list;
  }

  AgentResult result(
      StopReason reason,
      @Nullable String text,
      StructuredOutput.@Nullable Outcome outcome,
      @Nullable Throwable error,
      List<String> outputErrors,
      List<PendingApproval> pendingApprovals) {
    return new AgentResult(
        runId,
        sessionId,
        reason,
        text,
        outcome == null ? null : outcome.json(),
        outcome == null ? null : outcome.value(),
        transcript,
        steps,
        usage,
        usageByModel,
        lastModel,
        error,
        outputErrors,
        pendingApprovals,
        usageByAgent,
        agents);
  }

  /** The message of the exception failing an aborted run. */
  static String describe(AgentResult r) {
    return switch (r.stopReason()) {
      case MAX_ITERATIONS ->
          "the run reached its iteration limit after "
              + r.steps().size()
              + " steps; raise AgentOptions.maxIterations or use MaxIterationsBehavior.FINAL_ANSWER";
      case OUTPUT_INVALID ->
          "the model's structured answer stayed invalid: " + String.join("; ", r.outputErrors());
      case API_ERROR -> "OpenRouter failed: " + errorMessage(r);
      case MEMORY_ERROR -> "the conversation memory failed: " + errorMessage(r);
      case INTERNAL_ERROR -> "the agent failed with an internal error: " + errorMessage(r);
      default -> "the run stopped: " + r.stopReason();
    };
  }

  private static String errorMessage(AgentResult r) {
    return r.error() == null ? "unknown error" : String.valueOf(r.error().getMessage());
  }
}
