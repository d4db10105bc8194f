package dev.agentloop.testing;

import dev.agentloop.testing.impl.Cassette;
import dev.agentloop.testing.impl.Cassette.Exchange;
import dev.agentloop.testing.impl.Sse;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy that forwards every request to an upstream OpenRouter-compatible base URL
 * and appends each exchange to a cassette file, for later offline replay with {@link
 * FakeOpenRouter#replay(Path)}.
 *
 * <p>Streams pass through as they arrive; their events are recorded once the stream ends. The
 * {@code Authorization} header is forwarded upstream but never written: a cassette line holds the
 * request's method, path (relative to {@code /api/v1}, with query) and body, and the response's
 * status, headers (minus connection-level ones) and body, or {@code "sse"} (the list of event data
 * strings, keep-alive comments dropped) for a stream:
 *
 * <pre>{@code
 * {"request":{"method":"POST","path":"/chat/completions","body":{...}},
 *  "response":{"status":200,"headers":{"content-type":"text/event-stream"},"sse":["{...}","[DONE]"]}}
 * }</pre>
 *
 * <pre>{@code
 * RecordingProxy proxy = RecordingProxy.start(vertx, "https://openrouter.ai/api/v1",
 *     Path.of("src/test/resources/cassettes/weather.jsonl")).await();
 * // run the agent against proxy.baseUrl() with a real key, then:
 * proxy.close().await();
 * }</pre>
 */
public final class RecordingProxy {

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "host",
          "connection",
          "keep-alive",
          "content-length",
          "transfer-encoding",
          "accept-encoding",
          "upgrade",
          "te",
          "trailer");

  private final String upstream;
  private final HttpClient client;
  private final AsyncFile file;
  private final AtomicInteger exchanges = new AtomicInteger();
  private final HttpServer server;

  private RecordingProxy(Vertx vertx, String upstream, AsyncFile file, HttpServer server) {
    this.upstream =
        upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream;
    this.client = vertx.createHttpClient();
    this.file = file;
    this.server = server;
  }

  /**
   * Starts a proxy on {@code 127.0.0.1} and an ephemeral port.
   *
   * @param upstreamBaseUrl e.g. {@code https://openrouter.ai/api/v1}
   * @param cassette the file that exchanges are appended to; created if missing
   * @return a future failed if the file cannot be opened or the port not bound
   */
  public static Future<RecordingProxy> start(Vertx vertx, String upstreamBaseUrl, Path cassette) {
    Objects.requireNonNull(upstreamBaseUrl, "upstreamBaseUrl == null");
    OpenOptions open = new OpenOptions().setAppend(true).setCreate(true).setWrite(true);
    return vertx
        .fileSystem()
        .open(cassette.toString(), open)
        .compose(
            file -> {
              HttpServer server =
                  vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"));
              RecordingProxy proxy = new RecordingProxy(vertx, upstreamBaseUrl, file, server);
              server.requestHandler(proxy::handle);
              return server.listen(0).map(s -> proxy);
            });
  }

  /** Returns the base URL to give the client, e.g. {@code http://127.0.0.1:41234/api/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + FakeOpenRouter.BASE_PATH;
  }

  /** Returns the listening port. */
  public int port() {
    return server.actualPort();
  }

  /** Returns the number of exchanges written to the cassette so far. */
  public int exchangeCount() {
    return exchanges.get();
  }

  /** Stops the proxy, then flushes and closes the cassette file. */
  public Future<Void> close() {
    return server.close().eventually(client::close).eventually(file::close);
  }

  private void handle(HttpServerRequest req) {
    String path =
        req.path().startsWith(FakeOpenRouter.BASE_PATH)
            ? req.path().substring(FakeOpenRouter.BASE_PATH.length())
            : req.path();
    String relative = path + (req.query() == null ? "" : "?" + req.query());
    req.body()
        .compose(
            body ->
                forward(req, relative, body)
                    .onSuccess(upstreamResponse -> relay(req, relative, body, upstreamResponse)))
        .onFailure(
            e -> {
              if (!req.response().headWritten()) {
                req.response()
                    .setStatusCode(502)
                    .putHeader("Content-Type", "application/json")
                    .end(
                        MockResponse.errorBody(
                                502,
                                "RecordingProxy could not reach upstream "
                                    + upstream
                                    + ": "
                                    + e.getMessage(),
                                null)
                            .encode());
              } else {
                req.connection().close();
              }
            });
  }

  private Future<HttpClientResponse> forward(HttpServerRequest req, String relative, Buffer body) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.valueOf(req.method().name()))
            .setAbsoluteURI(upstream + relative);
    for (Map.Entry<String, String> h : req.headers()) {
      if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        options.addHeader(h.getKey(), h.getValue());
      }
    }
    return client.request(options).compose(creq -> creq.send(body));
  }

  private void relay(
      HttpServerRequest req,
      String relative,
      Buffer requestBody,
      HttpClientResponse upstreamResponse) {
    HttpServerResponse resp =
        req.response().setStatusCode(upstreamResponse.statusCode()).setChunked(true);
    for (Map.Entry<String, String> h : upstreamResponse.headers()) {
      if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        resp.headers().add(h.getKey(), h.getValue());
      }
    }
    Buffer received = Buffer.buffer();
    upstreamResponse.handler(
        chunk -> {
          received.appendBuffer(chunk);
          resp.write(chunk);
        });
    upstreamResponse.exceptionHandler(e -> req.connection().close());
    upstreamResponse.endHandler(
        v -> {
          resp.end();
          String text = received.toString(StandardCharsets.UTF_8);
          String type = upstreamResponse.getHeader("Content-Type");
          boolean sse = type != null && type.startsWith("text/event-stream");
          JsonObject headers = Cassette.storedHeaders(upstreamResponse.headers());
          Exchange exchange =
              new Exchange(
                  req.method().name(),
                  relative,
                  Cassette.storedBody(requestBody.toString(StandardCharsets.UTF_8)),
                  upstreamResponse.statusCode(),
                  headers,
                  sse ? null : Cassette.storedBody(text),
                  sse ? Sse.data(text) : null);
          file.write(Buffer.buffer(exchange.toLine() + "\n"))
              .onSuccess(w -> exchanges.incrementAndGet());
        });
  }
}
