package dev.agentloop.openrouter.impl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.ApiError;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.ChatStream;
import dev.agentloop.openrouter.Choice;
import dev.agentloop.openrouter.EmbeddingRequest;
import dev.agentloop.openrouter.EmbeddingResponse;
import dev.agentloop.openrouter.ExchangeListener;
import dev.agentloop.openrouter.Generation;
import dev.agentloop.openrouter.KeyInfo;
import dev.agentloop.openrouter.ModelEndpoints;
import dev.agentloop.openrouter.ModelInfo;
import dev.agentloop.openrouter.ModelsQuery;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterException;
import dev.agentloop.openrouter.OpenRouterOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link OpenRouterClient} on a Vert.x {@link HttpClientAgent}.
 *
 * <p>Why {@code HttpClient} and not {@code WebClient}: a stream must pause the very {@code
 * HttpClientResponse} to push back on the server, and one code path for buffered and streamed calls
 * keeps timeouts, headers and error mapping identical. Buffered calls aggregate the body and pass
 * it through {@link OpenRouterExpectation} with {@code expecting(...)}, as WebClient would. Every
 * call runs on the caller's context (or a fresh event-loop context), goes through the {@link
 * RequestLimiter} and, per attempt, through the {@link Retrier}.
 */
public final class OpenRouterClientImpl implements OpenRouterClient {

  private static final Logger log = LoggerFactory.getLogger(OpenRouterClientImpl.class);

  private final Vertx vertx;
  private final OpenRouterOptions options;
  private final HttpClientAgent http;
  private final ErrorMapper errors;
  private final OpenRouterExpectation expectation;
  private final Retrier retrier;
  private final RequestLimiter limiter;
  private final HttpExchange exchange;
  private final String serverAddress;
  private final int serverPort;
  private volatile boolean closed;

  /** Creates the client; the options are copied. */
  public OpenRouterClientImpl(Vertx vertx, OpenRouterOptions options) {
    this.vertx = Objects.requireNonNull(vertx, "vertx == null");
    this.options = new OpenRouterOptions(Objects.requireNonNull(options, "options == null"));
    this.http = HttpClientFactory.create(vertx, this.options);
    this.errors = new ErrorMapper(this.options.getApiKey());
    this.expectation = new OpenRouterExpectation(errors);
    this.retrier = new Retrier(vertx, this.options.getRetry());
    this.limiter =
        new RequestLimiter(
            vertx,
            this.options.getMaxInFlight(),
            this.options.getMaxRequestsPerWindow(),
            this.options.getWindow().toMillis());
    this.exchange = new HttpExchange(vertx, http, this.options, errors);
    java.net.URI base = baseUri(this.options.getBaseUrl());
    this.serverAddress = base == null || base.getHost() == null ? "" : base.getHost();
    this.serverPort =
        base == null
            ? -1
            : base.getPort() >= 0 ? base.getPort() : "http".equals(base.getScheme()) ? 80 : 443;
  }

