package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.mcp.McpServerOptions;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Streamable HTTP endpoint: POST carries client messages (answered with JSON, or with an event
 * stream when the call reports progress), GET opens the stream of server-initiated messages, DELETE
 * ends the session. Sessions live in an access-ordered map bounded by the options.
 */
final class HttpTransport implements Handler<RoutingContext> {

  private static final String SESSION = "Mcp-Session-Id";
  private static final String VERSION = "MCP-Protocol-Version";

  private final Vertx vertx;
  private final McpServerOptions options;
  private final ServerProtocol protocol;
  private final Map<String, ServerSession> sessions = new LinkedHashMap<>(16, 0.75f, true);

  HttpTransport(Vertx vertx, McpServerOptions options, ServerProtocol protocol) {
    this.vertx = vertx;
    this.options = options;
    this.protocol = protocol;
  }

  void mount(Router router, String path) {
    router.route(path).handler(BodyHandler.create().setBodyLimit(options.getMaxRequestBytes()));
    router.route(path).handler(this);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    if (!hostAllowed(req)) {
      reject(ctx, 421, "misdirected request: host not allowed");
      return;
    }
    String origin = req.getHeader("Origin");
    if (origin != null && !originAllowed(origin)) {
      reject(ctx, 403, "forbidden: origin not allowed: " + origin);
      return;
    }
    if (options.isAuthRequired() && !authorized(req.getHeader("Authorization"))) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      reject(ctx, 401, "unauthorized: send Authorization: Bearer <token>");
      return;
    }
    String version = req.getHeader(VERSION);
    if (version != null && !JsonRpc.VERSIONS.contains(version)) {
      reject(ctx, 400, "unsupported " + VERSION + ": " + version);
      return;
    }
    HttpMethod method = req.method();
    if (method == HttpMethod.POST) {
      post(ctx);
    } else if (method == HttpMethod.GET) {
      get(ctx);
    } else if (method == HttpMethod.DELETE) {
      delete(ctx);
    } else {
      ctx.response().putHeader("Allow", "GET, POST, DELETE");
      reject(ctx, 405, "method not allowed: " + method);
    }
  }

  private void post(RoutingContext ctx) {
    JsonNode message;
    try {
      message = JsonRpc.parse(ctx.body().asString("UTF-8"));
    } catch (IOException | RuntimeException e) {
      send(
          ctx.response(),
          400,
          JsonRpc.error(null, JsonRpc.PARSE_ERROR, "parse error: the body is not JSON"));
      return;
    }
    if (!message.isObject()) {
      send(
          ctx.response(),
          400,
          JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "send one json-rpc message per request"));
      return;
    }
    ServerSession session;
    if ("initialize".equals(message.path("method").asText()) && JsonRpc.isRequest(message)) {
      session = newSession();
      ctx.response().putHeader(SESSION, session.id);
    } else {
      session = session(ctx);
      if (session == null) {
        return;
      }
    }
    if (!JsonRpc.isRequest(message)) {
      protocol.handle(session, message, m -> {});
      ctx.response().setStatusCode(202).end();
      return;
    }
    HttpServerResponse response = ctx.response();
    boolean stream =
        message.path("params").path("_meta").has("progressToken")
            && String.valueOf(ctx.request().getHeader("Accept")).contains("text/event-stream");
    Handler<JsonNode> emit = m -> {};
    if (stream) {
      response
          .setChunked(true)
          .putHeader("Content-Type", "text/event-stream")
          .putHeader("Cache-Control", "no-cache");
      emit = m -> event(response, m);
    }
    boolean streaming = stream;
    protocol
        .handle(session, message, emit)
        .onComplete(
            ar -> {
              JsonNode answer =
                  ar.succeeded() && ar.result() != null
                      ? ar.result()
                      : JsonRpc.error(message.get("id"), JsonRpc.INTERNAL_ERROR, "internal error");
              if (response.closed() || response.ended()) {
                return;
              }
              if (streaming) {
                event(response, answer);
                response.end();
              } else {
                send(response, 200, answer);
              }
            });
  }

  private void get(RoutingContext ctx) {
    if (!String.valueOf(ctx.request().getHeader("Accept")).contains("text/event-stream")) {
      reject(ctx, 405, "method not allowed: GET needs Accept: text/event-stream");
      return;
    }
    ServerSession session = session(ctx);
    if (session == null) {
      return;
    }
    if (session.notifier != null) {
      reject(ctx, 409, "conflict: the session already has a stream");
      return;
    }
    HttpServerResponse response = ctx.response();
    response
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-cache");
    response.write(": stream open\n\n");
    Handler<JsonNode> notifier = m -> event(response, m);
    session.notifier = notifier;
    response.closeHandler(
        v -> {
          if (session.notifier == notifier) {
            session.notifier = null;
          }
        });
  }

  private void delete(RoutingContext ctx) {
    ServerSession session = session(ctx);
    if (session == null) {
      return;
    }
    sessions.remove(session.id);
    endStream(session);
    session.close();
    ctx.response().setStatusCode(200).end();
  }

  /** Sends a server-initiated message to every session with an open stream. */
  void broadcast(JsonNode message) {
    Context context = vertx.getOrCreateContext();
    context.runOnContext(
        v -> {
          synchronized (sessions) {
            for (ServerSession s : sessions.values()) {
              if (s.notifier != null) {
                s.notifier.handle(message);
              }
            }
          }
        });
  }

  void closeAll() {
    synchronized (sessions) {
      sessions
          .values()
          .forEach(
              s -> {
                endStream(s);
                s.close();
              });
      sessions.clear();
    }
  }

  private ServerSession newSession() {
    synchronized (sessions) {
      if (sessions.size() >= options.getMaxSessions()) {
        Iterator<ServerSession> eldest = sessions.values().iterator();
        ServerSession dropped = eldest.next();
        eldest.remove();
        endStream(dropped);
        dropped.close();
      }
      ServerSession s = new ServerSession(UUID.randomUUID().toString());
      sessions.put(s.id, s);
      return s;
    }
  }

  private @Nullable ServerSession session(RoutingContext ctx) {
    String id = ctx.request().getHeader(SESSION);
    if (id == null) {
      reject(ctx, 400, "bad request: missing " + SESSION + " header; initialize first");
      return null;
    }
    ServerSession s;
    synchronized (sessions) {
      s = sessions.get(id);
    }
    if (s == null) {
      reject(ctx, 404, "session not found: initialize a new session");
    }
    return s;
  }

  private static void endStream(ServerSession s) {
    // The notifier writes to a response; ending it is done by dropping it: the client sees EOF
    // when the connection closes with the server.
    s.notifier = null;
  }

  private boolean hostAllowed(HttpServerRequest req) {
    if (options.getAllowedHosts().isEmpty()) {
      return true;
    }
    HostAndPort authority = req.authority();
    return authority != null
        && options.getAllowedHosts().contains(authority.host().toLowerCase(Locale.ROOT));
  }

  private boolean originAllowed(String origin) {
    if (options.getAllowedOrigins().contains("*") || options.getAllowedOrigins().contains(origin)) {
      return true;
    }
    try {
      String host = URI.create(origin).getHost();
      return host != null
          && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private boolean authorized(@Nullable String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    boolean ok = false;
    for (String token : options.getTokens()) {
      ok |= MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }
    return ok;
  }

  private static void reject(RoutingContext ctx, int status, String message) {
    send(ctx.response(), status, JsonRpc.error(null, -32000, message));
  }

  private static void send(HttpServerResponse response, int status, JsonNode body) {
    response
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(JsonRpc.write(body));
  }

  private static void event(HttpServerResponse response, JsonNode message) {
    if (!response.closed() && !response.ended()) {
      response.write("event: message\ndata: " + JsonRpc.write(message) + "\n\n");
    }
  }
}
