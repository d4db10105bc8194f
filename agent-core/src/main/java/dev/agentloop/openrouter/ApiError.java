package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * OpenRouter's error object, as found in error responses, in 200 bodies and inside stream chunks.
 *
 * @param code a number (usually the HTTP status) or a string code
 * @param message the human-readable message
 * @param metadata provider name, raw upstream error, error type, moderation reasons; may be null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(@Nullable JsonNode code, @Nullable String message, @Nullable JsonNode metadata) {}
