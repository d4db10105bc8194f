package dev.agentloop.vertx.impl;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.jspecify.annotations.Nullable;

/** Error responses in OpenAI's shape. */
final class Errors {

  private Errors() {}

  /** Sends an error response unless the response already started. */
  static void send(
      RoutingContext ctx,
      int status,
      String type,
      @Nullable String code,
      String message,
      @Nullable String param) {
    send(ctx, new Failures.Failure(status, type, code, message), param);
  }

  /** Sends a failure unless the response already started. */
  static void send(RoutingContext ctx, Failures.Failure failure, @Nullable String param) {
    HttpServerResponse response = ctx.response();
    if (response.headWritten() || response.closed()) {
      return;
    }
    if (!failure.retryable()) {
      // Honoured by the OpenAI SDKs, which otherwise retry 5xx and run the agent again.
      response.putHeader("x-should-retry", "false");
    }
    response
        .setStatusCode(failure.status())
        .putHeader("Content-Type", "application/json")
        .end(failure.toJson(param).encode());
  }

  /** Renders a routing failure: body too large, bad request, or an internal error. */
  static void render(RoutingContext ctx) {
    int status = ctx.statusCode();
    switch (status) {
      case 413 ->
          send(
              ctx,
              413,
              "invalid_request_error",
              "request_too_large",
              "the request body is larger than the server accepts",
              null);
      case 400 -> send(ctx, 400, "invalid_request_error", null, "the request is malformed", null);
      case 403 ->
          send(ctx, 403, "invalid_request_error", "forbidden", "the request is not allowed", null);
      case 404, 405 -> send(ctx, status, "invalid_request_error", null, "no such route", null);
      default ->
          send(ctx, 500, "server_error", null, "the server failed to handle the request", null);
    }
  }
}
