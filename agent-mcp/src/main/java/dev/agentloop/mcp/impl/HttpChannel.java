package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.mcp.McpClientOptions;
import dev.agentloop.mcp.McpException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streamable HTTP transport of the client: each message is a POST whose answer is JSON or an
 * event stream; a GET stream carries what the server sends on its own ({@code list_changed}).
 * Confined to the client's context.
 */
final class HttpChannel implements Channel {

  private static final Logger LOG = LoggerFactory.getLogger(HttpChannel.class);

  private final Context context;
  private final McpClientOptions options;
  private final HttpClient client;
  private Handler<JsonNode> messages = m -> {};
  private @Nullable String sessionId;
  private @Nullable String protocolVersion;
  private @Nullable HttpClientRequest stream;
  private boolean closed;

  HttpChannel(Vertx vertx, Context context, McpClientOptions options) {
    this.context = context;
    this.options = options;
    this.client = vertx.createHttpClient();
  }

  @Override
  public Future<Void> start(Handler<JsonNode> messages, Handler<Throwable> closed) {
    this.messages = messages;
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> send(JsonNode message) {
    String sentSession = sessionId;
    return client
        .request(request(HttpMethod.POST))
        .compose(
            req -> {
              req.putHeader("Content-Type", "application/json");
              req.putHeader("Accept", "application/json, text/event-stream");
              return req.send(Buffer.buffer(JsonRpc.write(message)));
            })
        .compose(resp -> answer(resp, sentSession, message));
  }

  private Future<Void> answer(
      HttpClientResponse resp, @Nullable String sentSession, JsonNode sent) {
    int status = resp.statusCode();
    if (status == 404 && sentSession != null) {
      return resp.body()
          .transform(
              ar ->
                  Future.failedFuture(
                      new SessionExpiredException(
                          "mcp server `" + options.getName() + "` no longer knows the session")));
    }
    if (status < 200 || status > 299) {
      return readAll(resp)
          .transform(
              ar -> {
                String body = ar.succeeded() ? ar.result().toString() : "";
                return Future.failedFuture(
                    new McpException(
                        "http "
                            + status
                            + " from mcp server `"
                            + options.getName()
                            + "`"
                            + (body.isBlank() ? "" : ": " + cut(body.strip()))));
              });
    }
    String session = resp.getHeader("Mcp-Session-Id");
    if (session != null && "initialize".equals(sent.path("method").asText())) {
      sessionId = session;
    }
    if (status == 202) {
      return resp.body().mapEmpty();
    }
    String type = String.valueOf(resp.getHeader("Content-Type"));
    if (type.startsWith("text/event-stream")) {
      return events(resp);
    }
    return readAll(resp)
        .compose(
            body -> {
              if (body.length() == 0) {
                return Future.succeededFuture();
              }
              try {
                JsonNode node = JsonRpc.parse(body.toString());
                if (node.isArray()) {
                  node.forEach(messages::handle);
                } else {
                  messages.handle(node);
                }
                return Future.succeededFuture();
              } catch (IOException e) {
                return Future.failedFuture(
                    new McpException(
                        "mcp server `"
                            + options.getName()
                            + "` answered with invalid JSON: "
                            + e.getMessage()));
              }
            });
  }

  /** Reads an event stream, delivering each event's message; completes at its end. */
  private Future<Void> events(HttpClientResponse resp) {
    Promise<Void> done = Promise.promise();
    SseDecoder decoder =
        new SseDecoder(
            options.getMaxMessageBytes(),
            data -> {
              if (data.isBlank()) {
                return;
              }
              try {
                messages.handle(JsonRpc.parse(data));
              } catch (IOException e) {
                LOG.warn("mcp server `{}` sent an event that is not JSON-RPC", options.getName());
              }
            });
    resp.handler(
        chunk -> {
          try {
            decoder.feed(chunk);
          } catch (RuntimeException e) {
            done.tryFail(
                new McpException(
                    "mcp server `"
                        + options.getName()
                        + "` sent a message larger than "
                        + options.getMaxMessageBytes()
                        + " bytes",
                    null,
                    e));
            // After failing: the reset's own exception must not be what the caller sees.
            resp.request().reset();
          }
        });
    resp.exceptionHandler(done::tryFail);
    resp.endHandler(
        v -> {
          decoder.end();
          done.tryComplete();
        });
    return done.future();
  }

  private Future<Buffer> readAll(HttpClientResponse resp) {
    Promise<Buffer> promise = Promise.promise();
    Buffer body = Buffer.buffer();
    resp.handler(
        chunk -> {
          if (body.length() + chunk.length() > options.getMaxMessageBytes()) {
            promise.tryFail(
                new McpException(
                    "mcp server `"
                        + options.getName()
                        + "` sent a message larger than "
                        + options.getMaxMessageBytes()
                        + " bytes"));
            resp.request().reset();
            return;
          }
          body.appendBuffer(chunk);
        });
    resp.exceptionHandler(promise::tryFail);
    resp.endHandler(v -> promise.tryComplete(body));
    return promise.future();
  }

  @Override
  public void initialized(String protocolVersion) {
    this.protocolVersion = protocolVersion;
    if (sessionId != null) {
      openStream(sessionId);
    }
  }

  /** Opens the GET stream of server-initiated messages; a 405 means the server has none. */
  private void openStream(String session) {
    client
        .request(request(HttpMethod.GET))
        .compose(
            req -> {
              req.putHeader("Accept", "text/event-stream");
              stream = req;
              return req.send();
            })
        .compose(resp -> resp.statusCode() == 200 ? events(resp) : resp.body().<Void>mapEmpty())
        .onComplete(
            ar -> {
              LOG.debug("mcp server `{}`: the GET stream ended", options.getName());
              if (!closed && Objects.equals(session, sessionId) && ar.succeeded()) {
                // The server ended the stream (e.g. a proxy timeout): listen again.
                context
                    .owner()
                    .setTimer(
                        1000,
                        id -> {
                          if (!closed && Objects.equals(session, sessionId)) {
                            openStream(session);
                          }
                        });
              }
            });
  }

  @Override
  public void resetSession() {
    sessionId = null;
    protocolVersion = null;
    if (stream != null) {
      stream.reset();
      stream = null;
    }
  }

  @Override
  public Future<Void> close() {
    closed = true;
    String session = sessionId;
    resetSession();
    Future<Void> end =
        session == null
            ? Future.succeededFuture()
            : client
                .request(request(HttpMethod.DELETE).putHeader("Mcp-Session-Id", session))
                .compose(HttpClientRequest::send)
                .compose(HttpClientResponse::body)
                .<Void>mapEmpty()
                .otherwiseEmpty();
    return end.eventually(client::close);
  }

  private RequestOptions request(HttpMethod method) {
    RequestOptions r =
        new RequestOptions()
            .setMethod(method)
            .setAbsoluteURI(Objects.requireNonNull(options.getUrl()).toString());
    options.getHeaders().forEach(r::putHeader);
    if (sessionId != null) {
      r.putHeader("Mcp-Session-Id", sessionId);
    }
    if (protocolVersion != null) {
      r.putHeader("MCP-Protocol-Version", protocolVersion);
    }
    return r;
  }

  private static String cut(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
