package dev.agentloop.openrouter.impl;

import dev.agentloop.openrouter.ChatStream;
import dev.agentloop.openrouter.OpenRouterException;
import dev.agentloop.openrouter.OpenRouterOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP attempt against the OpenRouter API: builds the request (auth and attribution headers,
 * connect and idle timeouts), enforces the overall request timeout with a Vert.x timer, and maps
 * transport failures to {@code OpenRouterException}s. It never retries; the caller does.
 */
final class HttpExchange {

  private static final String CHAT_COMPLETIONS = "/chat/completions";

  private final Vertx vertx;
  private final HttpClientAgent http;
  private final OpenRouterOptions options;
  private final ErrorMapper errors;
  // Per-request work that depends only on the options is done once: parsing the absolute URL
  // (java.net.URL) and concatenating the bearer token showed up in profiles at thousands of
  // exchanges per second.
  private final @Nullable URL chatCompletions;
  private final @Nullable String authorization;
  private final long requestTimeoutMs;
  private final long idleTimeoutMs;
  // The options of a chat POST without headers of its own, built once: Vert.x only reads the
  // options it is given, so one instance serves every such request, from any thread.
  private final @Nullable RequestOptions chatBuffered;
  private final @Nullable RequestOptions chatStreamed;

  HttpExchange(Vertx vertx, HttpClientAgent http, OpenRouterOptions options, ErrorMapper errors) {
    this.vertx = vertx;
    this.http = http;
    this.options = options;
    this.errors = errors;
    this.chatCompletions = parse(options.getBaseUrl() + CHAT_COMPLETIONS);
    this.authorization = options.getApiKey() == null ? null : "Bearer " + options.getApiKey();
    this.requestTimeoutMs = options.getRequestTimeout().toMillis();
    this.idleTimeoutMs = options.getIdleTimeout().toMillis();
    this.chatBuffered =
        chatCompletions == null
            ? null
            : options(HttpMethod.POST, CHAT_COMPLETIONS, true, Map.of(), false);
    this.chatStreamed =
        chatCompletions == null
            ? null
            : options(HttpMethod.POST, CHAT_COMPLETIONS, true, Map.of(), true);
  }

  /** Sends a request and reads the whole response, whatever its status. */
  Future<BufferedResponse> buffered(HttpMethod method, String path, @Nullable Buffer body) {
    return buffered(method, path, body, Map.of());
  }

  /** Sends a request with further headers and reads the whole response, whatever its status. */
  Future<BufferedResponse> buffered(
      HttpMethod method, String path, @Nullable Buffer body, Map<String, String> headers) {
    return send(
        method,
        path,
        body,
        headers,
        false,
        response ->
            body(response)
                .map(b -> new BufferedResponse(response.statusCode(), response.headers(), b)));
  }

  /** Sends a streaming chat request; a 2xx event stream becomes a {@link ChatStream}. */
  Future<ChatStream> stream(
      Buffer body,
      Map<String, String> headers,
      OpenRouterExpectation expectation,
      RequestLimiter.Permit permit) {
    return send(
        HttpMethod.POST,
        CHAT_COMPLETIONS,
        body,
        headers,
        true,
        response -> {
          String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
          boolean ok = response.statusCode() >= 200 && response.statusCode() < 300;
          if (ok && type != null && type.toLowerCase().startsWith("text/event-stream")) {
            return Future.succeededFuture(
                new ChatStreamImpl(response, permit, errors, vertx, options));
          }
          // An error status, or a JSON body instead of a stream: read it and describe it.
          return body(response)
              .compose(
                  b -> {
                    BufferedResponse r =
                        new BufferedResponse(response.statusCode(), response.headers(), b);
                    if (!ok) {
                      return Future.<BufferedResponse>succeededFuture(r)
                          .expecting(expectation)
                          .mapEmpty();
                    }
                    var error = Json.readError(b);
                    return Future.failedFuture(
                        error != null
                            ? errors.fromApiError(error, 200, null, null)
                            : errors.invalid("expected text/event-stream, got " + type, null));
                  });
        });
  }

  private <T> Future<T> send(
      HttpMethod method,
      String path,
      @Nullable Buffer body,
      Map<String, String> headers,
      boolean stream,
      Function<HttpClientResponse, Future<T>> onResponse) {
    RequestOptions shared = stream ? chatStreamed : chatBuffered;
    RequestOptions request =
        shared != null
                && method == HttpMethod.POST
                && body != null
                && headers.isEmpty()
                && CHAT_COMPLETIONS.equals(path)
            ? shared
            : options(method, path, body != null, headers, stream);
    Deadline deadline = new Deadline(stream);
    return http.request(request)
        .compose(
            req -> {
              deadline.start(req);
              return send(req, body)
                  .compose(
                      response -> {
                        deadline.headReceived = true;
                        return onResponse.apply(response);
                      })
                  .andThen(ar -> deadline.cancel());
            })
        .recover(
            t ->
                Future.failedFuture(
                    errors.fromThrowable(deadline.passed != null ? deadline.passed : t, null)));
  }

