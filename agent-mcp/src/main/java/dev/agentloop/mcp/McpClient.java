package dev.agentloop.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.mcp.impl.McpClientImpl;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A connection to one MCP server, over stdio (a child process) or Streamable HTTP. It initialises
 * the session, keeps the server's tool list (following {@code notifications/tools/list_changed}),
 * calls tools with progress and cancellation, and initialises a new session by itself when an HTTP
 * server answers 404 for the old one (it restarted). Thread-safe; callbacks run on the Vert.x
 * context the client was connected from (or an event loop of its own); nothing blocks it.
 *
 * <pre>{@code
 * McpClient everything = McpClient.connect(vertx,
 *     McpClientOptions.stdio("everything", "npx", "-y", "@modelcontextprotocol/server-everything"))
 *   .await();
 * Toolbox local = Toolbox.builder().add(new WeatherTools()).build();
 * Toolbox tools = McpToolbox.of(local, List.of(everything));
 * }</pre>
 */
public interface McpClient {

  /**
   * Starts the server (stdio) or reaches it (HTTP), initialises the session and lists the tools.
   *
   * @return the connected client; fails with {@link McpException} when the server cannot be
   *     started, exits (the message carries its exit code and stderr), or refuses the session
   */
  static Future<McpClient> connect(Vertx vertx, McpClientOptions options) {
    return McpClientImpl.connect(vertx, new McpClientOptions(options));
  }

  /** The server's name, as configured. */
  String name();

  /** The server's {@code serverInfo} from initialisation. */
  JsonNode serverInfo();

  /** The protocol version agreed with the server. */
  String protocolVersion();

  /** The server's tools, as last listed. */
  List<McpTool> tools();

  /** Lists the server's tools again; also done on {@code notifications/tools/list_changed}. */
  Future<List<McpTool>> refreshTools();

  /**
   * Registers a handler called (on the client's context) after the tool list changed.
   *
   * @return this client
   */
  McpClient toolsChangedHandler(Handler<List<McpTool>> handler);

  /**
   * Calls a tool.
   *
   * @param name the tool's name on the server
   * @param arguments the arguments object
   * @param progress called for each progress notification, or null to ask for none
   * @param cancelled when it completes, the call is abandoned and the server is sent {@code
   *     notifications/cancelled}; may be null
   * @return the result (a tool failure is a result with {@code isError}); fails with {@link
   *     McpException} on a JSON-RPC error (e.g. an unknown tool), a transport failure, or when
   *     cancelled
   */
  Future<McpCallResult> callTool(
      String name,
      JsonNode arguments,
      @Nullable Handler<McpProgress> progress,
      @Nullable Future<?> cancelled);

  /** Closes the session (HTTP {@code DELETE}) or stops the process. Pending calls fail. */
  Future<Void> close();
}
