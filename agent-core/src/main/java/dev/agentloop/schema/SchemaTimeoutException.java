package dev.agentloop.schema;

import dev.agentloop.AgentException;
import java.time.Duration;

/**
 * Thrown by {@link SchemaValidator#validate(com.fasterxml.jackson.databind.JsonNode, Duration)}
 * when checking a value took longer than its time budget, typically because a {@code pattern} of
 * the schema backtracks catastrophically on the value. The value is neither valid nor invalid; the
 * schema is too costly to check.
 */
public class SchemaTimeoutException extends AgentException {

  private static final long serialVersionUID = 1L;

  private final Duration budget;

  /** Creates the exception for the exceeded budget. */
  public SchemaTimeoutException(Duration budget) {
    super(
        "schema validation exceeded its time budget of "
            + budget.toMillis()
            + " ms — the schema is too costly to check (a backtracking pattern?)");
    this.budget = budget;
  }

  /** The exceeded budget. */
  public Duration budget() {
    return budget;
  }
}
