package dev.agentloop.examples;

import dev.agentloop.agent.Agent;
import dev.agentloop.mcp.McpServer;
import dev.agentloop.mcp.McpServerOptions;
import dev.agentloop.tool.Toolbox;
import dev.agentloop.vertx.AgentRoutes;
import dev.agentloop.vertx.AgentRoutesOptions;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A small web chat with one agent: a static page (HTML, CSS and JavaScript from the classpath
 * folder {@code webchat/}, no build step) on top of {@link AgentRoutes}' streaming endpoint.
 * Answers stream in as they are generated and render as sanitised Markdown, each tool call shows as
 * a collapsible line with its arguments, result and duration, and each run ends with its tokens and
 * cost. The page keeps its conversation across reloads until "New chat". MCP clients reach the
 * agent's tools, and the agent itself as {@code ask_<name>}, at {@code /mcp} (Streamable HTTP),
 * with the same host and token checks.
 *
 * <p>By default the server listens on {@code 127.0.0.1} only and serves callers without a token
 * (each browser and each SDK key is its own caller for rate limits and conversations); {@link
 * ChatServerOptions} adds a host, a bearer token (required off loopback), the rate limit and the
 * idle timeout. Requests must name this server in their {@code Host} header (DNS rebinding cannot
 * reach it from another site) and post JSON. The same server answers OpenAI SDKs on {@code /v1}.
 *
 * <pre>{@code
 * ChatServer server = ChatServer.start(vertx, "assistant", agent, 8080).await();
 * System.out.println("Open http://127.0.0.1:" + server.port() + "/");
 * }</pre>
 */
public final class ChatServer {

  private static final List<String> LOOPBACK_NAMES = List.of("127.0.0.1", "localhost", "[::1]");

  private final HttpServer server;
  private final IdleConnections idle;

  private ChatServer(HttpServer server, IdleConnections idle) {
    this.server = server;
    this.idle = idle;
  }

  /**
   * Starts a chat server for the agent on 127.0.0.1 without a token.
   *
   * @param vertx the Vert.x instance to serve on
   * @param name the agent's name, shown on the page and used in its URLs
   * @param agent the agent
   * @param port the port on 127.0.0.1, or 0 for any free port
   * @return the running server; fails when the port cannot be bound
   * @throws IllegalArgumentException when the name is not a valid agent name
   */
  public static Future<ChatServer> start(Vertx vertx, String name, Agent agent, int port) {
    return start(vertx, name, agent, new ChatServerOptions().setPort(port), null);
  }

  /**
   * Starts the server like {@link #start(Vertx, String, Agent, int)}, also serving the registry's
   * metrics as Prometheus text on {@code GET /metrics} when one is given.
   *
   * @param vertx the Vert.x instance to serve on
   * @param name the agent's name, shown on the page and used in its URLs
   * @param agent the agent
   * @param port the port to listen on, 0 for any free port
   * @param metrics the registry to scrape on {@code /metrics}, or null for no such route
   * @return the running server; fails when the port cannot be bound
   * @throws IllegalArgumentException when the name is not a valid agent name
   */
  public static Future<ChatServer> start(
      Vertx vertx, String name, Agent agent, int port, @Nullable PrometheusMeterRegistry metrics) {
    return start(vertx, name, agent, new ChatServerOptions().setPort(port), metrics);
  }

  /**
   * Starts a chat server for the agent.
   *
   * @param vertx the Vert.x instance to serve on
   * @param name the agent's name, shown on the page and used in its URLs
   * @param agent the agent
   * @param options where to listen and who may call (copied)
   * @return the running server; fails when the port cannot be bound
   * @throws IllegalArgumentException when the name is invalid, or the host is not a loopback
   *     address and no token is set
   */
  public static Future<ChatServer> start(
      Vertx vertx, String name, Agent agent, ChatServerOptions options) {
    return start(vertx, name, agent, options, null);
  }

