package dev.agentloop.run;

import dev.agentloop.AgentException;

/**
 * A journal write lost a race: another writer (another node, a second decision on the same call, a
 * stale owner) appended first. The run's journal is unchanged by the refused write.
 */
public final class RunConflictException extends AgentException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message. */
  public RunConflictException(String message) {
    super(message);
  }
}