  private static java.net.@Nullable URI baseUri(String url) {
    try {
      return java.net.URI.create(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public Future<ChatResponse> chat(ChatRequest request) {
    return chat(request, ExchangeListener.NOOP);
  }

  @Override
  public Future<ChatResponse> chat(ChatRequest request, ExchangeListener listener) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(listener, "listener == null");
    checkOpen();
    Buffer body =
        Json.encode(
            Boolean.TRUE.equals(request.stream())
                ? request.toBuilder().stream(null).build()
                : request);
    log.debug(
        "POST /chat/completions model={} messages={}",
        request.parameters().model(),
        request.messages().size());
    if (listener == ExchangeListener.NOOP) {
      // Unobserved: exactly the allocations of a plain call.
      return onContext(
          () ->
              retrier.run(
                  () ->
                      limited(
                          () ->
                              exchange
                                  .buffered(
                                      HttpMethod.POST, "/chat/completions", body, request.headers())
                                  .expecting(expectation)
                                  .compose(this::parseChat))));
    }
    int[] attempt = {0};
    return onContext(
        () ->
            retrier.run(
                () -> {
                  long asked = System.nanoTime();
                  Future<RequestLimiter.Permit> permitted = limiter.acquire();
                  boolean queued = !permitted.isComplete();
                  return permitted
                      .compose(
                          permit -> {
                            started(listener, ++attempt[0], asked, queued);
                            return exchange
                                .buffered(
                                    HttpMethod.POST, "/chat/completions", body, request.headers())
                                .expecting(expectation)
                                .compose(this::parseChat)
                                .andThen(ar -> permit.release());
                          })
                      .andThen(ar -> failed(listener, ar.failed() ? ar.cause() : null, attempt[0]));
                }));
  }

  @Override
  public Future<ChatStream> stream(ChatRequest request) {
    return stream(request, ExchangeListener.NOOP);
  }

  @Override
  public Future<ChatStream> stream(ChatRequest request, ExchangeListener listener) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(listener, "listener == null");
    checkOpen();
    Buffer body = Json.encode(request.toBuilder().stream(true).build());
    log.debug(
        "POST /chat/completions (stream) model={} messages={}",
        request.parameters().model(),
        request.messages().size());
    if (listener == ExchangeListener.NOOP) {
      return onContext(
          () ->
              retrier.run(
                  () ->
                      limiter
                          .acquire()
                          .compose(
                              permit ->
                                  exchange.stream(body, request.headers(), expectation, permit)
                                      .onFailure(t -> permit.release()))));
    }
    int[] attempt = {0};
    return onContext(
        () ->
            retrier.run(
                () -> {
                  long asked = System.nanoTime();
                  Future<RequestLimiter.Permit> permitted = limiter.acquire();
                  boolean queued = !permitted.isComplete();
                  return permitted
                      .compose(
                          permit -> {
                            started(listener, ++attempt[0], asked, queued);
                            return exchange.stream(body, request.headers(), expectation, permit)
                                .onFailure(t -> permit.release());
                          })
                      .andThen(ar -> failed(listener, ar.failed() ? ar.cause() : null, attempt[0]));
                }));
  }

  /** Reports an attempt; it waited for the limiter only when no slot was free at once. */
  private void started(ExchangeListener listener, int attempt, long asked, boolean queued) {
    listener.attemptStarted(
        attempt, serverAddress, serverPort, queued ? Math.max(1, System.nanoTime() - asked) : 0);
  }

  private void failed(ExchangeListener listener, @Nullable Throwable error, int attempt) {
    if (error != null) {
      listener.attemptFailed(error, retrier.delayBeforeRetry(error, attempt) != null);
    }
  }

  @Override
  public Future<List<ModelInfo>> models() {
    return models(ModelsQuery.ALL);
  }

  @Override
  public Future<List<ModelInfo>> models(ModelsQuery query) {
    Objects.requireNonNull(query, "query == null");
    checkOpen();
    return get("/models" + query.toQueryString())
        .map(
            node -> {
              List<ModelInfo> models = new ArrayList<>();
              for (JsonNode m : node.path("data")) {
                models.add(Json.convert(m, ModelInfo.class));
              }
              return List.copyOf(models);
            });
  }

  @Override
  public Future<ModelEndpoints> endpoints(String model) {
    Objects.requireNonNull(model, "model == null");
    String[] parts = model.split("/", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException("model must be author/slug: " + model);
    }
    checkOpen();
    String path =
        "/models/"
            + URLEncoder.encode(parts[0], StandardCharsets.UTF_8)
            + "/"
            + URLEncoder.encode(parts[1], StandardCharsets.UTF_8)
            + "/endpoints";
    return get(path).map(node -> Json.convert(node.path("data"), ModelEndpoints.class));
  }

  @Override
  public Future<EmbeddingResponse> embeddings(EmbeddingRequest request) {
    Objects.requireNonNull(request, "request == null");
    checkOpen();
    Buffer body = Json.encode(request);
    log.debug("POST /embeddings model={} inputs={}", request.model(), request.input().size());
    return onContext(
        () ->
            retrier.run(
                () ->
                    limited(
                        () ->
                            exchange
                                .buffered(HttpMethod.POST, "/embeddings", body)
                                .expecting(expectation)
                                .compose(r -> parseTree(r.body()))
                                .compose(node -> Embeddings.check(node, request, errors)))));
  }

  @Override
  public Future<Generation> generation(String id) {
    Objects.requireNonNull(id, "id == null");
    checkOpen();
    return get("/generation?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
        .map(node -> Json.convert(node.path("data"), Generation.class));
  }

  @Override
  public Future<KeyInfo> key() {
    checkOpen();
    return get("/key").map(node -> Json.convert(node.path("data"), KeyInfo.class));
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return http.close();
  }

  private Future<JsonNode> get(String path) {
    log.debug("GET {}", path);
    return onContext(
        () ->
            retrier.run(
                () ->
                    limited(
                        () ->
                            exchange
                                .buffered(HttpMethod.GET, path, null)
                                .expecting(expectation)
                                .compose(r -> parseTree(r.body())))));
  }

  private <T> Future<T> limited(Supplier<Future<T>> call) {
    return limiter.acquire().compose(permit -> call.get().andThen(ar -> permit.release()));
  }

  private Future<JsonNode> parseTree(Buffer body) {
    try {
      JsonNode node = Json.tree(body);
      if (node == null || !node.isObject()) {
        return Future.failedFuture(errors.invalid("expected a JSON object", null));
      }
      if (node.path("error").isObject()) {
        ApiError error = Json.convert(node.get("error"), ApiError.class);
        return Future.failedFuture(errors.fromApiError(error, 200, null, null));
      }
      return Future.succeededFuture(node);
    } catch (RuntimeException e) {
      return Future.failedFuture(errors.invalid("the body is not JSON", e));
    }
  }

  private Future<ChatResponse> parseChat(BufferedResponse response) {
    // Fast path: bind the bytes straight to a ChatResponse, without the intermediate tree. Any
    // body it cannot bind (not JSON, not an object, a malformed field) takes the tree path below,
    // which decides which error to report exactly as before.
    ChatResponse direct = Json.readChat(response.body());
    if (direct != null) {
      return direct.error() != null
          ? Future.failedFuture(errors.fromApiError(direct.error(), 200, null, null))
          : withGenerationId(response, direct);
    }
    return parseTree(response.body())
        .compose(
            node -> {
              ChatResponse chat;
              try {
                chat = Json.convert(node, ChatResponse.class);
              } catch (RuntimeException e) {
                return Future.failedFuture(errors.invalid("the body is not a chat completion", e));
              }
              return withGenerationId(response, chat);
            });
  }

  private Future<ChatResponse> withGenerationId(BufferedResponse response, ChatResponse chat) {
    String header = response.header("X-Generation-Id");
    if (chat.id() == null && header != null) {
      chat =
          new ChatResponse(
              header,
              chat.object(),
              chat.created(),
              chat.model(),
              chat.provider(),
              chat.choices(),
              chat.usage(),
              chat.systemFingerprint(),
              chat.error(),
              chat.serviceTier());
    }
    OpenRouterException choiceError = choiceError(chat);
    return choiceError != null ? Future.failedFuture(choiceError) : Future.succeededFuture(chat);
  }

  private @Nullable OpenRouterException choiceError(ChatResponse chat) {
    for (Choice c : chat.choices()) {
      if ("error".equals(c.finishReason()) || c.error() != null) {
        ApiError error =
            c.error() != null
                ? c.error()
                : new ApiError(
                    null,
                    "the model stopped with finish_reason error"
                        + (c.nativeFinishReason() == null
                            ? ""
                            : " (" + c.nativeFinishReason() + ")"),
                    null);
        String partial = c.message() == null ? null : c.message().text();
        return errors.fromApiError(error, 200, null, partial == null ? "" : partial);
      }
    }
    return null;
  }

  /** Runs the call on the caller's context, or on an event-loop context from other threads. */
  private <T> Future<T> onContext(Supplier<Future<T>> call) {
    if (Vertx.currentContext() != null) {
      return call.get();
    }
    Context context = vertx.getOrCreateContext();
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> call.get().onComplete(promise));
    return promise.future();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
  }
}
