package dev.agentloop.openrouter.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.agentloop.openrouter.ApiError;
import dev.agentloop.openrouter.OpenRouterException;
import dev.agentloop.openrouter.OpenRouterException.Kind;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Turns every failure (an HTTP error status, an error inside a 200 body or a stream chunk, a
 * timeout, a transport failure) into an {@link OpenRouterException} whose message says what
 * happened and what to do. Every message is scrubbed of the API key.
 *
 * <p>Thread-safe and stateless apart from the key.
 */
public final class ErrorMapper {

  private final @Nullable String apiKey;

  /** Creates a mapper that scrubs the given key from messages. */
  public ErrorMapper(@Nullable String apiKey) {
    this.apiKey = apiKey;
  }

  /** Maps a non-2xx response. */
  public OpenRouterException fromHttp(int status, @Nullable String retryAfter, Buffer body) {
    ApiError error = Json.readError(body);
    if (error == null) {
      // Scrubbed before it is cut, so that a key straddling the cut cannot survive in part.
      String text = excerpt(body.toString(), 500);
      error = new ApiError(null, text.isBlank() ? null : text, null);
    }
    return fromApiError(error, status, parseRetryAfter(retryAfter), null);
  }

  /**
   * Maps an error object (from an error response, a 200 body or a stream chunk).
   *
   * @param status the HTTP status, or 0 to take it from the error's code
   * @param partialText text produced before the error, or null
   */
  public OpenRouterException fromApiError(
      ApiError error, int status, @Nullable Duration retryAfter, @Nullable String partialText) {
    int code = status != 0 && status != 200 ? status : error.status();
    String type = error.type();
    Kind kind = kindOf(code, type, error.message());
    boolean retryable = retryable(code, kind, error.availability());
    if (retryAfter == null
        && error.availability() != null
        && error.availability().path("retry_after").isNumber()) {
      retryAfter =
          Duration.ofMillis((long) (error.availability().get("retry_after").asDouble() * 1000));
    }
    String where = status == 200 ? " (inside a 200 response)" : "";
    String message =
        (code == 0 ? "error from OpenRouter" : code + " from OpenRouter")
            + where
            + ": "
            + advice(kind, code, retryAfter)
            + said(error);
    return create(
        kind,
        message,
        code,
        error.code(),
        error.metadata(),
        retryable,
        retryAfter,
        partialText,
        null);
  }

  /** Maps a client-side failure: a timeout, a refused or dropped connection. */
  public OpenRouterException fromThrowable(Throwable t, @Nullable String partialText) {
    if (t instanceof OpenRouterException e) {
      return e;
    }
    String cause = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    if (t instanceof TimeoutException) {
      return create(
          Kind.TIMEOUT,
          "no response from OpenRouter in time ("
              + cause
              + ") — the model may be slow or the network stalled; raise "
              + "OpenRouterOptions idleTimeout/requestTimeout, or stream the response",
          0,
          null,
          null,
          true,
          null,
          partialText,
          t);
    }
    String what =
        t instanceof ConnectException
            ? "could not connect to OpenRouter"
            : t instanceof HttpClosedException || t instanceof StreamResetException
                ? "the connection to OpenRouter was closed before the response was complete"
                : "the connection to OpenRouter failed";
    return create(
        Kind.TRANSPORT,
        what
            + " ("
            + cause
            + ") — check the network and OPENROUTER_BASE_URL; the call may be retried",
        0,
        null,
        null,
        true,
        null,
        partialText,
        t);
  }

  /** Maps a response that could not be understood. */
  public OpenRouterException invalid(String what, @Nullable Throwable cause) {
    return create(
        Kind.INVALID_RESPONSE,
        "invalid response from OpenRouter: "
            + what
            + " — check that OPENROUTER_BASE_URL points at an OpenAI-compatible API",
        0,
        null,
        null,
        false,
        null,
        null,
        cause);
  }

  /**
   * Maps a response that exceeded a size limit; never retryable, since the same request would most
   * likely produce the same response.
   *
   * @param what what was too large, e.g. "the response body"
   * @param option the {@code OpenRouterOptions} setting that holds the limit
   * @param limit the limit in bytes
   * @param status the HTTP status of the response
   * @param partialText text streamed before the failure, or null
   */
  public OpenRouterException tooLarge(
      String what, String option, long limit, int status, @Nullable String partialText) {
    return create(
        Kind.RESPONSE_TOO_LARGE,
        what
            + " from OpenRouter is larger than "
            + limit
            + " bytes — the server misbehaves, or raise OpenRouterOptions "
            + option
            + " if such responses are expected",
        status,
        null,
        null,
        false,
        null,
        partialText,
        null);
  }

  /** Maps a cancellation by the caller; the text streamed so far is kept, scrubbed. */
  public OpenRouterException cancelled(@Nullable String partialText) {
    return create(
        Kind.CANCELLED,
        "stream cancelled by the caller",
        0,
        null,
        null,
        false,
        null,
        partialText,
        null);
  }

