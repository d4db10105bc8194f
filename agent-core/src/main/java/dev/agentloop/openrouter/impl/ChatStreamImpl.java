package dev.agentloop.openrouter.impl;

import dev.agentloop.openrouter.ApiError;
import dev.agentloop.openrouter.ChatChunk;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.ChatStream;
import dev.agentloop.openrouter.OpenRouterOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ChatStream} over one HTTP response. Back-pressure is real: while the consumer's demand
 * is zero (or parsed chunks are still queued) the {@link HttpClientResponse} is paused, so Vert.x
 * stops reading the socket and TCP (or the HTTP/2 flow-control window) pushes back on the server.
 *
 * <p>The response starts paused and flows once a handler is set, {@link #result()} is called, or
 * demand is given. All methods must be called on the stream's context (the one the {@code stream}
 * future completed on). The connection's limiter permit is released when the stream ends, fails or
 * is cancelled. The idle timeout runs only while the stream flows: a consumer that pauses is never
 * timed out, a server silent for that long is.
 */
public final class ChatStreamImpl implements ChatStream {

  private final HttpClientResponse response;
  private final RequestLimiter.Permit permit;
  private final ErrorMapper errors;
  private final SseParser parser;
  private final StreamAccumulator accumulator = new StreamAccumulator();
  private final Promise<ChatResponse> result = Promise.promise();
  private final ArrayDeque<ChatChunk> pending = new ArrayDeque<>();
  private @Nullable Handler<ChatChunk> handler;
  private @Nullable Handler<Void> endHandler;
  private @Nullable Handler<Throwable> exceptionHandler;
  private long demand = Long.MAX_VALUE;
  private boolean started;
  private boolean terminated;
  private boolean terminalDelivered;
  private boolean emitting;
  private @Nullable Throwable failure;
  private final Vertx vertx;
  private final long idleTimeoutMs;
  private long idleTimer = -1;
  private final long maxBodySize;
  private long received;

  /**
   * Wraps a 2xx {@code text/event-stream} response; takes ownership of the permit.
   *
   * @param options the client's options: idle timeout and size limits
   */
  public ChatStreamImpl(
      HttpClientResponse response,
      RequestLimiter.Permit permit,
      ErrorMapper errors,
      Vertx vertx,
      OpenRouterOptions options) {
    this.parser =
        new SseParser(
            this::onEvent, c -> {}, options.getMaxSseLineSize(), options.getMaxSseEventSize());
    this.maxBodySize = options.getMaxBodySize();
    this.idleTimeoutMs = options.getIdleTimeout().toMillis();
    this.response = response;
    this.permit = permit;
    this.errors = errors;
    this.vertx = vertx;
    response.pause();
    response.handler(this::onBuffer);
    response.endHandler(v -> onWireEnd());
    response.exceptionHandler(this::onWireError);
  }

  @Override
  public ChatStream handler(@Nullable Handler<ChatChunk> handler) {
    this.handler = handler;
    if (handler != null) {
      started = true;
    }
    pump();
    return this;
  }

  @Override
  public ChatStream exceptionHandler(@Nullable Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    return this;
  }

  @Override
  public ChatStream endHandler(@Nullable Handler<Void> endHandler) {
    this.endHandler = endHandler;
    return this;
  }

  @Override
  public ChatStream pause() {
    demand = 0;
    updateWire();
    return this;
  }

  @Override
  public ChatStream resume() {
    return fetch(Long.MAX_VALUE);
  }

