package dev.agentloop;

/**
 * The root of every exception AgentLoop throws or fails a {@code Future} with. All are unchecked.
 */
public class AgentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what happened and what to do. */
  public AgentException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the cause it wraps. */
  public AgentException(String message, Throwable cause) {
    super(message, cause);
  }
}
