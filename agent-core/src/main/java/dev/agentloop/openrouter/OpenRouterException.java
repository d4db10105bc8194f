package dev.agentloop.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.AgentException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A failed call to OpenRouter: an HTTP error, an error inside a 200 body or a stream, a timeout or
 * a transport failure. Its message says what happened and what to do; it never contains the API
 * key.
 */
public class OpenRouterException extends AgentException {

  private static final long serialVersionUID = 1L;

  /** What kind of failure this is, for callers that branch on it. */
  public enum Kind {
    /** 400: the request was malformed or used unsupported parameters. */
    BAD_REQUEST,
    /** 400 with a context-length error: the prompt is too long for the model. */
    CONTEXT_TOO_LONG,
    /** 401: the API key is missing or was rejected. */
    AUTH,
    /** 402: not enough credits. */
    INSUFFICIENT_CREDITS,
    /** 403: the input was flagged by moderation, or the key may not use this. */
    FORBIDDEN,
    /** 404: no such model, or no provider matched the request's constraints. */
    NOT_FOUND,
    /** 408 or a client-side timeout. */
    TIMEOUT,
    /** 429: rate limited. */
    RATE_LIMITED,
    /** 5xx, or an error reported by the upstream provider. */
    PROVIDER_ERROR,
    /** The connection failed or was dropped. */
    TRANSPORT,
    /** The call was cancelled by the caller. */
    CANCELLED,
    /** The response could not be understood. */
    INVALID_RESPONSE,
    /**
     * The response exceeded a size limit of {@link OpenRouterOptions} (body, stream, event-stream
     * line or event); never retried.
     */
    RESPONSE_TOO_LARGE
  }

  private final Kind kind;
  private final int statusCode;
  private final @Nullable JsonNode errorCode;
  private final @Nullable JsonNode metadata;
  private final boolean retryable;
  private final @Nullable Duration retryAfter;
  private final @Nullable String partialText;

  /**
   * Creates an exception.
   *
   * @param kind the kind of failure
   * @param message what happened and what to do
   * @param statusCode the HTTP status, or 0 when there was no response
   * @param errorCode OpenRouter's {@code error.code} (number or string), or null
   * @param metadata OpenRouter's {@code error.metadata}, or null
   * @param retryable whether retrying the same request may succeed
   * @param retryAfter the server's {@code Retry-After}, or null
   * @param partialText text streamed before the failure, or null
   * @param cause the underlying exception, or null
   */
  public OpenRouterException(
      Kind kind,
      String message,
      int statusCode,
      @Nullable JsonNode errorCode,
      @Nullable JsonNode metadata,
      boolean retryable,
      @Nullable Duration retryAfter,
      @Nullable String partialText,
      @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.metadata = metadata;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
    this.partialText = partialText;
  }

  /** The kind of failure. */
  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when no response arrived. */
  public int statusCode() {
    return statusCode;
  }

  /** OpenRouter's error code (a number or a string), or null. */
  public @Nullable JsonNode errorCode() {
    return errorCode;
  }

  /** OpenRouter's error metadata, or null. */
  public @Nullable JsonNode metadata() {
    return metadata;
  }

  /** The provider that failed, from the metadata, or null. */
  public @Nullable String providerName() {
    return metadata == null || !metadata.hasNonNull("provider_name")
        ? null
        : metadata.get("provider_name").asText();
  }

  /** The raw upstream error, from the metadata, or null. */
  public @Nullable String rawError() {
    if (metadata == null || !metadata.hasNonNull("raw")) {
      return null;
    }
    JsonNode raw = metadata.get("raw");
    return raw.isTextual() ? raw.asText() : raw.toString();
  }

  /** The moderation reasons, from the metadata; empty when none. */
  public List<String> moderationReasons() {
    if (metadata == null || !metadata.path("reasons").isArray()) {
      return List.of();
    }
    return java.util.stream.StreamSupport.stream(metadata.get("reasons").spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  /** Whether retrying the same request may succeed. */
  public boolean isRetryable() {
    return retryable;
  }

  /** The server's requested wait before retrying, or null. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /** The text streamed before a mid-stream failure, or null. */
  public @Nullable String partialText() {
    return partialText;
  }
}