  /** Removes the API key from a text. */
  public String scrub(String text) {
    return apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, "<redacted>");
  }

  /** Returns the text scrubbed, then cut to {@code max} characters (with "..." when cut). */
  public String excerpt(String text, int max) {
    String clean = scrub(text);
    return clean.length() > max ? clean.substring(0, max) + "..." : clean;
  }

  /**
   * Creates the exception with every part that may carry server-sent text scrubbed of the key: the
   * message, the error code, the metadata (values and field names, at any depth, so {@code
   * rawError()} and {@code providerName()} too) and the partial text.
   */
  private OpenRouterException create(
      Kind kind,
      String message,
      int status,
      @Nullable JsonNode errorCode,
      @Nullable JsonNode metadata,
      boolean retryable,
      @Nullable Duration retryAfter,
      @Nullable String partialText,
      @Nullable Throwable cause) {
    return new OpenRouterException(
        kind,
        scrub(message),
        status,
        scrub(errorCode),
        scrub(metadata),
        retryable,
        retryAfter,
        partialText == null ? null : scrub(partialText),
        cause);
  }

  private @Nullable JsonNode scrub(@Nullable JsonNode node) {
    if (node == null || apiKey == null || apiKey.isEmpty() || !node.toString().contains(apiKey)) {
      return node;
    }
    return scrubTree(node);
  }

  private JsonNode scrubTree(JsonNode node) {
    if (node.isTextual()) {
      return TextNode.valueOf(scrub(node.asText()));
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(child -> copy.add(scrubTree(child)));
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> copy.set(scrub(e.getKey()), scrubTree(e.getValue())));
      return copy;
    }
    return node;
  }

  /** Parses a {@code Retry-After} header: delay seconds or an HTTP date; null when absent/bad. */
  public static @Nullable Duration parseRetryAfter(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(v) * 1000)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException notDate) {
        return null;
      }
    }
  }

  private static Kind kindOf(int code, @Nullable String type, @Nullable String message) {
    if ("context_length_exceeded".equals(type)
        || "token_limit_exceeded".equals(type)
        || (message != null && message.toLowerCase().contains("context length"))) {
      return Kind.CONTEXT_TOO_LONG;
    }
    return switch (code) {
      case 400, 413, 422 -> Kind.BAD_REQUEST;
      case 401 -> Kind.AUTH;
      case 402 -> Kind.INSUFFICIENT_CREDITS;
      case 403 -> Kind.FORBIDDEN;
      case 404 -> Kind.NOT_FOUND;
      case 408 -> Kind.TIMEOUT;
      case 429 -> Kind.RATE_LIMITED;
      default ->
          "rate_limit_exceeded".equals(type)
              ? Kind.RATE_LIMITED
              : "timeout".equals(type) ? Kind.TIMEOUT : Kind.PROVIDER_ERROR;
    };
  }

  private static boolean retryable(int code, Kind kind, @Nullable JsonNode availability) {
    if (availability != null && availability.path("retryable").isBoolean()) {
      return availability.get("retryable").asBoolean();
    }
    if (availability != null && availability.hasNonNull("code")) {
      return switch (availability.get("code").asText()) {
        case "model_not_found",
            "wrong_endpoint",
            "no_endpoints",
            "model_deprecated",
            "model_unavailable_upstream",
            "privacy_restricted",
            "constraint_filtered",
            "free_variant_ended",
            "region_restricted" ->
            false;
        default -> true; // unknown availability codes: OpenRouter says treat as retryable
      };
    }
    return switch (kind) {
      case TIMEOUT, RATE_LIMITED, PROVIDER_ERROR, TRANSPORT -> true;
      default -> code >= 500;
    };
  }

  private static String advice(Kind kind, int code, @Nullable Duration retryAfter) {
    return switch (kind) {
      case CONTEXT_TOO_LONG ->
          "the prompt is longer than the model's context window — shorten the"
              + " conversation, lower max_tokens, or pick a model with a larger context_length";
      case BAD_REQUEST ->
          (code == 413 ? "the request is too large" : "the request was rejected as" + " invalid")
              + " — check the model id and the request parameters; do not retry unchanged";
      case AUTH ->
          "the API key is missing or was rejected — set OPENROUTER_API_KEY to a valid key"
              + " from https://openrouter.ai/settings/keys";
      case INSUFFICIENT_CREDITS ->
          "insufficient credits — add credits at"
              + " https://openrouter.ai/settings/credits or lower max_tokens (the credit check reserves"
              + " max_tokens, or the model's maximum output when max_tokens is not set)";
      case FORBIDDEN ->
          "the request was refused (moderation flag, guardrail, region or missing"
              + " permission) — change the input, or the key's guardrail and permission settings";
      case NOT_FOUND ->
          "no model or provider endpoint matches the request — check the model id,"
              + " whether its providers support tools/tool_choice, and provider preferences (only,"
              + " ignore, max_price, data_collection, zdr)";
      case TIMEOUT -> "the request timed out upstream — retry, or lower max_tokens";
      case RATE_LIMITED ->
          "rate limited"
              + (retryAfter == null ? "" : " (retry after " + retryAfter.toMillis() + " ms)")
              + " — wait and retry with backoff, lower concurrency (OpenRouterOptions maxInFlight),"
              + " or add fallback models; :free models allow 20 requests/minute";
      default ->
          code == 503
              ? "no provider is available or they are overloaded — retry later, add fallback models"
                  + " (models), or relax provider preferences"
              : "the provider or OpenRouter failed — retry, add fallback models (models), or allow"
                  + " provider fallbacks";
    };
  }

  private String said(ApiError error) {
    StringBuilder sb = new StringBuilder();
    if (error.message() != null && !error.message().isBlank()) {
      sb.append(". OpenRouter said: \"").append(error.message()).append('"');
    }
    JsonNode meta = error.metadata();
    if (meta != null) {
      if (meta.hasNonNull("provider_name")) {
        sb.append(" (provider ").append(meta.get("provider_name").asText()).append(')');
      }
      if (meta.hasNonNull("raw")) {
        JsonNode raw = meta.get("raw");
        String r = raw.isTextual() ? raw.asText() : raw.toString();
        sb.append(" upstream: ").append(excerpt(r, 300));
      }
      if (meta.path("reasons").isArray() && !meta.get("reasons").isEmpty()) {
        sb.append(" moderation reasons: ").append(meta.get("reasons"));
      }
    }
    return sb.toString();
  }
}
