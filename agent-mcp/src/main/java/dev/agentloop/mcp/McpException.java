package dev.agentloop.mcp;

import dev.agentloop.AgentException;
import org.jspecify.annotations.Nullable;

/**
 * An MCP failure: the server could not be started or reached, it exited, it answered a request with
 * a JSON-RPC error, or it broke the protocol. Tool failures the server reports with {@code isError}
 * are not exceptions; they are {@link McpCallResult}s.
 */
public class McpException extends AgentException {

  private static final long serialVersionUID = 1L;

  private final @Nullable Integer code;

  /** Creates an exception with a message that says what happened and what to do. */
  public McpException(String message) {
    this(message, null, null);
  }

  /** Creates an exception with a message, the JSON-RPC error code (or null) and a cause. */
  public McpException(String message, @Nullable Integer code, @Nullable Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The JSON-RPC error code when the server answered with an error, else null. */
  public @Nullable Integer code() {
    return code;
  }
}
