package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.mcp.McpCallResult;
import dev.agentloop.mcp.McpClient;
import dev.agentloop.mcp.McpClientOptions;
import dev.agentloop.mcp.McpException;
import dev.agentloop.mcp.McpProgress;
import dev.agentloop.mcp.McpTool;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The MCP client; all mutable state is confined to one Vert.x context. */
public final class McpClientImpl implements McpClient {

  private static final Logger LOG = LoggerFactory.getLogger(McpClient.class);

  private final Vertx vertx;
  private final Context context;
  private final McpClientOptions options;
  private final Channel channel;
  private final Map<Long, Pending> pending = new HashMap<>();
  private final List<Handler<List<McpTool>>> toolsHandlers = new CopyOnWriteArrayList<>();
  private volatile List<McpTool> tools = List.of();
  private volatile JsonNode serverInfo = JsonRpc.MAPPER.createObjectNode();
  private volatile String protocolVersion = JsonRpc.VERSIONS.get(0);
  private long nextId;
  private @Nullable Future<Void> reinitializing;
  private @Nullable Throwable dead;
  private boolean closed;

  private record Pending(
      Promise<JsonNode> promise, @Nullable Handler<JsonNode> progress, long timer) {}

  private McpClientImpl(Vertx vertx, Context context, McpClientOptions options) {
    this.vertx = vertx;
    this.context = context;
    this.options = options;
    this.channel =
        options.getUrl() != null
            ? new HttpChannel(vertx, context, options)
            : new StdioChannel(context, options);
  }

  /** Connects; see {@link McpClient#connect}. */
  public static Future<McpClient> connect(Vertx vertx, McpClientOptions options) {
    if (options.getUrl() == null && options.getCommand().isEmpty()) {
      return Future.failedFuture(
          new IllegalArgumentException(
              "mcp server `" + options.getName() + "` has neither command nor url"));
    }
    Context current = Vertx.currentContext();
    Context context =
        current != null && current.owner() == vertx && current.isEventLoopContext()
            ? current
            : vertx.getOrCreateContext();
    McpClientImpl client = new McpClientImpl(vertx, context, options);
    return client
        .onContext(
            () ->
                client
                    .channel
                    .start(client::onMessage, client::onClosed)
                    .compose(v -> client.initialize())
                    .compose(v -> client.listTools()))
        .<McpClient>map(client)
        .onFailure(e -> client.channel.close());
  }

  /** Whether calls to this server's tools need approval. */
  boolean requireApproval() {
    return options.isRequireApproval();
  }

  @Override
  public String name() {
    return options.getName();
  }

  @Override
  public JsonNode serverInfo() {
    return serverInfo;
  }

  @Override
  public String protocolVersion() {
    return protocolVersion;
  }

  @Override
  public List<McpTool> tools() {
    return tools;
  }

  @Override
  public Future<List<McpTool>> refreshTools() {
    return onContext(this::listTools);
  }

  @Override
  public McpClient toolsChangedHandler(Handler<List<McpTool>> handler) {
    toolsHandlers.add(handler);
    return this;
  }

  @Override
  public Future<McpCallResult> callTool(
      String name,
      JsonNode arguments,
      @Nullable Handler<McpProgress> progress,
      @Nullable Future<?> cancelled) {
    ObjectNode params = JsonRpc.MAPPER.createObjectNode().put("name", name);
    params.set("arguments", arguments);
    Handler<JsonNode> onProgress =
        progress == null
            ? null
            : p ->
                progress.handle(
                    new McpProgress(
                        options.getName(),
                        name,
                        p.path("progress").asDouble(),
                        p.hasNonNull("total") ? p.get("total").asDouble() : null,
                        p.hasNonNull("message") ? p.get("message").asText() : null));
    return onContext(() -> request("tools/call", params, onProgress, false, cancelled))
        .map(ToolConversion::toResult);
  }

  @Override
  public Future<Void> close() {
    return onContext(
        () -> {
          closed = true;
          dead = new McpException("mcp client `" + options.getName() + "` was closed");
          fail(dead);
          return channel.close();
        });
  }

  private Future<Void> initialize() {
    ObjectNode params =
        JsonRpc.MAPPER.createObjectNode().put("protocolVersion", JsonRpc.VERSIONS.get(0));
    params.putObject("capabilities");
    params.putObject("clientInfo").put("name", "agentloop").put("version", "0.1.0");
    return request("initialize", params, null, true, null)
        .compose(
            result -> {
              String version = result.path("protocolVersion").asText();
              if (!JsonRpc.VERSIONS.contains(version)) {
                return Future.failedFuture(
                    new McpException(
                        "mcp server `"
                            + options.getName()
                            + "` speaks protocol version "
                            + version
                            + "; supported: "
                            + String.join(", ", JsonRpc.VERSIONS)));
              }
              protocolVersion = version;
              serverInfo = result.path("serverInfo");
              channel.initialized(version);
              return channel.send(JsonRpc.notification("notifications/initialized", null));
            });
  }

  private Future<List<McpTool>> listTools() {
    return listPage(null, new ArrayList<>())
        .map(
            list -> {
              tools = List.copyOf(list);
              toolsHandlers.forEach(h -> h.handle(tools));
              return tools;
            });
  }

  private Future<List<McpTool>> listPage(@Nullable String cursor, List<McpTool> acc) {
    ObjectNode params = JsonRpc.MAPPER.createObjectNode();
    if (cursor != null) {
      params.put("cursor", cursor);
    }
    return request("tools/list", params, null, true, null)
        .compose(
            result -> {
              for (JsonNode t : result.path("tools")) {
                if (acc.size() >= options.getMaxTools()) {
                  return Future.failedFuture(
                      new McpException(
                          "mcp server `"
                              + options.getName()
                              + "` lists more than "
                              + options.getMaxTools()
                              + " tools; raise maxTools"));
                }
                acc.add(ToolConversion.fromWire(t));
              }
              String next = result.path("nextCursor").asText(null);
              return next == null || next.isEmpty()
                  ? Future.succeededFuture(acc)
                  : listPage(next, acc);
            });
  }

