package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * OpenRouter's error object, as found in error responses, in 200 bodies and inside stream chunks.
 *
 * @param code a number (usually the HTTP status) or a string code
 * @param message the human-readable message
 * @param metadata provider name, raw upstream error, error type, moderation reasons; may be null
 * @param availability model-availability details ({@code code}, {@code retryable}, {@code
 *     retry_after}, ...), on routing failures; may be null
 * @param errorType the typed error code ({@code rate_limit_exceeded}, ...) when sent at top level
 * @param httpStatus the HTTP status the error stands for, when sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(
    @Nullable JsonNode code,
    @Nullable String message,
    @Nullable JsonNode metadata,
    @Nullable JsonNode availability,
    @Nullable String errorType,
    @Nullable Integer httpStatus) {

  /** Creates an error with code, message and metadata only. */
  public ApiError(@Nullable JsonNode code, @Nullable String message, @Nullable JsonNode metadata) {
    this(code, message, metadata, null, null, null);
  }

  /** Returns the typed error code: {@code error_type} at top level or in the metadata, or null. */
  public @Nullable String type() {
    if (errorType != null) {
      return errorType;
    }
    return metadata != null && metadata.hasNonNull("error_type")
        ? metadata.get("error_type").asText()
        : null;
  }

  /** Returns the HTTP-like status: {@code http_status}, or a numeric {@code code}, or 0. */
  public int status() {
    if (httpStatus != null) {
      return httpStatus;
    }
    if (code != null && code.canConvertToInt() && code.isNumber()) {
      return code.asInt();
    }
    if (code != null && code.isTextual() && code.asText().matches("\\d{3}")) {
      return Integer.parseInt(code.asText());
    }
    return 0;
  }
}
