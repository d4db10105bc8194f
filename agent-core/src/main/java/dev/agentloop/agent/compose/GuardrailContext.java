package dev.agentloop.agent.compose;

import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * What a guardrail knows about the run it checks.
 *
 * @param vertx the Vert.x instance of the run
 * @param runId the run id (an agent guardrail runs as a sub-run of it, see {@link AgentGuardrails})
 * @param agentName the agent answering
 */
public record GuardrailContext(Vertx vertx, String runId, String agentName) {

  /** Validates the components. */
  public GuardrailContext {
    Objects.requireNonNull(vertx, "vertx == null");
    Objects.requireNonNull(runId, "runId == null");
    Objects.requireNonNull(agentName, "agentName == null");
  }
}
