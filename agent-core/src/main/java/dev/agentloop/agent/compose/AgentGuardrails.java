package dev.agentloop.agent.compose;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.impl.AgentImpl;
import dev.agentloop.agent.impl.RunScope;
import io.vertx.core.Future;
import java.util.Objects;

/**
 * Guardrails whose judge is an agent, typically a cheap model that classifies. The judge runs as a
 * sub-run of the checked run: its usage is booked into the run's totals (under the judge's name)
 * and the run's remaining budget and deadline cap it. It is asked for a {@link Judgement}; a judge
 * that fails or gives no valid judgement trips the guardrail.
 *
 * <pre>{@code
 * Agent judge = Agent.create(vertx, client, new AgentOptions().setName("judge")
 *     .setModel("openai/gpt-4o-mini")
 *     .setInstructions("Is the request about weather, maths or research? allowed=false if not."));
 * new GuardrailOptions().addInput("on-topic", AgentGuardrails.input(judge));
 * }</pre>
 */
public final class AgentGuardrails {

  private AgentGuardrails() {}

  /**
   * What a judge agent answers.
   *
   * @param allowed whether the text may pass
   * @param reason why not (shown in the trip message), or a short note
   */
  public record Judgement(boolean allowed, String reason) {}

  /** Returns an input guardrail judged by {@code judge} from the user's text. */
  public static InputGuardrail input(Agent judge) {
    Objects.requireNonNull(judge, "judge == null");
    return (context, input) -> judge(judge, context, input.text() == null ? "" : input.text());
  }

  /** Returns an output guardrail judged by {@code judge} from the final answer. */
  public static OutputGuardrail output(Agent judge) {
    Objects.requireNonNull(judge, "judge == null");
    return (context, answer) -> judge(judge, context, answer);
  }

  private static Future<Verdict> judge(Agent judge, GuardrailContext context, String text) {
    RunScope parent = RunScope.of(context.runId());
    RunRequest request =
        RunRequest.builder(text)
            .output(Judgement.class)
            .traceParent(parent == null ? null : parent.traceParent())
            .build();
    String name = judge.options().getName() != null ? judge.options().getName() : "guardrail";
    AgentRun run =
        parent != null && judge instanceof AgentImpl impl
            ? impl.startChild(request, parent, name)
            : judge.start(request);
    return run.result()
        .transform(
            ar -> {
              AgentResult r =
                  ar.succeeded()
                      ? ar.result()
                      : ar.cause() instanceof dev.agentloop.agent.AgentRunException e
                          ? e.result()
                          : null;
              Future<Void> booked =
                  parent != null && r != null ? parent.absorb(r) : Future.succeededFuture();
              return booked.map(
                  v -> {
                    if (r == null || !r.isCompleted()) {
                      return Verdict.trip(
                          "the judge `"
                              + name
                              + "` gave no judgement"
                              + (r == null ? "" : ": " + r.stopReason()));
                    }
                    Judgement j = r.output(Judgement.class);
                    return j.allowed() ? Verdict.pass() : Verdict.trip(j.reason());
                  });
            });
  }
}