  @Override
  public ChatStream fetch(long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("amount must be >= 0: " + amount);
    }
    demand = demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
    started = true;
    pump();
    return this;
  }

  @Override
  public Future<ChatResponse> result() {
    started = true;
    pump();
    return result.future();
  }

  @Override
  public @Nullable String generationId() {
    return response.getHeader("X-Generation-Id");
  }

  @Override
  public void cancel() {
    if (terminated) {
      return;
    }
    pending.clear(); // the caller wants out: undelivered chunks are dropped
    started = true;
    terminate(errors.cancelled(accumulator.partialText()));
    response.request().reset();
  }

  private void onBuffer(Buffer buffer) {
    // Counted after decompression: a small gzip body may expand without bound.
    received += buffer.length();
    if (terminated) {
      if (received > maxBodySize) {
        response.request().reset(); // what is drained after the end is bounded too
      }
      return;
    }
    disarmIdle();
    if (received > maxBodySize) {
      tooLarge("the stream", "maxBodySize", maxBodySize);
      return;
    }
    try {
      parser.feed(buffer);
    } catch (SseParser.TooLargeException e) {
      tooLarge(e.what(), e.option(), e.limit());
      return;
    }
    pump();
  }

  private void tooLarge(String what, String option, long limit) {
    terminate(
        errors.tooLarge(what, option, limit, response.statusCode(), accumulator.partialText()));
    response.request().reset();
  }

  /** The first choice's error, or a plain one for {@code finish_reason: error}; null if none. */
  private static @Nullable ApiError choiceError(ChatChunk chunk) {
    // A loop, not a stream pipeline: this runs for every chunk of every streamed answer.
    for (ChatChunk.Choice c : chunk.choices()) {
      if (c.error() != null) {
        return c.error();
      }
      if ("error".equals(c.finishReason())) {
        return new ApiError(null, "finish_reason error", null);
      }
    }
    return null;
  }

  private void onEvent(SseParser.Event event) {
    if (terminated) {
      return;
    }
    if (event.data().equals("[DONE]")) {
      terminate(null);
      return;
    }
    ChatChunk chunk;
    try {
      chunk = Json.readChunk(event.data());
    } catch (Exception e) {
      terminate(
          errors.invalid(
              "a stream event is not a chat chunk: " + errors.excerpt(event.data(), 200), e));
      return;
    }
    accumulator.accept(chunk);
    ApiError error = chunk.error();
    if (error == null) {
      error = choiceError(chunk);
    }
    if (error != null) {
      terminate(errors.fromApiError(error, 200, null, accumulator.partialText()));
    } else {
      pending.add(chunk);
    }
  }

  private void onWireEnd() {
    parser.end();
    if (terminated) {
      return;
    }
    if (accumulator.finished()) {
      terminate(null); // some servers end after the finish reason without [DONE]
    } else {
      terminate(
          errors.fromThrowable(
              new UncheckedIOException(
                  new java.io.EOFException(
                      "stream ended before [DONE] after " + accumulator.chunkCount() + " chunks")),
              accumulator.partialText()));
    }
  }

  private void onWireError(Throwable t) {
    if (!terminated) {
      terminate(errors.fromThrowable(t, accumulator.partialText()));
    }
  }

  private void terminate(@Nullable Throwable cause) {
    terminated = true;
    disarmIdle();
    failure = cause;
    permit.release();
    pump();
  }

  /** Completes {@link #result()} once the consumer has seen every chunk and the end. */
  private void completeResult() {
    if (failure != null) {
      result.tryFail(failure);
      return;
    }
    ChatResponse r = accumulator.toResponse();
    if (r.id() == null && generationId() != null) {
      r =
          new ChatResponse(
              generationId(),
              r.object(),
              r.created(),
              r.model(),
              r.provider(),
              r.choices(),
              r.usage(),
              r.systemFingerprint(),
              r.error(),
              r.serviceTier());
    }
    result.tryComplete(r);
  }

  private void pump() {
    if (emitting) {
      return;
    }
    emitting = true;
    try {
      while (started) {
        if (!pending.isEmpty()) {
          if (demand == 0) {
            break;
          }
          ChatChunk chunk = pending.poll();
          if (demand != Long.MAX_VALUE) {
            demand--;
          }
          Handler<ChatChunk> h = handler;
          if (h != null) {
            h.handle(chunk);
          }
        } else if (terminated && !terminalDelivered) {
          terminalDelivered = true;
          if (failure == null && endHandler != null) {
            endHandler.handle(null);
          } else if (failure != null && exceptionHandler != null) {
            exceptionHandler.handle(failure);
          }
          completeResult();
        } else {
          break;
        }
      }
    } finally {
      emitting = false;
    }
    updateWire();
  }

  private void updateWire() {
    // After the end, drain whatever the server still sends so the connection can be reused.
    if (terminated || (started && demand > 0 && pending.isEmpty())) {
      response.resume();
      if (!terminated && idleTimer < 0) {
        idleTimer = vertx.setTimer(idleTimeoutMs, id -> onIdle());
      }
    } else {
      response.pause();
      disarmIdle(); // a consumer that pauses is not a silent server
    }
  }

  private void onIdle() {
    idleTimer = -1;
    if (!terminated) {
      terminate(
          errors.fromThrowable(
              new TimeoutException("no data for " + idleTimeoutMs + " ms (idle timeout)"),
              accumulator.partialText()));
      response.request().reset();
    }
  }

  private void disarmIdle() {
    if (idleTimer >= 0) {
      vertx.cancelTimer(idleTimer);
      idleTimer = -1;
    }
  }
}
