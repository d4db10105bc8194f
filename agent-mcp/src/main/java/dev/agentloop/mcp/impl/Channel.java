package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Handler;

/**
 * One connection to an MCP server that carries JSON-RPC messages both ways. Every handler is called
 * on the client's context.
 */
interface Channel {

  /** Starts the channel (spawns the process); called once, before anything is sent. */
  Future<Void> start(Handler<JsonNode> messages, Handler<Throwable> closed);

  /**
   * Sends one message. Over HTTP the future completes once the response has been read and its
   * messages delivered, and fails with {@link SessionExpiredException} on a 404 for a session.
   */
  Future<Void> send(JsonNode message);

  /** Called after a successful initialization: the negotiated version; HTTP opens its stream. */
  void initialized(String protocolVersion);

  /** Forgets the session so the next message starts a new one. */
  void resetSession();

  /** Closes the channel: ends the session, or stops the process. */
  Future<Void> close();

  /** Thrown when an HTTP server no longer knows the session (404): initialise again. */
  final class SessionExpiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SessionExpiredException(String message) {
      super(message, null, false, false);
    }
  }
}
