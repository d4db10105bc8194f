package dev.agentloop.vertx.impl;

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
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@code /v1/runs} API over the agents' run stores: start, show, list, decide approvals,
 * cancel. Decisions refer to server-side runs only; the digest is taken from the journal unless the
 * caller sends one, which must then match.
 */
final class RunsEndpoint {

  /** The most runs one list answers. */
  static final int MAX_LIST = 500;

  /** The longest input text accepted, in characters. */
  static final int MAX_INPUT_CHARS = 100_000;

  private final Map<String, Agent> agents;
  private final Map<String, AgentRun> local = new ConcurrentHashMap<>();

  RunsEndpoint(Map<String, Agent> agents) {
    this.agents = agents;
  }

  void start(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    String name = body == null ? null : body.getString("agent");
    String input = body == null ? null : body.getString("input");
    Agent agent = name == null ? null : agents.get(name);
    if (agent == null) {
      Errors.send(
          ctx, 404, "invalid_request_error", "agent_not_found", "no agent named: " + name, "agent");
      return;
    }
    if (input == null || input.isEmpty() || input.length() > MAX_INPUT_CHARS) {
      Errors.send(
          ctx,
          Failures.invalid(
              "input must be a string of 1 to " + MAX_INPUT_CHARS + " characters", null),
          "input");
      return;
    }
    if (agent.options().getRunStore() == null) {
      Errors.send(ctx, Failures.invalid("the agent has no run store: " + name, null), "agent");
      return;
    }
    AgentRun run =
        agent.start(Runs.traced(RunRequest.of(input), ctx.request().getHeader(Runs.TRACEPARENT)));
    track(run);
    ctx.response().setStatusCode(201);
    ctx.json(new JsonObject().put("id", run.runId()).put("status", "running"));
  }

  /** Keeps a run of this process cancellable until it ends. */
  private void track(AgentRun run) {
    local.put(run.runId(), run);
    run.result().onComplete(ar -> local.remove(run.runId(), run));
  }

  void show(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    view(id)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                Errors.send(ctx, Failures.of(ar.cause()), null);
              } else if (ar.result() == null) {
                notFound(ctx, id);
              } else {
                ctx.json(toJson(ar.result()));
              }
            });
  }

  void list(RoutingContext ctx) {
    String s = ctx.request().getParam("status");
    RunStatus status;
    int limit;
    try {
      status = s == null ? null : RunStatus.valueOf(s.toUpperCase(Locale.ROOT));
      String l = ctx.request().getParam("limit");
      limit = l == null ? 100 : Integer.parseInt(l);
      if (limit < 1 || limit > MAX_LIST) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      Errors.send(
          ctx,
          Failures.invalid(
              "status must be running, awaiting_approval or finished"
                  + " and limit 1 to "
                  + MAX_LIST,
              null),
          null);
      return;
    }
    List<Future<List<RunInfo>>> lists = new ArrayList<>();
    for (RunStore store : stores()) {
      lists.add(store.list(status, limit));
    }
    Future.all(lists)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                Errors.send(ctx, Failures.of(ar.cause()), null);
                return;
              }
              JsonArray data = new JsonArray();
              for (Future<List<RunInfo>> f : lists) {
                for (RunInfo r : f.result()) {
                  if (data.size() < limit) {
                    data.add(
                        new JsonObject()
                            .put("id", r.runId())
                            .put("status", r.status().name().toLowerCase(Locale.ROOT))
                            .put("records", r.records())
                            .put("updated_at", r.updatedAt().toString()));
                  }
                }
              }
              ctx.json(new JsonObject().put("data", data));
            });
  }

  void decide(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String callId = ctx.pathParam("callId");
    JsonObject body = ctx.body().asJsonObject();
    String decision = body == null ? null : body.getString("decision");
    if (!"approve".equals(decision) && !"reject".equals(decision)) {
      Errors.send(ctx, Failures.invalid("decision must be approve or reject", null), "decision");
      return;
    }
    view(id)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                Errors.send(ctx, Failures.of(ar.cause()), null);
                return;
              }
              RunView view = ar.result();
              if (view == null) {
                notFound(ctx, id);
                return;
              }
              if (view.decidedCalls().contains(callId) || view.status() == RunStatus.FINISHED) {
                conflict(ctx, "the call was already decided or the run finished: " + callId);
                return;
              }
              if (view.status() != RunStatus.AWAITING_APPROVAL) {
                conflict(ctx, "the run is not awaiting approval: " + id);
                return;
              }
              PendingApproval p =
                  view.pendingApprovals().stream()
                      .filter(a -> a.callId().equals(callId))
                      .findFirst()
                      .orElse(null);
              Agent agent = agentOf(view);
              if (p == null || agent == null) {
                Errors.send(
                    ctx,
                    404,
                    "invalid_request_error",
                    "approval_not_found",
                    p == null
                        ? "no pending approval for call: " + callId
                        : "no agent for run: " + id,
                    null);
                return;
              }
              ApprovalDecision d;
              try {
                String digest = body.getString("digest", p.digest());
                JsonObject args = body.getJsonObject("arguments");
                d =
                    "approve".equals(decision)
                        ? new ApprovalDecision(
                            callId,
                            digest,
                            true,
                            null,
                            args == null ? null : Json.MAPPER.readTree(args.encode()))
                        : new ApprovalDecision(
                            callId,
                            digest,
                            false,
                            body.getString("message", "rejected by a person"),
                            null);
              } catch (Exception e) {
                Errors.send(ctx, Failures.invalid(String.valueOf(e.getMessage()), null), null);
                return;
              }
              // Answers once the decision is journaled; the run goes on in the background (and
              // after a crash, recover() continues it from the recorded decision).
              agent
                  .resumeRun(id, List.of(d))
                  .onSuccess(this::track)
                  .onComplete(
                      done -> {
                        if (done.failed()
                            && (done.cause() instanceof RunConflictException
                                || done.cause() instanceof IllegalStateException)) {
                          conflict(ctx, String.valueOf(done.cause().getMessage()));
                        } else if (done.failed()
                            && done.cause() instanceof IllegalArgumentException) {
                          Errors.send(
                              ctx,
                              Failures.invalid(String.valueOf(done.cause().getMessage()), null),
                              null);
                        } else {
                          show(ctx);
                        }
                      });
            });
  }

  void cancel(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    AgentRun run = local.get(id);
    if (run != null) {
      run.cancel();
      run.result().onComplete(ar -> show(ctx));
      return;
    }
    for (RunStore store : stores()) {
      store
          .load(id)
          .onComplete(
              ar -> {
                if (ar.failed() || ar.result().isEmpty()) {
                  notFound(ctx, id);
                  return;
                }
                if (RunStatus.after(ar.result().get(ar.result().size() - 1))
                    == RunStatus.FINISHED) {
                  conflict(ctx, "the run already finished: " + id);
                  return;
                }
                store
                    .append(
                        id,
                        ar.result().size(),
                        new JournalRecord.RunFinished(StopReason.CANCELLED, null))
                    .onComplete(
                        w -> {
                          if (w.failed()) {
                            conflict(ctx, String.valueOf(w.cause().getMessage()));
                          } else {
                            show(ctx);
                          }
                        });
              });
      return;
    }
    notFound(ctx, id);
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

  private static void notFound(RoutingContext ctx, String id) {
    Errors.send(ctx, 404, "invalid_request_error", "run_not_found", "no run with id: " + id, null);
  }

  private static void conflict(RoutingContext ctx, String message) {
    Errors.send(ctx, 409, "invalid_request_error", "conflict", message, null);
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
