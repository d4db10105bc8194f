package dev.agentloop.vertx.impl;

import dev.agentloop.AgentException;
import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.StopReason;
import dev.agentloop.openrouter.impl.Json;
import dev.agentloop.run.ApprovalDecision;
import dev.agentloop.run.JournalRecord;
import dev.agentloop.run.PendingApproval;
import dev.agentloop.run.RunConflictException;
import dev.agentloop.run.RunInfo;
import dev.agentloop.run.RunStatus;
import dev.agentloop.run.RunStore;
import dev.agentloop.run.RunView;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The runs operations over the agents' run stores (start, show, list, decide approvals, cancel),
 * independent of the transport: the HTTP {@code /v1/runs} API and the event-bus service both call
 * these, so they answer with the same JSON and refuse with the same statuses. A refusal is a failed
 * future with a {@link Refusal}; any other failure is mapped with {@link Failures#of}. Decisions
 * refer to server-side runs only; the digest is taken from the journal unless the caller sends one,
 * which must then match.
 */
public final class RunOperations {

  /** The most runs one list answers. */
  public static final int MAX_LIST = 500;

  /** The longest input text accepted, in characters. */
  public static final int MAX_INPUT_CHARS = 100_000;

  /** A refused operation: the failure the caller sees and the request field at fault. */
  public static final class Refusal extends AgentException {
    private static final long serialVersionUID = 1L;

    /** What the caller sees. */
    public final transient Failures.Failure failure;

    /** The request field at fault, or null. */
    public final @Nullable String param;

    Refusal(Failures.Failure failure, @Nullable String param) {
      super(failure.message());
      this.failure = failure;
      this.param = param;
    }
  }

  private final Map<String, Agent> agents;
  private final Map<String, AgentRun> local = new ConcurrentHashMap<>();

  /** Creates the operations over these agents by name (read live: agents may be added later). */
  public RunOperations(Map<String, Agent> agents) {
    this.agents = agents;
  }

  /** Maps any failure of an operation to what the caller sees. */
  public static Failures.Failure failure(Throwable error) {
    return error instanceof Refusal r ? r.failure : Failures.of(error);
  }

  /** Starts a run of the named agent: {@code {"id", "status": "running"}}. */
  public Future<JsonObject> start(
      @Nullable String name, @Nullable String input, @Nullable String traceParent) {
    Agent agent = name == null ? null : agents.get(name);
    if (agent == null) {
      return refuse(
          new Failures.Failure(
              404, "invalid_request_error", "agent_not_found", "no agent named: " + name),
          "agent");
    }
    if (input == null || input.isEmpty() || input.length() > MAX_INPUT_CHARS) {
      return refuse(
          Failures.invalid(
              "input must be a string of 1 to " + MAX_INPUT_CHARS + " characters", null),
          "input");
    }
    if (agent.options().getRunStore() == null) {
      return refuse(Failures.invalid("the agent has no run store: " + name, null), "agent");
    }
    AgentRun run = agent.start(Runs.traced(RunRequest.of(input), traceParent));
    track(run);
    return Future.succeededFuture(new JsonObject().put("id", run.runId()).put("status", "running"));
  }

  /** Shows a run: status, pending approvals, transcript, usage. */
  public Future<JsonObject> show(String id) {
    return view(id).compose(v -> v == null ? notFound(id) : Future.succeededFuture(toJson(v)));
  }

  /** Lists runs, most recently updated first: {@code {"data": [...]}}. */
  public Future<JsonObject> list(@Nullable String status, @Nullable String limit) {
    RunStatus s;
    int max;
    try {
      s = status == null ? null : RunStatus.valueOf(status.toUpperCase(Locale.ROOT));
      max = limit == null ? 100 : Integer.parseInt(limit);
      if (max < 1 || max > MAX_LIST) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      return refuse(
          Failures.invalid(
              "status must be running, awaiting_approval or finished and limit 1 to " + MAX_LIST,
              null),
          null);
    }
    List<Future<List<RunInfo>>> lists = new ArrayList<>();
    for (RunStore store : stores()) {
      lists.add(store.list(s, max));
    }
    return Future.all(lists)
        .map(
            all -> {
              JsonArray data = new JsonArray();
              for (Future<List<RunInfo>> f : lists) {
                for (RunInfo r : f.result()) {
                  if (data.size() < max) {
                    data.add(
                        new JsonObject()
                            .put("id", r.runId())
                            .put("status", r.status().name().toLowerCase(Locale.ROOT))
                            .put("records", r.records())
                            .put("updated_at", r.updatedAt().toString()));
                  }
                }
              }
              return new JsonObject().put("data", data);
            });
  }

  /**
   * Decides a pending approval ({@code {"decision": "approve"|"reject", "message", "arguments",
   * "digest"}}) and answers with the run once it finished or parked again.
   */
  public Future<JsonObject> decide(String id, String callId, @Nullable JsonObject body) {
    String decision = body == null ? null : body.getString("decision");
    if (!"approve".equals(decision) && !"reject".equals(decision)) {
      return refuse(Failures.invalid("decision must be approve or reject", null), "decision");
    }
    return view(id).compose(view -> decide(id, callId, body, view));
  }

  private Future<JsonObject> decide(
      String id, String callId, JsonObject body, @Nullable RunView view) {
    if (view == null) {
      return notFound(id);
    }
    if (view.decidedCalls().contains(callId) || view.status() == RunStatus.FINISHED) {
      return conflict("the call was already decided or the run finished: " + callId);
    }
    if (view.status() != RunStatus.AWAITING_APPROVAL) {
      return conflict("the run is not awaiting approval: " + id);
    }
    PendingApproval p =
        view.pendingApprovals().stream()
            .filter(a -> a.callId().equals(callId))
            .findFirst()
            .orElse(null);
    Agent agent = agentOf(view);
    if (p == null || agent == null) {
      return refuse(
          new Failures.Failure(
              404,
              "invalid_request_error",
              "approval_not_found",
              p == null ? "no pending approval for call: " + callId : "no agent for run: " + id),
          null);
    }
    ApprovalDecision d;
    try {
      String digest = body.getString("digest", p.digest());
      JsonObject args = body.getJsonObject("arguments");
      d =
          "approve".equals(body.getString("decision"))
              ? new ApprovalDecision(
                  callId,
                  digest,
                  true,
                  null,
                  args == null ? null : Json.MAPPER.readTree(args.encode()))
              : new ApprovalDecision(
                  callId, digest, false, body.getString("message", "rejected by a person"), null);
    } catch (Exception e) {
      return refuse(Failures.invalid(String.valueOf(e.getMessage()), null), null);
    }
    // Answers once the decision is journaled; the run goes on in the background (and after a
    // crash, recover() continues it from the recorded decision).
    return agent
        .resumeRun(id, List.of(d))
        .onSuccess(this::track)
        .transform(
            done -> {
              Throwable e = done.cause();
              if (e instanceof RunConflictException || e instanceof IllegalStateException) {
                return conflict(String.valueOf(e.getMessage()));
              }
              if (e instanceof IllegalArgumentException) {
                return refuse(Failures.invalid(String.valueOf(e.getMessage()), null), null);
              }
              return show(id);
            });
  }

  /** Keeps a run of this process cancellable until it ends. */
  private void track(AgentRun run) {
    local.put(run.runId(), run);
    run.result().onComplete(ar -> local.remove(run.runId(), run));
  }

  /** Cancels a run: the run as it stopped; 409 when it already finished. */
  public Future<JsonObject> cancel(String id) {
    AgentRun run = local.get(id);
    if (run != null) {
      run.cancel();
      return run.result().transform(ar -> show(id));
    }
    for (RunStore store : stores()) {
      return store
          .load(id)
          .transform(
              ar -> {
                if (ar.failed() || ar.result().isEmpty()) {
                  return notFound(id);
                }
                List<JournalRecord> records = ar.result();
                if (RunStatus.after(records.get(records.size() - 1)) == RunStatus.FINISHED) {
                  return conflict("the run already finished: " + id);
                }
                return store
                    .append(
                        id,
                        records.size(),
                        new JournalRecord.RunFinished(StopReason.CANCELLED, null))
                    .transform(
                        w ->
                            w.failed()
                                ? conflict(String.valueOf(w.cause().getMessage()))
                                : show(id));
              });
    }
    return notFound(id);
  }

  /** The run's view from the first store that knows it, or null. */
  private Future<@Nullable RunView> view(String id) {
    Future<@Nullable RunView> found = Future.succeededFuture(null);
    for (RunStore store : stores()) {
      found =
          found.compose(
              v ->
                  v != null
                      ? Future.succeededFuture(v)
                      : store
                          .load(id)
                          .map(records -> records.isEmpty() ? null : RunView.of(id, records)));
    }
    return found;
  }

  private @Nullable Agent agentOf(RunView view) {
    if (view.agent() != null && agents.containsKey(view.agent())) {
      return agents.get(view.agent());
    }
    List<Agent> durable =
        agents.values().stream().filter(a -> a.options().getRunStore() != null).toList();
    return durable.size() == 1 ? durable.get(0) : null;
  }

  private Set<RunStore> stores() {
    Set<RunStore> stores = new LinkedHashSet<>();
    for (Agent a : agents.values()) {
      RunStore s = a.options().getRunStore();
      if (s != null) {
        stores.add(s);
      }
    }
    return stores;
  }

  private static <T> Future<T> refuse(Failures.Failure failure, @Nullable String param) {
    return Future.failedFuture(new Refusal(failure, param));
  }

  private static <T> Future<T> notFound(String id) {
    return refuse(
        new Failures.Failure(
            404, "invalid_request_error", "run_not_found", "no run with id: " + id),
        null);
  }

  private static <T> Future<T> conflict(String message) {
    return refuse(new Failures.Failure(409, "invalid_request_error", "conflict", message), null);
  }

  /** The JSON form of a run's view. */
  static JsonObject toJson(RunView v) {
    JsonArray pending = new JsonArray();
    for (PendingApproval p : v.pendingApprovals()) {
      Object args;
      try {
        args = new JsonObject(p.arguments());
      } catch (RuntimeException e) {
        args = p.arguments();
      }
      pending.add(
          new JsonObject()
              .put("call_id", p.callId())
              .put("tool", p.tool())
              .put("arguments", args)
              .put("digest", p.digest()));
    }
    JsonArray transcript = new JsonArray();
    v.transcript().forEach(m -> transcript.add(dev.agentloop.vertx.AgentJson.messageJson(m)));
    return new JsonObject()
        .put("id", v.runId())
        .put("agent", v.agent())
        .put("status", v.status().name().toLowerCase(Locale.ROOT))
        .put("stop_reason", v.stopReason() == null ? null : v.stopReason().name())
        .put("text", v.text())
        .put("pending_approvals", pending)
        .put("transcript", transcript)
        .put("usage", dev.agentloop.vertx.AgentJson.toJson(v.usage()));
  }
}
