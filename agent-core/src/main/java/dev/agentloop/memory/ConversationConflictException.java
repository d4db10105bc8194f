package dev.agentloop.memory;

import dev.agentloop.AgentException;

/**
 * A conversation changed between a run's read and its write: another run (on this server or another
 * one sharing the store) appended its turn first. The refused turn was not stored; send it again to
 * continue from the conversation as it now is.
 */
public final class ConversationConflictException extends AgentException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message. */
  public ConversationConflictException(String message) {
    super(message);
  }
}
