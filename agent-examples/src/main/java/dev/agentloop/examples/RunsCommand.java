package dev.agentloop.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.run.ApprovalDecision;
import dev.agentloop.run.PendingApproval;
import dev.agentloop.run.RunInfo;
import dev.agentloop.run.RunStatus;
import dev.agentloop.run.RunView;
import dev.agentloop.store.JdbcRunStore;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code agentloop runs list|show|approve|reject --store sqlite:PATH}: the journaled runs of a
 * store. {@code approve} and {@code reject} resume the run with its example agent (offline on the
 * simulator without a key) and print how it ended.
 */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "Lists, shows, approves or rejects journaled runs in a store.")
final class RunsCommand implements Callable<Integer> {

  private final Cli cli;

  @Spec @Nullable CommandSpec spec;
  @Mixin CommonOptions common = new CommonOptions();
  @Mixin AgentSelection selection = new AgentSelection();

  @Parameters(index = "0", paramLabel = "ACTION", description = "list, show, approve or reject")
  String action = "list";

  @Parameters(index = "1", arity = "0..1", paramLabel = "RUN", description = "The run id.")
  @Nullable String runId;

  @Parameters(index = "2", arity = "0..1", paramLabel = "CALL", description = "The call id.")
  @Nullable String callId;

  @Option(
      names = "--store",
      required = true,
      paramLabel = "STORE",
      description = "sqlite:PATH or postgresql://HOST/DB")
  String store = "";

  @Option(names = "--status", paramLabel = "STATUS", description = "list only runs with it")
  @Nullable String status;

  @Option(names = "--message", paramLabel = "TEXT", description = "why a call is rejected")
  @Nullable String message;

  @Option(names = "--arguments", paramLabel = "JSON", description = "edited arguments to run with")
  @Nullable String arguments;

  RunsCommand(Cli cli) {
    this.cli = cli;
  }

  /** Opens a store for the CLI, turning a bad spec into a usage error. */
  static JdbcRunStore openStore(CommandSpec spec, Vertx vertx, String store) {
    try {
      return JdbcRunStore.open(vertx, store).await();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws Exception {
    CommandSpec spec = Objects.requireNonNull(this.spec, "spec");
    common.validate(spec);
    boolean decide = action.equals("approve") || action.equals("reject");
    if (!List.of("list", "show", "approve", "reject").contains(action)) {
      throw new ParameterException(spec.commandLine(), "unknown action: " + action);
    }
    if ((!action.equals("list") && runId == null) || (decide && callId == null)) {
      throw new ParameterException(
          spec.commandLine(), action + " needs a run id" + (decide ? " and a call id" : ""));
    }
    Example example = null;
    try (Connection c = Connection.open(cli, common, null);
        JdbcRunStore runs = openStore(spec, c.vertx, store)) {
      if (action.equals("list")) {
        RunStatus s = status == null ? null : RunStatus.valueOf(status.toUpperCase(Locale.ROOT));
        for (RunInfo r : runs.list(s, 1000).await()) {
          cli.out.println(
              r.runId() + "  " + r.status().name().toLowerCase(Locale.ROOT) + "  " + r.updatedAt());
        }
        return ExitCodes.OK;
      }
      RunView view = RunView.of(runId, runs.load(runId).await());
      if (action.equals("show")) {
        print(view);
        return ExitCodes.OK;
      }
      PendingApproval p =
          view.pendingApprovals().stream()
              .filter(a -> a.callId().equals(callId))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(), "no pending approval for call: " + callId));
      example =
          Examples.find(Objects.requireNonNullElse(view.agent(), ""))
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "the run's agent is not an example: " + view.agent()));
      Example ex = example;
      ApprovalDecision d =
          action.equals("reject")
              ? ApprovalDecision.reject(p, message == null ? "rejected by a person" : message)
              : arguments == null
                  ? ApprovalDecision.approve(p)
                  : ApprovalDecision.approve(
                      p, new ObjectMapper().readValue(arguments, JsonNode.class));
      try (Connection model = Connection.open(cli, common, ex::simulate);
          ExampleContext context = selection.context(model.vertx, model.client)) {
        AgentOptions options =
            AgentSelection.configure(spec, ex.agent(context), common).setRunStore(runs);
        AgentResult r =
            Agent.create(model.vertx, model.client, options).resume(runId, List.of(d)).await();
        cli.out.println(r.stopReason() + (r.text() == null ? "" : ": " + r.text()));
      }
      return ExitCodes.OK;
    }
  }

  private void print(RunView v) {
    cli.out.println(
        "run "
            + v.runId()
            + " ("
            + v.agent()
            + "): "
            + v.status().name().toLowerCase(Locale.ROOT)
            + (v.stopReason() == null ? "" : " " + v.stopReason()));
    for (PendingApproval p : v.pendingApprovals()) {
      cli.out.println("  awaiting approval: " + p.callId() + " " + p.tool() + " " + p.arguments());
    }
    for (var m : v.transcript()) {
      cli.out.println("  " + m.role() + ": " + (m.text() == null ? m.toolCalls() : m.text()));
    }
  }
}
