package dev.agentloop.agent.impl;

import dev.agentloop.agent.AgentEvent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.compose.Handoff;
import dev.agentloop.internal.Contexts;
import dev.agentloop.observe.impl.RunTelemetry;
import dev.agentloop.observe.impl.Telemetry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a live run offers the agents it calls as tools: its name and depth, its remaining budget and
 * deadline, and a way to book a sub-run's usage into its totals. Internal: composition ({@code
 * dev.agentloop.agent.compose}) finds the calling run by the {@code runId} of the tool context.
 */
public final class RunScope {

  /** The name a run's usage is booked under when its agent has no name. */
  public static final String DEFAULT_AGENT_NAME = "agent";

  private static final BigDecimal SMALLEST_COST = new BigDecimal("0.000000001");
  private static final Map<String, RunScope> LIVE = new ConcurrentHashMap<>();

  private final String runId;
  private final int depth;
  private final Context context;
  private final AgentOptions options;
  private final RunState state;
  private volatile long deadlineNanos = Long.MAX_VALUE;
  private @Nullable Handoff handoff;
  private final @Nullable RunScope parent;
  private volatile RunTelemetry telemetry = RunTelemetry.NOOP;
  private final Consumer<AgentEvent> emitter;

  RunScope(
      String runId,
      @Nullable RunScope parent,
      Context context,
      AgentOptions options,
      RunState state,
      Consumer<AgentEvent> emitter) {
    this.runId = runId;
    this.parent = parent;
    this.depth = parent == null ? 0 : parent.depth + 1;
    this.context = context;
    this.options = options;
    this.state = state;
    this.emitter = emitter;
  }

  void telemetry(RunTelemetry telemetry) {
    this.telemetry = telemetry;
  }

  /**
   * The W3C {@code traceparent} of this run's {@code invoke_agent} span, so that a sub-run's span
   * nests under it; null when the run is not traced.
   */
  public @Nullable String traceParent() {
    return Telemetry.traceParent(telemetry.context());
  }

  /** Whether this run was called by another run (its events are forwarded to the caller). */
  boolean hasParent() {
    return parent != null;
  }

  /** Delivers a run's event to the calling run, if any, wrapped with this run's agent and depth. */
  void forwardUp(AgentEvent event) {
    RunScope p = parent;
    if (p == null) {
      return;
    }
    AgentEvent wrapped =
        event instanceof AgentEvent.SubAgentEvent s
            ? new AgentEvent.SubAgentEvent(p.runId, s.agent(), s.depth(), s.event())
            : new AgentEvent.SubAgentEvent(p.runId, state.agentName(), depth, event);
    Contexts.run(p.context, () -> p.emitter.accept(wrapped));
  }

  /** Returns the live run with this id, or null when it is not running in this process. */
  public static @Nullable RunScope of(String runId) {
    return LIVE.get(runId);
  }

  /** The name usage of an agent with these options is booked under. */
  public static String nameOf(AgentOptions options) {
    return options.getName() != null ? options.getName() : DEFAULT_AGENT_NAME;
  }

  void open() {
    if (options.getTimeout() != null) {
      deadlineNanos = System.nanoTime() + options.getTimeout().toNanos();
    }
    LIVE.put(runId, this);
  }

  void close() {
    LIVE.remove(runId, this);
  }

  /** The run id. */
  public String runId() {
    return runId;
  }

  /** How deep the run is: 0 for a run started by a caller, 1 for an agent it calls, and so on. */
  public int depth() {
    return depth;
  }

  /** The name of the agent answering now. */
  public String agentName() {
    return state.agentName();
  }

  /**
   * Returns a copy of a sub-agent's options whose cost, token and tool-call budgets and deadline
   * are capped by what this run has left (each the smaller of the two); without a model of its own
   * the sub-agent uses this run's.
   */
  public AgentOptions capped(AgentOptions child) {
    AgentOptions c = new AgentOptions(child);
    if (c.getModel() == null && options.getModel() != null) {
      c.setModel(options.getModel());
    }
    BigDecimal maxCost = options.getMaxCostUsd();
    if (maxCost != null) {
      // The budget must stay positive; callers refuse to start a sub-run once it is spent.
      BigDecimal left = maxCost.subtract(state.usage().costOrZero()).max(SMALLEST_COST);
      c.setMaxCostUsd(c.getMaxCostUsd() == null ? left : c.getMaxCostUsd().min(left));
    }
    if (options.getMaxTotalTokens() > 0) {
      long used =
          Math.max(
              state.usage().totalTokens(),
              (long) state.usage().promptTokens() + state.usage().completionTokens());
      // A budget of 0 means "none", so a spent budget leaves one token: the first check stops.
      long left = Math.max(1, options.getMaxTotalTokens() - used);
      c.setMaxTotalTokens(c.getMaxTotalTokens() > 0 ? Math.min(c.getMaxTotalTokens(), left) : left);
    }
    Integer maxCalls = options.getMaxToolCalls();
    if (maxCalls != null) {
      // The call of the agent itself is counted already; what is left may be 0.
      int left = Math.max(0, maxCalls - state.toolCalls());
      c.setMaxToolCalls(c.getMaxToolCalls() == null ? left : Math.min(c.getMaxToolCalls(), left));
    }
    if (deadlineNanos != Long.MAX_VALUE) {
      Duration left = Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
      c.setTimeout(
          c.getTimeout() == null || c.getTimeout().compareTo(left) > 0 ? left : c.getTimeout());
    }
    return c;
  }

  /** Returns whether this run's cost or token budget is used up. */
  public boolean budgetExceeded() {
    return state.budgetExceeded();
  }

  /**
   * Books a finished sub-run's usage into this run's totals, per model and per agent, on this run's
   * context.
   *
   * @return a future completed once the usage is booked
   */
  public Future<Void> absorb(AgentResult child) {
    Promise<Void> done = Promise.promise();
    Contexts.run(
        context,
        () -> {
          state.absorb(child);
          done.complete();
        });
    return done.future();
  }

  /**
   * Records that the model asked to hand the conversation to {@code target}; the loop acts on it
   * after the step's calls. Returns {@code false} when a transfer was asked for already.
   */
  synchronized boolean requestHandoff(Handoff target) {
    if (handoff != null) {
      return false;
    }
    handoff = target;
    return true;
  }

  /** Returns and clears the handoff asked for in the last step, or null. */
  synchronized @Nullable Handoff takeHandoff() {
    Handoff h = handoff;
    handoff = null;
    return h;
  }
}
