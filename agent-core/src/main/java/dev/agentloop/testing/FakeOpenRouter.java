package dev.agentloop.testing;

import dev.agentloop.testing.impl.Builtins;
import dev.agentloop.testing.impl.Cassette;
import dev.agentloop.testing.impl.CassettePlayer;
import dev.agentloop.testing.impl.FakeEmbeddings;
import dev.agentloop.testing.impl.ResponseWriter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An in-process, scriptable OpenRouter-compatible HTTP server on loopback, modelled on OkHttp's
 * MockWebServer: script the answers, run the code under test against {@link #baseUrl()}, then
 * verify the requests it made. Real HTTP on a real socket, real SSE.
 *
 * <pre>{@code
 * FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
 * fake.enqueue(MockChat.toolCall("get_weather", "{\"city\":\"Paris\"}"));
 * fake.enqueue(MockChat.text("Sunny, 24 °C."));
 * // ... point the client at fake.baseUrl() and run the agent ...
 * RecordedRequest first = fake.takeRequest();
 * assertThat(first.tools()).hasSize(1);
 * fake.close().await();
 * }</pre>
 *
 * <p>A request to {@code POST /chat/completions} is answered, in order of precedence, by: a 401
 * when an API key is configured and not presented; the next response enqueued for its path; the
 * {@link #dispatcher dispatcher}, unless it returns null; the built-in answer. Built-in answers
 * exist for {@code GET /models} (with its filters), {@code GET /models/{author}/{slug}/endpoints},
 * {@code GET /generation?id=} (for generations this server served) and {@code GET /key}; a chat
 * request with nothing scripted gets a 500 in OpenRouter's error format saying so. Chat answers
 * ({@link MockChat}) are rendered as a JSON body or as an SSE stream, as the request's {@code
 * "stream"} flag asks.
 *
 * <p>All methods are thread-safe. Handlers run on the server's event loop and never block.
 */
public final class FakeOpenRouter {

  /** Path prefix of the API, as on openrouter.ai: {@value}. */
  public static final String BASE_PATH = "/api/v1";

  /** Path of chat completions relative to {@link #BASE_PATH}: {@value}. */
  public static final String CHAT_PATH = "/chat/completions";

  private final Vertx vertx;
  private final FakeOpenRouterOptions options;
  private final Map<String, Deque<MockResponse>> queues = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> generations = new ConcurrentHashMap<>();
  private final Map<String, JsonArray> endpoints = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final Deque<Promise<RecordedRequest>> waiters = new ArrayDeque<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile @Nullable Function<RecordedRequest, Future<@Nullable MockResponse>> dispatcher;
  private volatile JsonArray models = Builtins.defaultModels();
  private volatile JsonObject key = Builtins.defaultKey();
  private int taken;
  private @Nullable HttpServer server;

  private FakeOpenRouter(Vertx vertx, FakeOpenRouterOptions options) {
    this.vertx = vertx;
    this.options = new FakeOpenRouterOptions(options);
  }

  /** Starts a server on {@code 127.0.0.1} and an ephemeral port, with default options. */
  public static Future<FakeOpenRouter> start(Vertx vertx) {
    return start(vertx, new FakeOpenRouterOptions());
  }

  /**
   * Starts a server with {@code options}.
   *
   * @return a future completed with the listening server, or failed with the bind error
   */
  public static Future<FakeOpenRouter> start(Vertx vertx, FakeOpenRouterOptions options) {
    FakeOpenRouter fake =
        new FakeOpenRouter(
            Objects.requireNonNull(vertx, "vertx == null"),
            Objects.requireNonNull(options, "options == null"));
    HttpServer server =
        vertx.createHttpServer(
            new HttpServerOptions()
                .setHost(fake.options.getHost())
                .setPort(fake.options.getPort()));
    server.requestHandler(fake::handle);
    return server
        .listen()
        .map(
            s -> {
              synchronized (fake) {
                fake.server = s;
              }
              return fake;
            });
  }

  /** Returns the API base URL, e.g. {@code http://127.0.0.1:41234/api/v1}. */
  public String baseUrl() {
    return "http://" + options.getHost() + ":" + port() + BASE_PATH;
  }

  /** Returns the listening port. */
  public synchronized int port() {
    return Objects.requireNonNull(server, "server not started").actualPort();
  }

  /**
   * Stops listening and closes open connections; waiters of {@link #nextRequest()} fail with {@code
   * IllegalStateException}. A closed server cannot be restarted.
   */
  public Future<Void> close() {
    HttpServer s;
    List<Promise<RecordedRequest>> pending;
    synchronized (this) {
      s = server;
      pending = new ArrayList<>(waiters);
      waiters.clear();
    }
    pending.forEach(p -> p.tryFail(new IllegalStateException("server closed")));
    return s == null ? Future.succeededFuture() : s.close();
  }

  /** Enqueues an answer for the next {@code POST /chat/completions} (FIFO). */
  public FakeOpenRouter enqueue(MockResponse response) {
    return enqueue(CHAT_PATH, response);
  }

  /** Enqueues a chat answer for the next {@code POST /chat/completions} (FIFO). */
  public FakeOpenRouter enqueue(MockChat chat) {
    return enqueue(chat.toResponse());
  }

  /**
   * Enqueues an answer for the next request to {@code path}, relative to {@link #BASE_PATH} without
   * query, e.g. {@code "/models"} or {@code "/generation"}; it wins over the built-ins.
   */
  public FakeOpenRouter enqueue(String path, MockResponse response) {
    Objects.requireNonNull(response, "response == null");
    queues.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).add(response);
    return this;
  }

  /**
   * Sets a function that answers requests when their path's queue is empty, e.g. a scripted model
   * that looks at the number of tool messages. It sees every request (any path) and returns null to
   * fall back to the built-in answer. If it throws, the request gets a 500 naming the error.
   */
  public FakeOpenRouter dispatcher(Function<RecordedRequest, @Nullable MockResponse> dispatcher) {
    Objects.requireNonNull(dispatcher, "dispatcher == null");
    return asyncDispatcher(r -> Future.succeededFuture(dispatcher.apply(r)));
  }

  /**
   * Sets an asynchronous {@link #dispatcher}: the answer may arrive later; a null result falls back
   * to the built-in answer, a failed future gets a 500 naming the failure.
   */
  public FakeOpenRouter asyncDispatcher(
      Function<RecordedRequest, Future<@Nullable MockResponse>> dispatcher) {
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher == null");
    return this;
  }

  /** Replaces the {@code GET /models} catalogue (each element one OpenRouter {@code Model}). */
  public FakeOpenRouter models(JsonArray models) {
    this.models = models.copy();
    return this;
  }

  /**
   * Sets the endpoints served by {@code GET /models/{model}/endpoints} for a catalogue model (each
   * element one OpenRouter {@code PublicEndpoint}); without it the fake derives one endpoint from
   * the model's catalogue entry.
   */
  public FakeOpenRouter endpoints(String model, JsonArray endpoints) {
    this.endpoints.put(Objects.requireNonNull(model, "model == null"), endpoints.copy());
    return this;
  }

  /** Replaces the {@code data} object served by {@code GET /key}. */
  public FakeOpenRouter key(JsonObject data) {
    this.key = data.copy();
    return this;
  }

  /**
   * Answers every request with the next exchange of a cassette recorded by {@link RecordingProxy};
   * equivalent to {@code replay(cassette, true)}.
   */
  public Future<Void> replay(Path cassette) {
    return replay(cassette, true);
  }

  /**
   * Loads a cassette (JSON Lines, see {@link RecordingProxy}) and installs it as the dispatcher.
   * Each request must match the next recorded exchange: same method, same path and query (relative
   * to {@link #BASE_PATH}), and with {@code matchBody} the same JSON body once the volatile
   * top-level fields {@code session_id} and {@code user} are removed from both. A mismatch gets a
   * 500 whose message names the expected request and does not consume it; after the last exchange
   * every request gets a 500 saying the cassette is exhausted. Enqueued responses still take
   * precedence.
   *
   * @return a future that fails if the file cannot be read or parsed
   */
  public Future<Void> replay(Path cassette, boolean matchBody) {
    return vertx
        .fileSystem()
        .readFile(cassette.toString())
        .map(
            content -> {
              CassettePlayer player =
                  new CassettePlayer(Cassette.parse(content), matchBody, BASE_PATH);
              dispatcher(player::answer);
              return null;
            });
  }

  /**
   * Returns the oldest recorded request not yet taken, without waiting.
   *
   * @throws IllegalStateException if every recorded request has been taken
   */
  public synchronized RecordedRequest takeRequest() {
    if (taken >= requests.size()) {
      throw new IllegalStateException(
          "no request to take: " + requests.size() + " recorded, all taken");
    }
    return requests.get(taken++);
  }

  /**
   * Returns a future of the oldest request not yet taken; it completes when one arrives. Combine
   * with {@link Future#timeout} to bound the wait. Fails when the server is closed.
   */
  public synchronized Future<RecordedRequest> nextRequest() {
    if (taken < requests.size()) {
      return Future.succeededFuture(requests.get(taken++));
    }
    Promise<RecordedRequest> promise = Promise.promise();
    waiters.add(promise);
    return promise.future();
  }

  /** Returns a snapshot of every request received so far, taken or not, in arrival order. */
  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Returns the number of requests received so far. */
  public synchronized int requestCount() {
    return requests.size();
  }

  /** Returns the number of requests being answered right now (received, response not ended). */
  public int inFlight() {
    return inFlight.get();
  }

  /** Returns the largest number of requests ever answered concurrently. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  private void handle(HttpServerRequest req) {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    AtomicBoolean finished = new AtomicBoolean();
    Runnable finish =
        () -> {
          if (finished.compareAndSet(false, true)) {
            inFlight.decrementAndGet();
          }
        };
    req.response().endHandler(v -> finish.run());
    req.response().closeHandler(v -> finish.run());
    req.body().onFailure(e -> finish.run()).onSuccess(body -> respond(req, body));
  }

  private void respond(HttpServerRequest req, Buffer body) {
    RecordedRequest recorded = record(req, body);
    String apiKey = options.getApiKey();
    String auth = req.getHeader("Authorization");
    if (apiKey != null && !("Bearer " + apiKey).equals(auth)) {
      ResponseWriter.write(vertx, req, Builtins.unauthorized(auth == null));
      return;
    }
    choose(recorded)
        .otherwise(
            e ->
                MockResponse.error(
                    500,
                    "FakeOpenRouter dispatcher failed: " + e,
                    new JsonObject().put("error_type", "server")))
        .onSuccess(response -> serve(req, recorded, response));
  }

  private RecordedRequest record(HttpServerRequest req, Buffer body) {
    Promise<RecordedRequest> waiter;
    RecordedRequest recorded;
    synchronized (this) {
      recorded =
          new RecordedRequest(
              requests.size(),
              req.method().name(),
              req.path(),
              req.query(),
              req.headers(),
              body.toString(StandardCharsets.UTF_8));
      requests.add(recorded);
      waiter = waiters.poll();
      if (waiter != null) {
        taken++;
      }
    }
    if (waiter != null) {
      waiter.complete(recorded);
    }
    return recorded;
  }

  private Future<MockResponse> choose(RecordedRequest request) {
    String path = relativePath(request);
    Deque<MockResponse> queue = path == null ? null : queues.get(path);
    MockResponse queued = queue == null ? null : queue.poll();
    if (queued != null) {
      return Future.succeededFuture(queued);
    }
    Function<RecordedRequest, Future<@Nullable MockResponse>> d = dispatcher;
    if (d == null) {
      return Future.succeededFuture(builtin(request, path));
    }
    try {
      return d.apply(request).map(r -> r != null ? r : builtin(request, path));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private MockResponse builtin(RecordedRequest request, @Nullable String path) {
    String route = request.method() + " " + path;
    return switch (route) {
      case "POST " + CHAT_PATH -> Builtins.nothingScripted(request);
      case "GET /models" -> Builtins.models(models, request);
      case "POST /embeddings" -> FakeEmbeddings.answer(request);
      case "GET /key" -> MockResponse.json(200, new JsonObject().put("data", key.copy()));
      case "GET /generation" -> {
        String id = request.queryParam("id");
        yield Builtins.generation(id == null ? null : generations.get(id), id);
      }
      default -> {
        if (route.startsWith("GET /models/") && route.endsWith("/endpoints")) {
          String id = path.substring("/models/".length(), path.length() - "/endpoints".length());
          yield Builtins.endpoints(models, id, endpoints.get(id));
        }
        yield Builtins.noRoute(request);
      }
    };
  }

  private void serve(HttpServerRequest req, RecordedRequest request, MockResponse response) {
    MockChat chat = response.chat();
    if (chat != null) {
      long latency = response.headersDelay().toMillis() + 1;
      generations.put(chat.id(), ChatRenderer.generation(chat, request.isStream(), latency));
    }
    ResponseWriter.write(vertx, req, response.renderFor(request.isStream()));
  }

  private static @Nullable String relativePath(RecordedRequest request) {
    String path = request.path();
    return path.startsWith(BASE_PATH + "/") ? path.substring(BASE_PATH.length()) : null;
  }
}
