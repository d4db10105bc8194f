package dev.agentloop.run;

import dev.agentloop.AgentException;

/** A journal record cannot be read: malformed, too long, or written by a newer version. */
public final class JournalFormatException extends AgentException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message. */
  public JournalFormatException(String message) {
    super(message);
  }
}
