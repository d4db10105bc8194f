package dev.agentloop.agent;

import dev.agentloop.agent.impl.AgentImpl;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.run.ApprovalDecision;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.reflect.Type;
import java.util.List;

/**
 * A tool-calling agent: sends the conversation to a model, runs the tools it asks for, feeds the
 * results back, and repeats until the model answers, a limit is hit, or the run is cancelled.
 *
 * <p>An agent is configured once and is safe to share: any number of runs may proceed concurrently,
 * each with its own state. Runs never block; they proceed on the Vert.x context of the caller (or a
 * new event-loop context when called from a non-Vert.x thread).
 *
 * <pre>{@code
 * OpenRouterClient client = OpenRouterClient.create(vertx, new OpenRouterOptions());
 * Agent agent = Agent.create(vertx, client, new AgentOptions()
 *     .setModel("openai/gpt-4o-mini")
 *     .setInstructions("You are a travel assistant.")
 *     .setToolbox(Toolbox.builder().add(new WeatherTools()).build()));
 *
 * agent.run("What should I wear in Paris today?")
 *     .onSuccess(result -> System.out.println(result.text()));
 *
 * agent.run("Plan a day in Lyon", DayPlan.class)
 *     .onSuccess(result -> show(result.output(DayPlan.class)));
 * }</pre>
 *
 * <p>Stops: a run whose model answers without tool calls completes with {@link
 * StopReason#COMPLETED}. Budget, deadline, tool call limits, {@link
 * MaxIterationsBehavior#FINAL_ANSWER} and cancellation also succeed, with their stop reason and the
 * transcript so far. The iteration cap under {@link MaxIterationsBehavior#FAIL}, OpenRouter errors
 * that survived the client's retries and structured output that stayed invalid fail the future with
 * an {@link AgentRunException} that carries the same partial {@link AgentResult}.
 */
public interface Agent {

  /**
   * Creates an agent. The options are copied.
   *
   * @param vertx the Vert.x instance runs execute on
   * @param client the OpenRouter client (not closed by the agent)
   * @param options the configuration
   */
  static Agent create(Vertx vertx, OpenRouterClient client, AgentOptions options) {
    return new AgentImpl(vertx, client, options);
  }

  /** The agent's options (a copy). */
  AgentOptions options();

  /**
   * Runs one user prompt to completion.
   *
   * @return the result; fails with {@link AgentRunException} on an aborting stop
   */
  default Future<AgentResult> run(String prompt) {
    return run(RunRequest.of(prompt));
  }

  /**
   * Runs one user prompt asking for a structured answer of the given type; read it with {@link
   * AgentResult#output(Class)}.
   *
   * @return the result; fails with {@link AgentRunException} ({@link StopReason#OUTPUT_INVALID})
   *     when the answer stayed invalid after the repair attempts
   */
  default Future<AgentResult> run(String prompt, Type outputType) {
    return run(RunRequest.builder(prompt).output(outputType).build());
  }

  /**
   * Runs a request to completion.
   *
   * @return the result; fails with {@link AgentRunException} on an aborting stop
   */
  default Future<AgentResult> run(RunRequest request) {
    return start(request).result();
  }

  /** Starts a run and returns its handle (events, result, cancel). */
  AgentRun start(RunRequest request);

  /**
   * Continues a journaled run from its journal (see {@link AgentOptions#setRunStore}): a run that
   * parked with {@link StopReason#AWAITING_APPROVAL}, or one whose process died. Model answers and
   * tool results already journaled are reused, never requested or run again. Each decision is
   * recorded once; calls still undecided park the run again.
   *
   * @param runId the run to continue
   * @param decisions decisions on the run's pending calls (may be empty)
   * @return the result; fails with {@link IllegalStateException} without a run store or for a
   *     finished run, {@link IllegalArgumentException} for an unknown run, an unknown call or a
   *     digest that does not match, {@link dev.agentloop.run.RunConflictException} when a call was
   *     already decided or another writer appended first, and like {@link #run} otherwise
   */
  Future<AgentResult> resume(String runId, List<ApprovalDecision> decisions);

  /**
   * Records decisions on a journaled run and continues it in the background: like {@link #resume},
   * but the future completes as soon as the decisions are journaled, with the handle of the
   * continuing run (its events, result and cancel). A server answers a person's decision with it
   * without waiting for the rest of the run; should the process die, {@link #recover} continues the
   * run from the recorded decision.
   *
   * @param runId the run to continue
   * @param decisions decisions on the run's pending calls (may be empty)
   * @return the continuing run; fails like {@link #resume} for a missing store, an unknown or
   *     finished run, an unknown call, a digest that does not match, or a call already decided
   */
  Future<AgentRun> resumeRun(String runId, List<ApprovalDecision> decisions);

  /**
   * Resumes the store's runs that were in flight when their process stopped ({@link
   * dev.agentloop.run.RunStatus#RUNNING}), for this agent's name (or all runs when it has none).
   * Call it once when a node starts. Runs continue in the background; a run another live writer
   * still owns cannot be taken over silently: the first conflicting append stops the loser with
   * {@link StopReason#STORE_ERROR}.
   *
   * @param limit at most this many runs
   * @return the ids of the runs resumed; fails when the store cannot be read
   */
  Future<List<String>> recover(int limit);

  /** Starts a streaming run: like {@link #start} with {@link RunRequest#stream()} set. */
  default AgentRun stream(RunRequest request) {
    return start(request.stream() ? request : request.toBuilder().stream(true).build());
  }
}
