package dev.agentloop.agent.impl;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.observe.impl.Telemetry;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.run.ApprovalDecision;
import dev.agentloop.run.JournalRecord;
import dev.agentloop.run.RunInfo;
import dev.agentloop.run.RunStatus;
import dev.agentloop.run.RunStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Agent}: immutable configuration shared by all runs; each run is a {@link RunLoop}. */
public final class AgentImpl implements Agent {

  private static final Logger LOG = LoggerFactory.getLogger(AgentImpl.class);

  private final Vertx vertx;
  private final OpenRouterClient client;
  private final AgentOptions options;
  private final Capabilities capabilities;
  private final Telemetry telemetry;
  private final Set<String> toolNames;

  /** Creates the agent; the options are copied. */
  public AgentImpl(Vertx vertx, OpenRouterClient client, AgentOptions options) {
    this.vertx = Objects.requireNonNull(vertx, "vertx == null");
    this.client = Objects.requireNonNull(client, "client == null");
    this.options = new AgentOptions(Objects.requireNonNull(options, "options == null"));
    if (this.options.getRunStore() != null
        && this.options.getHandoffs() != null
        && !this.options.getHandoffs().getTargets().isEmpty()) {
      // The journal does not record a handoff: a resumed run would answer as the wrong agent.
      throw new IllegalArgumentException(
          "handoffs are not supported in journaled runs yet: remove the run store or the handoffs"
              + " of agent "
              + this.options.getName());
    }
    this.capabilities = new Capabilities(client);
    this.telemetry = Telemetry.create(this.options.getObservability());
    Set<String> names = new HashSet<>();
    if (this.options.getToolbox() != null) {
      this.options.getToolbox().specs().forEach(spec -> names.add(spec.name()));
    }
    this.toolNames = Set.copyOf(names);
  }

  @Override
  public AgentOptions options() {
    return new AgentOptions(options);
  }

  @Override
  public AgentRun start(RunRequest request) {
    return start(request, true);
  }

  @Override
  public Future<AgentResult> run(RunRequest request) {
    // The run handle never escapes, so its events cannot be read: do not keep them.
    return start(request, false).result();
  }

  private AgentRun start(RunRequest request, boolean bufferEvents) {
    Objects.requireNonNull(request, "request == null");
    Context context = vertx.getOrCreateContext();
    RunLoop run = new RunLoop(this, context, request, bufferEvents, "run-" + UUID.randomUUID(), 0);
    // Start on the next turn of the context so the caller can attach event handlers first.
    context.runOnContext(v -> run.start());
    return run;
  }

  /**
   * Starts a run of this agent on behalf of another run (an agent called as a tool): on the
   * caller's context, one level deeper, with the cost and token budgets and deadline capped by what
   * the parent has left, and its usage booked under {@code name}. Internal to composition.
   *
   * @param request the sub-run's request
   * @param parent the calling run
   * @param name the name the sub-run's usage is booked under
   */
  public AgentRun startChild(RunRequest request, RunScope parent, String name) {
    Objects.requireNonNull(request, "request == null");
    AgentOptions capped = parent.capped(options).setName(name);
    Context context = vertx.getOrCreateContext();
    RunLoop run =
        new RunLoop(this, context, request, false, "run-" + UUID.randomUUID(), 0, capped, parent);
    context.runOnContext(v -> run.start());
    return run;
  }

  @Override
  public Future<AgentResult> resume(String runId, List<ApprovalDecision> decisions) {
    return resume(runId, decisions, false).compose(AgentRun::result);
  }

  @Override
  public Future<AgentRun> resumeRun(String runId, List<ApprovalDecision> decisions) {
    return resume(runId, decisions, true);
  }

  private Future<AgentRun> resume(
      String runId, List<ApprovalDecision> decisions, boolean bufferEvents) {
    Objects.requireNonNull(runId, "runId == null");
    List<ApprovalDecision> given = List.copyOf(decisions);
    RunStore store = options.getRunStore();
    if (store == null) {
      return Future.failedFuture(
          new IllegalStateException("resume needs a run store: set AgentOptions.setRunStore"));
    }
    Context context = vertx.getOrCreateContext();
    return store
        .load(runId)
        .compose(
            records -> {
              Replay replay = Replay.of(runId, records);
              List<JournalRecord> decided = replay.decide(given);
              JournalRecord.RunStarted s = replay.started;
              Message user = s.transcript().get(s.transcript().size() - 1);
              // Built before any decision is written: a run that cannot resume here records none.
              RunRequest request =
                  ResumedOutput.restore(
                          RunRequest.builder(user)
                              .sessionId(s.sessionId())
                              .parameters(s.parameters()),
                          s)
                      .build();
              Future<Void> written = Future.succeededFuture();
              for (int i = 0; i < decided.size(); i++) {
                int at = replay.size() + i;
                JournalRecord r = decided.get(i);
                written = written.compose(v -> store.append(runId, at, r));
              }
              return written.map(
                  v -> {
                    RunLoop run =
                        new RunLoop(
                            this,
                            context,
                            request,
                            bufferEvents,
                            runId,
                            replay.size() + decided.size());
                    context.runOnContext(x -> run.resume(replay));
                    return run;
                  });
            });
  }

  @Override
  public Future<List<String>> recover(int limit) {
    RunStore store = options.getRunStore();
    if (store == null) {
      return Future.failedFuture(
          new IllegalStateException("recover needs a run store: set AgentOptions.setRunStore"));
    }
    String name = options.getName();
    return store
        .list(RunStatus.RUNNING, limit)
        .compose(
            runs -> {
              List<Future<String>> mine = new ArrayList<>();
              for (RunInfo info : runs) {
                mine.add(
                    store
                        .load(info.runId())
                        .map(
                            records ->
                                !records.isEmpty()
                                        && records.get(0) instanceof JournalRecord.RunStarted s
                                        && (name == null || name.equals(s.agent()))
                                    ? info.runId()
                                    : null));
              }
              return Future.all(mine)
                  .map(
                      all -> {
                        List<String> ids = new ArrayList<>();
                        for (Future<String> f : mine) {
                          if (f.result() != null) {
                            ids.add(f.result());
                            resume(f.result(), List.of())
                                .onFailure(
                                    e -> LOG.warn("run {} could not be recovered", f.result(), e));
                          }
                        }
                        return ids;
                      });
            });
  }

  Vertx vertx() {
    return vertx;
  }

  OpenRouterClient client() {
    return client;
  }

  AgentOptions config() {
    return options;
  }

  Telemetry telemetry() {
    return telemetry;
  }

  Set<String> toolNames() {
    return toolNames;
  }

  /**
   * Returns whether the model supports {@code json_schema} response formats, looked up once per
   * model and agent; unknown models and lookup failures count as supported.
   */
  Future<Boolean> supportsJsonSchema(String model) {
    return switch (options.getOutputMode()) {
      case JSON_SCHEMA -> Future.succeededFuture(true);
      case JSON_OBJECT -> Future.succeededFuture(false);
      case AUTO -> {
        yield capabilities.supportsJsonSchema(model);
      }
    };
  }
}
