package dev.agentloop.examples;

import dev.agentloop.agent.Agent;
import dev.agentloop.vertx.AgentRoutes;
import dev.agentloop.vertx.AgentRoutesOptions;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A small web chat with one agent: a static page (HTML, CSS and JavaScript from the classpath
 * folder {@code webchat/}, no build step) on top of {@link AgentRoutes}' streaming endpoint.
 * Answers stream in as they are generated, each tool call shows as a collapsible line with its
 * arguments, result and duration, and each run ends with its tokens and cost. The page keeps one
 * conversation per browser session.
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
    return start(vertx, name, agent, port, null);
  }

  /**
   * Starts the server like {@link #start(Vertx, String, Agent, int)}, also serving the registry's
   * metrics as Prometheus text on {@code GET /metrics} when one is given.
   */
  public static Future<ChatServer> start(
      Vertx vertx, String name, Agent agent, int port, @Nullable PrometheusMeterRegistry metrics) {
    Objects.requireNonNull(vertx, "vertx == null");
    Router router = Router.router(vertx);
    AgentRoutes.create(vertx, new AgentRoutesOptions().setAuthRequired(false))
        .add(name, agent)
        .mount(router);
    if (metrics != null) {
      router
          .get("/metrics")
          .handler(
              ctx ->
                  ctx.response()
                      .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                      .end(metrics.scrape()));
    }
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
