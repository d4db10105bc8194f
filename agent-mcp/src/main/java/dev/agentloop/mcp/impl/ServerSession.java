package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.tool.CancellableToolContext;
import io.vertx.core.Handler;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One MCP session on the server; confined to the server's context. */
final class ServerSession {

  final String id;
  @Nullable String protocolVersion;
  final Map<String, CancellableToolContext> running = new HashMap<>();

  /** Where server-initiated messages go (an HTTP GET stream, stdout), or null. */
  @Nullable Handler<JsonNode> notifier;

  long lastUsed = System.nanoTime();

  ServerSession(String id) {
    this.id = id;
  }

  void close() {
    running.values().forEach(CancellableToolContext::cancel);
    running.clear();
    notifier = null;
  }
}