  /**
   * Starts a chat server for the agent, also serving the registry's metrics as Prometheus text on
   * {@code GET /metrics} when one is given (behind the same bearer token as the agent routes).
   *
   * @param vertx the Vert.x instance to serve on
   * @param name the agent's name, shown on the page and used in its URLs
   * @param agent the agent
   * @param options where to listen and who may call (copied)
   * @param metrics the registry to scrape on {@code /metrics}, or null for no such route
   * @return the running server; fails when the port cannot be bound
   * @throws IllegalArgumentException when the name is invalid, or the host is not a loopback
   *     address and no token is set
   */
  public static Future<ChatServer> start(
      Vertx vertx,
      String name,
      Agent agent,
      ChatServerOptions options,
      @Nullable PrometheusMeterRegistry metrics) {
    Objects.requireNonNull(vertx, "vertx == null");
    ChatServerOptions o = new ChatServerOptions(options);
    String token = o.getToken();
    if (token == null && !o.isLoopback()) {
      throw new IllegalArgumentException(
          "a token is required when the host is not a loopback address: " + o.getHost());
    }
    Router router = Router.router(vertx);
    AgentRoutes.create(vertx, routes(o)).add(name, agent).mount(router);
    // The agent's tools, and the agent itself as ask_<name>, for MCP clients.
    Toolbox tools = agent.options().getToolbox();
    McpServer.create(
            vertx,
            tools == null ? Toolbox.builder().build() : tools,
            mcp(o)
                .setName("agentloop-" + name)
                .addAgent(
                    "ask_" + name,
                    "Asks the " + name + " agent; give it a task in plain words",
                    agent))
        .mount(router, "/mcp");
    if (metrics != null) {
      router
          .get("/metrics")
          .handler(
              ctx -> {
                if (token != null && !bearer(ctx.request().getHeader("Authorization"), token)) {
                  ctx.response()
                      .setStatusCode(401)
                      .putHeader("WWW-Authenticate", "Bearer")
                      .end("a bearer token is required");
                  return;
                }
                ctx.response()
                    .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(metrics.scrape());
              });
    }
    router.get("/info").handler(ctx -> ctx.json(new JsonObject().put("name", name)));
    router.route("/*").handler(StaticHandler.create("webchat").setCachingEnabled(false));
    IdleConnections idle = new IdleConnections(vertx, o.getIdleTimeout());
    HttpServer server =
        vertx
            // Without h2c sniffing, a connection is known (and watched) before its first byte.
            .createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
            .connectionHandler(idle::opened)
            .requestHandler(
                request -> {
                  idle.request(request);
                  router.handle(request);
                });
    return server
        .listen(o.getPort(), o.getHost())
        .map(s -> new ChatServer(s, idle))
        .onFailure(e -> idle.close());
  }

  private static boolean bearer(@Nullable String header, String token) {
    return header != null
        && header.startsWith("Bearer ")
        && MessageDigest.isEqual(
            header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8),
            token.getBytes(StandardCharsets.UTF_8));
  }

  private static McpServerOptions mcp(ChatServerOptions o) {
    McpServerOptions mcp = new McpServerOptions();
    String token = o.getToken();
    if (token != null) {
      mcp.addToken(token);
    }
    String host = o.getHost();
    if (!isWildcard(host)) {
      List.of("127.0.0.1", "localhost", "::1", "[::1]").forEach(mcp::addAllowedHost);
      mcp.addAllowedHost(host);
    }
    return mcp;
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  private static AgentRoutesOptions routes(ChatServerOptions o) {
    AgentRoutesOptions routes =
        new AgentRoutesOptions().setRateLimit(o.getRateLimit(), Duration.ofMinutes(1));
    String token = o.getToken();
    if (token == null) {
      routes.setAuthRequired(false);
    } else {
      routes.addToken(token, "web");
    }
    String host = o.getHost();
    if (!isWildcard(host)) {
      // A page on another site whose name was re-bound to this address names its own host.
      LOOPBACK_NAMES.forEach(routes::addAllowedHost);
      routes.addAllowedHost(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
    }
    return routes;
  }

  /** The port the server listens on. */
  public int port() {
    return server.actualPort();
  }

  /** Stops the server; runs in progress are cancelled as their connections close. */
  public Future<Void> close() {
    idle.close();
    return server.close();
  }
}