  /**
   * The two timeouts of one attempt on one Vert.x timer: the idle timeout until the response
   * headers arrive, and the request timeout until the whole response (a stream: its headers) has.
   * When one passes, the request is reset with a {@link TimeoutException} saying which; it is
   * created only then, since filling in a stack trace for every request was the largest single
   * allocation of a buffered exchange. One timer, instead of Vert.x's idle timer beside ours,
   * halves the timer work of an exchange.
   */
  private final class Deadline {
    private final boolean stream;
    private @Nullable HttpClientRequest req;
    private long started;
    private long timer = -1;
    boolean headReceived;
    @Nullable TimeoutException passed;

    Deadline(boolean stream) {
      this.stream = stream;
    }

    void start(HttpClientRequest req) {
      this.req = req;
      this.started = System.nanoTime();
      this.timer = vertx.setTimer(Math.min(idleTimeoutMs, requestTimeoutMs), id -> fired());
    }

    private void fired() {
      long elapsedMs = (System.nanoTime() - started) / 1_000_000;
      long limit = headReceived ? requestTimeoutMs : Math.min(idleTimeoutMs, requestTimeoutMs);
      if (elapsedMs < limit) {
        // the headers came in time; the rest of the request timeout still applies
        timer = vertx.setTimer(limit - elapsedMs, id -> fired());
        return;
      }
      timer = -1;
      passed =
          new TimeoutException(
              !headReceived && idleTimeoutMs < requestTimeoutMs
                  ? "no response headers within the idle timeout of " + idleTimeoutMs + " ms"
                  : "no complete "
                      + (stream ? "response headers" : "response")
                      + " within the request timeout of "
                      + requestTimeoutMs
                      + " ms");
      req.reset(0, passed);
    }

    void cancel() {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
    }
  }

  private RequestOptions options(
      HttpMethod method,
      String path,
      boolean hasBody,
      Map<String, String> headers,
      boolean stream) {
    RequestOptions request = new RequestOptions().setMethod(method);
    if (chatCompletions != null && CHAT_COMPLETIONS.equals(path)) {
      request.setAbsoluteURI(chatCompletions);
    } else {
      request.setAbsoluteURI(options.getBaseUrl() + path);
    }
    // The request's own headers first: the client's (auth, attribution) are put afterwards, so
    // they win even if a header slipped past RequestExtras' checks.
    headers.forEach(request::putHeader);
    request
        .setConnectTimeout(options.getConnectTimeout().toMillis())
        .putHeader(HttpHeaders.ACCEPT, stream ? "text/event-stream" : "application/json")
        .putHeader(HttpHeaders.USER_AGENT, "agentloop");
    if (authorization != null) {
      request.putHeader(HttpHeaders.AUTHORIZATION, authorization);
    }
    if (hasBody) {
      request.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    }
    if (options.getSiteUrl() != null) {
      request.putHeader("HTTP-Referer", options.getSiteUrl());
    }
    if (options.getSiteName() != null) {
      request.putHeader("X-OpenRouter-Title", options.getSiteName());
      request.putHeader("X-Title", options.getSiteName());
    }
    return request;
  }

  /**
   * Reads a whole body, at most {@code maxBodySize} bytes after decompression. A larger body (or a
   * declared {@code Content-Length} above the limit) fails as RESPONSE_TOO_LARGE as soon as the
   * limit is crossed, and the request is reset so that the server stops sending.
   */
  private Future<Buffer> body(HttpClientResponse response) {
    long max = options.getMaxBodySize();
    Promise<Buffer> promise = Promise.promise();
    String declared = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declared != null && declaredLength(declared) > max) {
      response.request().reset();
      return Future.failedFuture(tooLarge(response, max));
    }
    // A body that arrives in one chunk (the usual case) is that chunk, not a copy of it: Vert.x
    // hands out chunks that are safe to keep. A second chunk starts a buffer of our own.
    Buffer[] body = {null};
    boolean[] own = {false};
    response.handler(
        chunk -> {
          if (promise.future().isComplete()) {
            return;
          }
          long length = body[0] == null ? 0 : body[0].length();
          if (length + chunk.length() > max) {
            promise.tryFail(tooLarge(response, max));
            response.request().reset();
            return;
          }
          if (body[0] == null) {
            body[0] = chunk;
            return;
          }
          if (!own[0]) {
            own[0] = true;
            body[0] = Buffer.buffer((int) (length + chunk.length())).appendBuffer(body[0]);
          }
          body[0].appendBuffer(chunk);
        });
    response.exceptionHandler(promise::tryFail);
    response.endHandler(v -> promise.tryComplete(body[0] == null ? Buffer.buffer() : body[0]));
    return promise.future();
  }

  private OpenRouterException tooLarge(HttpClientResponse response, long max) {
    return errors.tooLarge(
        "the response body (status " + response.statusCode() + ")",
        "maxBodySize",
        max,
        response.statusCode(),
        null);
  }

  private static long declaredLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Returns the URL, or null when it is malformed (the request then fails as it always did). */
  private static @Nullable URL parse(String url) {
    try {
      return new URL(url);
    } catch (MalformedURLException e) {
      return null;
    }
  }

  private static Future<HttpClientResponse> send(HttpClientRequest req, @Nullable Buffer body) {
    return body == null ? req.send() : req.send(body);
  }
}
