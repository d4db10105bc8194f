package dev.agentloop.testing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A raw HTTP client for tests: keeps every received buffer so that write boundaries show. */
final class Http {

  /** A complete response: status, headers, and the body buffers in arrival order. */
  record Response(int status, MultiMap headers, List<Buffer> chunks) {
    /** The body decoded once all buffers are joined: a buffer may end inside a character. */
    String body() {
      Buffer all = Buffer.buffer();
      chunks.forEach(all::appendBuffer);
      return all.toString(StandardCharsets.UTF_8);
    }

    JsonObject json() {
      return new JsonObject(body());
    }

    /** The SSE frames of the body, each with its terminating blank line. */
    List<String> frames() {
      List<String> out = new ArrayList<>();
      for (String f : body().split("(?<=\n\n)")) {
        if (!f.isEmpty()) {
          out.add(f);
        }
      }
      return out;
    }
  }

  private final HttpClient client;
  private final Context context;

  Http(Vertx vertx) {
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    // Requests start on one event loop so the body handler is set in the tick the headers
    // arrive; started from the test thread, a short body could end before the handler is set.
    this.context = vertx.getOrCreateContext();
  }

  Future<Response> post(String url, JsonObject body) {
    return send(HttpMethod.POST, url, body, null, 0);
  }

  Future<Response> get(String url) {
    return send(HttpMethod.GET, url, null, null, 0);
  }

  Future<Response> send(HttpMethod method, String url, @Nullable JsonObject body,
      @Nullable String apiKey, long idleTimeoutMillis) {
    Promise<Response> result = Promise.promise();
    context.runOnContext(v -> sendOnContext(method, url, body, apiKey, idleTimeoutMillis).onComplete(result));
    return result.future();
  }

  private Future<Response> sendOnContext(HttpMethod method, String url, @Nullable JsonObject body,
      @Nullable String apiKey, long idleTimeoutMillis) {
    RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url);
    if (idleTimeoutMillis > 0) {
      options.setIdleTimeout(idleTimeoutMillis);
    }
    if (apiKey != null) {
      options.putHeader("Authorization", "Bearer " + apiKey);
    }
    if (body != null) {
      options.putHeader("Content-Type", "application/json");
    }
    return client.request(options)
        .compose(req -> body == null ? req.send() : req.send(body.toBuffer()))
        .compose(resp -> {
          Promise<Response> promise = Promise.promise();
          List<Buffer> chunks = new ArrayList<>();
          resp.handler(chunks::add);
          resp.exceptionHandler(promise::tryFail);
          resp.endHandler(v -> promise.tryComplete(
              new Response(resp.statusCode(), resp.headers(), List.copyOf(chunks))));
          return promise.future();
        });
  }

  Future<Void> close() {
    return client.close();
  }

  static JsonObject chatRequest(boolean stream) {
    return new JsonObject().put("model", "openai/gpt-4o-mini").put("stream", stream)
        .put("messages", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("role", "user").put("content", "Hi")));
  }
}
