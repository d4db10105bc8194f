package dev.agentloop.examples;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.mcp.McpClient;
import dev.agentloop.mcp.McpClientOptions;
import dev.agentloop.mcp.McpToolbox;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/** The MCP servers of {@code --mcp} options: connected at start, closed at the end. */
final class McpServers implements AutoCloseable {

  private final List<McpClient> clients;

  private McpServers(List<McpClient> clients) {
    this.clients = clients;
  }

  /**
   * Connects to each server (a command line or an http(s) URL), waiting on the calling thread.
   *
   * @throws dev.agentloop.mcp.McpException when one cannot be reached; those already connected are
   *     closed
   */
  static McpServers connect(Vertx vertx, List<String> specs) {
    List<McpClient> clients = new ArrayList<>();
    McpServers servers = new McpServers(clients);
    try {
      for (String spec : specs) {
        clients.add(McpClient.connect(vertx, McpClientOptions.parse(spec)).await());
      }
    } catch (RuntimeException e) {
      servers.close();
      throw e;
    }
    return servers;
  }

  /** Adds the servers' tools to the options' toolbox (when there are servers). */
  AgentOptions addTo(AgentOptions options) {
    return clients.isEmpty()
        ? options
        : options.setToolbox(McpToolbox.of(options.getToolbox(), clients));
  }

  @Override
  public void close() {
    for (McpClient c : clients) {
      c.close().otherwiseEmpty().await();
    }
  }
}
