package dev.agentloop.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Describes one scripted HTTP answer of {@link FakeOpenRouter}: status, headers, a body or a list
 * of separately written parts (SSE frames or raw bytes), delays, and network failures expressed as
 * data ({@link SocketEffect}).
 *
 * <p>Instances are immutable; change a copy with {@link #newBuilder()}. Static factories cover the
 * shapes OpenRouter really produces:
 *
 * <pre>{@code
 * fake.enqueue(MockResponse.error(429, "Rate limit exceeded",
 *     new JsonObject().put("provider_name", "OpenAI").put("raw", "slow down"))
 *     .newBuilder().header("Retry-After", "2").build());
 * fake.enqueue(MockChat.streamText("Hello", 5).toResponse().newBuilder()
 *     .chunkDelay(Duration.ofMillis(20)).build());
 * fake.enqueue(MockResponse.builder().effect(SocketEffect.HANG).build());
 * }</pre>
 */
public final class MockResponse {

  /** Network behaviour of a response, like OkHttp MockWebServer's {@code SocketEffect}. */
  public enum SocketEffect {
    /** Answers normally. */
    NONE,
    /** Closes the connection as soon as the request has arrived, before any response byte. */
    DISCONNECT_BEFORE_RESPONSE,
    /**
     * Sends the headers and the first {@link #effectAfterParts()} parts (for a plain body: its
     * first half), then closes the connection.
     */
    DISCONNECT_MID_BODY,
    /** Never answers: no headers, no body, the connection stays open. For timeout tests. */
    HANG,
    /** Sends the headers and the first {@link #effectAfterParts()} parts, then goes silent. */
    STALL_MID_BODY
  }

  private final int status;
  private final MultiMap headers;
  private final @Nullable Buffer body;
  private final List<Buffer> parts;
  private final Duration headersDelay;
  private final Duration chunkDelay;
  private final SocketEffect effect;
  private final int effectAfterParts;
  private final @Nullable MockChat chat;

  private MockResponse(Builder b) {
    this.status = b.status;
    this.headers = MultiMap.caseInsensitiveMultiMap().addAll(b.headers);
    this.body = b.body == null ? null : b.body.copy();
    this.parts = List.copyOf(b.parts);
    this.headersDelay = b.headersDelay;
    this.chunkDelay = b.chunkDelay;
    this.effect = b.effect;
    this.effectAfterParts = b.effectAfterParts;
    this.chat = b.chat;
  }

  /** Returns an empty builder: status 200, no headers, no body. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a response that serves {@code chat} as JSON or as a stream, as the request asks. */
  public static MockResponse chat(MockChat chat) {
    return builder().chat(chat).build();
  }

  /** Returns a response with {@code status} and the JSON {@code body}. */
  public static MockResponse json(int status, JsonObject body) {
    return builder().status(status).jsonBody(body).build();
  }

  /**
   * Returns OpenRouter's error envelope {@code {"error":{"code":status,"message":..}}} with HTTP
   * status {@code status}.
   *
   * @param metadata optional {@code error.metadata}, e.g. {@code provider_name}, {@code raw},
   *     {@code error_type}, moderation {@code reasons}; null to omit it
   */
  public static MockResponse error(int status, String message, @Nullable JsonObject metadata) {
    return json(status, errorBody(status, message, metadata));
  }

  /** Returns {@link #error(int, String, JsonObject)} without metadata. */
  public static MockResponse error(int status, String message) {
    return error(status, message, null);
  }

  /**
   * Returns a 429 "Rate limit exceeded" error with a {@code Retry-After} header of {@code
   * retryAfterSeconds} and metadata {@code error_type: rate_limit_exceeded}.
   */
  public static MockResponse rateLimited(int retryAfterSeconds) {
    return error(
            429, "Rate limit exceeded", new JsonObject().put("error_type", "rate_limit_exceeded"))
        .newBuilder()
        .header("Retry-After", Integer.toString(retryAfterSeconds))
        .build();
  }

  /**
   * Returns status 200 with a top-level error and no choices, as OpenRouter sends when a provider
   * fails after routing: {@code {"error":{"code":code,"message":..,"metadata":..},"user_id":..}}.
   */
  public static MockResponse errorInBody(int code, String message, @Nullable JsonObject metadata) {
    return json(200, errorBody(code, message, metadata).put("user_id", "user_fake"));
  }

  /** Returns a {@code text/event-stream} answer with one {@code data: <d>} event per payload. */
  public static MockResponse sseEvents(String... data) {
    Builder b = builder().header("Content-Type", "text/event-stream");
    for (String d : data) {
      b.part("data: " + d + "\n\n");
    }
    return b.build();
  }

  /** Returns a {@code text/event-stream} answer writing each frame verbatim (malformed SSE). */
  public static MockResponse sseFrames(String... frames) {
    Builder b = builder().header("Content-Type", "text/event-stream");
    Arrays.stream(frames).forEach(b::part);
    return b.build();
  }

  /**
   * Returns a {@code text/event-stream} answer writing each buffer verbatim as its own write, to
   * test parsers against arbitrary boundaries (inside a UTF-8 sequence, between CR and LF). Combine
   * with {@link Builder#chunkDelay(Duration)} so the parts arrive as separate reads.
   */
  public static MockResponse rawParts(Buffer... parts) {
    Builder b = builder().header("Content-Type", "text/event-stream");
    Arrays.stream(parts).forEach(b::part);
    return b.build();
  }

  /** Returns OpenRouter's error envelope as JSON. */
  public static JsonObject errorBody(int code, String message, @Nullable JsonObject metadata) {
    JsonObject error = new JsonObject().put("code", code).put("message", message);
    if (metadata != null) {
      error.put("metadata", metadata.copy());
    }
    return new JsonObject().put("error", error);
  }

  /** Returns a builder initialised with this response. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** HTTP status code. */
  public int status() {
    return status;
  }

  /** A copy of the response headers. */
  public MultiMap headers() {
    return MultiMap.caseInsensitiveMultiMap().addAll(headers);
  }

  /** A copy of the body, or null when the response has parts or nothing. */
  public @Nullable Buffer body() {
    return body == null ? null : body.copy();
  }

  /** The parts written one by one after the headers (SSE frames or raw bytes); may be empty. */
  public List<Buffer> parts() {
    return parts.stream().map(Buffer::copy).toList();
  }

  /** Delay before the status line and headers are sent. */
  public Duration headersDelay() {
    return headersDelay;
  }

  /** Delay before each part after the first (for a chat stream: each SSE frame). */
  public Duration chunkDelay() {
    return chunkDelay;
  }

  /** Network failure to inject. */
  public SocketEffect effect() {
    return effect;
  }

  /** Number of parts sent before a mid-body effect takes place. */
  public int effectAfterParts() {
    return effectAfterParts;
  }

  /** The chat answer this response renders, or null for a literal response. */
  public @Nullable MockChat chat() {
    return chat;
  }

  /**
   * Returns the literal response served for a request: a chat answer becomes a JSON body or SSE
   * parts (as {@code stream} says) with {@code Content-Type} and {@code X-Generation-Id} headers;
   * delays, effects and extra headers are kept. A literal response is returned unchanged.
   */
  public MockResponse renderFor(boolean stream) {
    if (chat == null) {
      return this;
    }
    Builder b = newBuilder();
    b.chat = null;
    b.header("X-Generation-Id", chat.id());
    if (stream) {
      b.header("Content-Type", "text/event-stream").header("Cache-Control", "no-cache");
      chat.toSseFrames().forEach(b::part);
    } else {
      b.jsonBody(chat.toJson());
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "MockResponse["
        + status
        + (chat != null ? ", " + chat : "")
        + (effect != SocketEffect.NONE ? ", " + effect : "")
        + "]";
  }

  /** Builds a {@link MockResponse}; not thread-safe. */
  public static final class Builder {
    private int status = 200;
    private final MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    private @Nullable Buffer body;
    private final List<Buffer> parts = new ArrayList<>();
    private Duration headersDelay = Duration.ZERO;
    private Duration chunkDelay = Duration.ZERO;
    private SocketEffect effect = SocketEffect.NONE;
    private int effectAfterParts;
    private @Nullable MockChat chat;

    private Builder() {}

    private Builder(MockResponse r) {
      status = r.status;
      headers.addAll(r.headers);
      body = r.body;
      parts.addAll(r.parts);
      headersDelay = r.headersDelay;
      chunkDelay = r.chunkDelay;
      effect = r.effect;
      effectAfterParts = r.effectAfterParts;
      chat = r.chat;
    }

    /** Sets the HTTP status code. */
    public Builder status(int status) {
      if (status < 100 || status > 999) {
        throw new IllegalArgumentException("status must be a 3-digit code: " + status);
      }
      this.status = status;
      return this;
    }

    /** Adds a header; earlier values of the same name are kept. */
    public Builder header(String name, String value) {
      headers.add(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** Sets the body and clears the parts. */
    public Builder body(Buffer body) {
      this.body = body.copy();
      parts.clear();
      return this;
    }

    /** Sets a JSON body and {@code Content-Type: application/json}. */
    public Builder jsonBody(JsonObject body) {
      headers.set("Content-Type", "application/json");
      return body(body.toBuffer());
    }

    /** Appends a part written on its own after the headers; clears the body. */
    public Builder part(Buffer part) {
      parts.add(part.copy());
      body = null;
      return this;
    }

    /** Appends a UTF-8 part, e.g. a complete SSE frame {@code "data: {...}\n\n"}. */
    public Builder part(String part) {
      return part(Buffer.buffer(part));
    }

    /** Sets the delay before the headers are sent (uses a Vert.x timer, never sleeps). */
    public Builder headersDelay(Duration delay) {
      this.headersDelay = nonNegative(delay, "headersDelay");
      return this;
    }

    /** Sets the delay between parts (uses a Vert.x timer, never sleeps). */
    public Builder chunkDelay(Duration delay) {
      this.chunkDelay = nonNegative(delay, "chunkDelay");
      return this;
    }

    /** Sets a network effect that needs no part count. */
    public Builder effect(SocketEffect effect) {
      return effect(effect, 0);
    }

    /** Sets a network effect; mid-body effects act after {@code afterParts} parts. */
    public Builder effect(SocketEffect effect, int afterParts) {
      if (afterParts < 0) {
        throw new IllegalArgumentException("afterParts must be >= 0: " + afterParts);
      }
      this.effect = Objects.requireNonNull(effect, "effect == null");
      this.effectAfterParts = afterParts;
      return this;
    }

    /** Makes this response render {@code chat} (see {@link MockResponse#renderFor(boolean)}). */
    public Builder chat(MockChat chat) {
      this.chat = Objects.requireNonNull(chat, "chat == null");
      return this;
    }

    /** Returns the immutable response. */
    public MockResponse build() {
      return new MockResponse(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must be >= 0: " + d);
      }
      return d;
    }
  }
}
