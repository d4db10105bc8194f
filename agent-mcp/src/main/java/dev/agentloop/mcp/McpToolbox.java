package dev.agentloop.mcp;

import dev.agentloop.mcp.impl.McpToolboxImpl;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A toolbox of local tools plus the tools of MCP servers, for an agent's {@code setToolbox}. The
 * servers' input schemas are sent to the model exactly as the servers wrote them; calls are
 * validated against them, run through the agent's loop (timeouts, approvals, parallel calls) and
 * cancelled on the server ({@code notifications/cancelled}) when the run is cancelled or the call
 * times out.
 *
 * <p>Names: a tool keeps its server's name unless another server or a local tool has the same name
 * (or the name is not valid for the model); then it is {@code server_name}. Local tools always keep
 * their names. The list follows each server's {@code list_changed} notifications.
 *
 * <p>Each call listens to its {@link dev.agentloop.tool.ToolContext#cancelled()}; an agent gives
 * every call a context of its own. Outside an agent, do the same: a context shared by many calls
 * would collect one listener per call (a Vert.x future cannot drop a listener).
 *
 * <pre>{@code
 * McpClient everything = McpClient.connect(vertx, McpClientOptions.parse(
 *     "npx -y @modelcontextprotocol/server-everything")).await();
 * Toolbox local = Toolbox.builder().add(new WeatherTools()).build();
 * Agent agent = Agent.create(vertx, client, new AgentOptions()
 *     .setToolbox(McpToolbox.of(local, List.of(everything))));
 * }</pre>
 */
public interface McpToolbox extends Toolbox {

  /** The default result size limit: 20,000 characters, as for local tools. */
  int DEFAULT_MAX_RESULT_CHARS = Toolbox.Builder.DEFAULT_MAX_RESULT_CHARS;

  /** Creates a toolbox of {@code local}'s tools (may be null) and the tools of {@code clients}. */
  static McpToolbox of(@Nullable Toolbox local, List<McpClient> clients) {
    return new McpToolboxImpl(local, clients, DEFAULT_MAX_RESULT_CHARS);
  }

  /** Creates a toolbox of the tools of {@code clients}. */
  static McpToolbox of(McpClient... clients) {
    return of(null, List.of(clients));
  }

  /** The MCP clients whose tools are included. */
  List<McpClient> clients();

  /** Lists every server's tools again. */
  Future<Void> refresh();

  /**
   * Registers a handler of progress notifications of running calls (on the client's context).
   *
   * @return this toolbox
   */
  McpToolbox progressHandler(Handler<McpProgress> handler);
}
