package dev.agentloop.examples;

import dev.agentloop.agent.Agent;
import dev.agentloop.mcp.McpServer;
import dev.agentloop.mcp.McpServerOptions;
import dev.agentloop.tool.Toolbox;
import dev.agentloop.vertx.AgentRoutes;
import dev.agentloop.vertx.AgentRoutesOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Objects;

/**
 * A small web chat with one agent: a static page (HTML, CSS and JavaScript from the classpath
 * folder {@code webchat/}, no build step) on top of {@link AgentRoutes}' streaming endpoint.
 * Answers stream in as they are generated, each tool call shows as a collapsible line with its
 * arguments, result and duration, and each run ends with its tokens and cost. The page keeps one
 * conversation per browser session. MCP clients reach the agent's tools, and the agent itself as
 * {@code ask_<name>}, at {@code /mcp} (Streamable HTTP).
 *
 * <p>The server listens on {@code 127.0.0.1} only and serves callers without a token: it is a local
 * demo, not a deployment. Put {@link AgentRoutes} with bearer tokens behind your own server to
 * expose an agent.
 *
 * <pre>{@code
 * ChatServer server = ChatServer.start(vertx, "assistant", agent, 8080).await();
 * System.out.println("Open http://127.0.0.1:" + server.port() + "/");
 * }</pre>
 */
public final class ChatServer {

  private final HttpServer server;

  private ChatServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts a chat server for the agent.
   *
   * @param vertx the Vert.x instance to serve on
   * @param name the agent's name, shown on the page and used in its URLs
   * @param agent the agent
   * @param port the port on 127.0.0.1, or 0 for any free port
   * @return the running server; fails when the port cannot be bound
   * @throws IllegalArgumentException when the name is not a valid agent name
   */
  public static Future<ChatServer> start(Vertx vertx, String name, Agent agent, int port) {
    Objects.requireNonNull(vertx, "vertx == null");
    Router router = Router.router(vertx);
    AgentRoutes.create(vertx, new AgentRoutesOptions().setAuthRequired(false))
        .add(name, agent)
        .mount(router);
    // The agent's tools, and the agent itself as ask_<name>, for MCP clients (loopback only).
    Toolbox tools = agent.options().getToolbox();
    McpServer.create(
            vertx,
            tools == null ? Toolbox.builder().build() : tools,
            new McpServerOptions()
                .setName("agentloop-" + name)
                .addAllowedHost("127.0.0.1")
                .addAllowedHost("localhost")
                .addAgent(
                    "ask_" + name,
                    "Asks the " + name + " agent; give it a task in plain words",
                    agent))
        .mount(router, "/mcp");
    router.get("/info").handler(ctx -> ctx.json(new JsonObject().put("name", name)));
    router.route("/*").handler(StaticHandler.create("webchat").setCachingEnabled(false));
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(port, "127.0.0.1")
        .map(ChatServer::new);
  }

  /** The port the server listens on. */
  public int port() {
    return server.actualPort();
  }

  /** Stops the server; runs in progress are cancelled as their connections close. */
  public Future<Void> close() {
    return server.close();
  }
}
