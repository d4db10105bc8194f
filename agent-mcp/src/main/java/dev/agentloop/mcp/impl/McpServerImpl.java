package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.mcp.McpServer;
import dev.agentloop.mcp.McpServerOptions;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The MCP server: the tool snapshot, the protocol, and its two transports. */
public final class McpServerImpl implements McpServer {

  private final Vertx vertx;
  private final McpServerOptions options;
  private final ServerProtocol protocol;
  private final HttpTransport http;
  private final List<ServerSession> stdioSessions = new ArrayList<>();
  private volatile Toolbox toolbox;
  private volatile List<ServedTool> tools;
  private @Nullable HttpServer server;

  /** Creates the server; see {@link McpServer#create}. */
  public McpServerImpl(Vertx vertx, Toolbox toolbox, McpServerOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.toolbox = Objects.requireNonNull(toolbox, "toolbox == null");
    this.tools = ServedTool.of(toolbox, options);
    this.protocol = new ServerProtocol(vertx, options, () -> tools);
    this.http = new HttpTransport(vertx, options, protocol);
  }

  @Override
  public Toolbox toolbox() {
    return toolbox;
  }

  @Override
  public void setToolbox(Toolbox toolbox) {
    this.toolbox = Objects.requireNonNull(toolbox, "toolbox == null");
    this.tools = ServedTool.of(toolbox, options);
    JsonNode changed = JsonRpc.notification("notifications/tools/list_changed", null);
    http.broadcast(changed);
    synchronized (stdioSessions) {
      for (ServerSession s : stdioSessions) {
        Handler<JsonNode> n = s.notifier;
        if (n != null) {
          n.handle(changed);
        }
      }
    }
  }

  @Override
  public void mount(Router router, String path) {
    http.mount(router, path);
  }

  @Override
  public Handler<RoutingContext> handler() {
    return http;
  }

  @Override
  public Future<HttpServer> listen(int port, String host) {
    Router router = Router.router(vertx);
    mount(router, "/mcp");
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(port, host)
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<Void> serveStdio(InputStream in, OutputStream out) {
    Context context = vertx.getOrCreateContext();
    ServerSession session = new ServerSession("stdio");
    StdioServerTransport transport = new StdioServerTransport(context, protocol, session, in, out);
    synchronized (stdioSessions) {
      stdioSessions.add(session);
    }
    Promise<Void> done = Promise.promise();
    transport.start(done);
    return done.future()
        .onComplete(
            ar -> {
              synchronized (stdioSessions) {
                stdioSessions.remove(session);
              }
            });
  }

  @Override
  public Future<Void> close() {
    http.closeAll();
    HttpServer s = server;
    return s == null ? Future.succeededFuture() : s.close();
  }
}
