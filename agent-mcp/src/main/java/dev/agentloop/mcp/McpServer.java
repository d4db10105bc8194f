package dev.agentloop.mcp;

import dev.agentloop.mcp.impl.McpServerImpl;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Serves a toolbox's tools, and agents as tools, to MCP clients: over Streamable HTTP (a route of
 * your router, or a server of its own) and over stdio. {@code tools/list} gives each tool's input
 * schema (JSON Schema 2020-12) and output schema when known; {@code tools/call} runs the tool
 * through the toolbox (blocking tools on workers, timeouts, argument validation), answers tool
 * failures with {@code isError}, sends progress notifications while a tool runs when the client
 * asked for them, and cancels the tool on {@code notifications/cancelled}. Sessions carry {@code
 * Mcp-Session-Id}; an unknown session gets 404, so clients start a new one.
 *
 * <pre>{@code
 * McpServer mcp = McpServer.create(vertx, Toolbox.builder().add(new WeatherTools()).build(),
 *     new McpServerOptions().addOutputSchemasOf(WeatherTools.class));
 * Router router = Router.router(vertx);
 * mcp.mount(router, "/mcp");
 * vertx.createHttpServer().requestHandler(router).listen(8080, "localhost");
 * }</pre>
 */
public interface McpServer {

  /** Creates a server of {@code toolbox}'s tools and the options' agents. */
  static McpServer create(Vertx vertx, Toolbox toolbox, McpServerOptions options) {
    return new McpServerImpl(vertx, toolbox, new McpServerOptions(options));
  }

  /** The toolbox served. */
  Toolbox toolbox();

  /**
   * Replaces the toolbox and sends {@code notifications/tools/list_changed} to every session that
   * listens (an HTTP GET stream, or stdio).
   */
  void setToolbox(Toolbox toolbox);

  /**
   * Mounts the endpoint at {@code path} of {@code router}: POST, GET and DELETE, with the body
   * limit of the options.
   */
  void mount(Router router, String path);

  /**
   * The endpoint as a route handler, for routes that already read the body (a {@code BodyHandler}
   * must run before it).
   */
  Handler<RoutingContext> handler();

  /** Starts an HTTP server of its own that serves the endpoint at {@code /mcp}. */
  Future<HttpServer> listen(int port, String host);

  /**
   * Serves one session over stdio: one JSON-RPC message per line on {@code in}, answers and
   * notifications on {@code out} (and nothing else). Both streams are used by threads of their own,
   * never an event loop.
   *
   * @return completed when {@code in} ends
   */
  Future<Void> serveStdio(InputStream in, OutputStream out);

  /** Ends every session and closes the HTTP server started by {@link #listen}, if any. */
  Future<Void> close();
}