  /** Sends a request and waits for its response; must run on the context. */
  private Future<JsonNode> request(
      String method,
      ObjectNode params,
      @Nullable Handler<JsonNode> progress,
      boolean timed,
      @Nullable Future<?> cancelled) {
    if (dead != null) {
      return Future.failedFuture(dead);
    }
    long id = ++nextId;
    if (progress != null) {
      params.putObject("_meta").put("progressToken", id);
    }
    Promise<JsonNode> promise = Promise.promise();
    long timer =
        timed
            ? vertx.setTimer(
                options.getRequestTimeout().toMillis(),
                t -> {
                  pending.remove(id);
                  cancel(id, "timed out");
                  promise.tryFail(
                      new McpException(
                          "mcp server `"
                              + options.getName()
                              + "` did not answer "
                              + method
                              + " within "
                              + options.getRequestTimeout().toMillis()
                              + " ms"));
                })
            : -1;
    pending.put(id, new Pending(promise, progress, timer));
    if (cancelled != null) {
      cancelled.onComplete(
          ar ->
              context.runOnContext(
                  v -> {
                    if (pending.remove(id) != null) {
                      cancel(id, "the run was cancelled");
                      promise.tryFail(new McpException("the call was cancelled"));
                    }
                  }));
    }
    JsonNode message = JsonRpc.request(id, method, params);
    send(message, !"initialize".equals(method))
        .onFailure(
            e -> {
              Pending p = pending.remove(id);
              if (p != null) {
                vertx.cancelTimer(p.timer());
                p.promise().tryFail(e);
              }
            });
    return promise.future();
  }

  /** Sends; on a 404 for the session, initialises a new one (once for everyone) and resends. */
  private Future<Void> send(JsonNode message, boolean mayReinitialize) {
    return channel
        .send(message)
        .recover(
            e -> {
              if (!(e instanceof Channel.SessionExpiredException) || !mayReinitialize) {
                return Future.failedFuture(e);
              }
              LOG.info(
                  "mcp server `{}` lost the session (404); initialising a new one",
                  options.getName());
              return reinitialize().compose(v -> channel.send(message));
            });
  }

  private Future<Void> reinitialize() {
    if (reinitializing == null) {
      channel.resetSession();
      reinitializing =
          initialize()
              .compose(v -> listTools())
              .<Void>mapEmpty()
              .onComplete(ar -> reinitializing = null);
    }
    return reinitializing;
  }

  private void cancel(long id, String reason) {
    ObjectNode params =
        JsonRpc.MAPPER.createObjectNode().put("requestId", id).put("reason", reason);
    channel
        .send(JsonRpc.notification("notifications/cancelled", params))
        .onFailure(
            e -> LOG.debug("could not send notifications/cancelled to `{}`", options.getName(), e));
  }

  private void onMessage(JsonNode message) {
    if (JsonRpc.isResponse(message)) {
      Pending p = pending.remove(message.path("id").asLong(-1));
      if (p == null) {
        return;
      }
      vertx.cancelTimer(p.timer());
      JsonNode error = message.get("error");
      if (error != null) {
        p.promise()
            .tryFail(
                new McpException(
                    "mcp server `"
                        + options.getName()
                        + "` answered with error "
                        + error.path("code").asInt()
                        + ": "
                        + error.path("message").asText(),
                    error.path("code").asInt(),
                    null));
      } else {
        p.promise().tryComplete(message.path("result"));
      }
    } else if (JsonRpc.isNotification(message)) {
      onNotification(message.path("method").asText(), message.path("params"));
    } else if (JsonRpc.isRequest(message)) {
      // We advertise no client capabilities; only ping must be answered.
      JsonNode id = message.get("id");
      JsonNode answer =
          "ping".equals(message.path("method").asText())
              ? JsonRpc.result(id, JsonRpc.MAPPER.createObjectNode())
              : JsonRpc.error(
                  id,
                  JsonRpc.METHOD_NOT_FOUND,
                  "method not supported by this client: " + message.path("method").asText());
      channel.send(answer);
    }
  }

  private void onNotification(String method, JsonNode params) {
    switch (method) {
      case "notifications/progress" -> {
        Pending p = pending.get(params.path("progressToken").asLong(-1));
        if (p != null && p.progress() != null) {
          p.progress().handle(params);
        }
      }
      case "notifications/tools/list_changed" ->
          listTools()
              .onFailure(
                  e -> LOG.warn("mcp server `{}`: listing tools failed", options.getName(), e));
      case "notifications/message" ->
          LOG.info("mcp server `{}` says: {}", options.getName(), params.path("data"));
      default -> LOG.debug("mcp server `{}` sent {}", options.getName(), method);
    }
  }

  private void onClosed(Throwable cause) {
    if (closed) {
      LOG.debug("mcp server `{}`: {}", options.getName(), cause.getMessage());
    } else {
      LOG.warn("mcp server `{}`: {}", options.getName(), cause.getMessage());
    }
    dead = cause;
    fail(cause);
  }

  private void fail(Throwable cause) {
    List<Pending> all = new ArrayList<>(pending.values());
    pending.clear();
    for (Pending p : all) {
      vertx.cancelTimer(p.timer());
      p.promise().tryFail(cause);
    }
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    if (Vertx.currentContext() == context) {
      return action.get();
    }
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }
}
