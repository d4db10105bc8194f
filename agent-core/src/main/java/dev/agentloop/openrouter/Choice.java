package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * One choice of a non-streaming chat response.
 *
 * @param index position of the choice
 * @param message the assistant message
 * @param finishReason {@code stop}, {@code tool_calls}, {@code length}, {@code content_filter},
 *     {@code error}, or null
 * @param nativeFinishReason the provider's own finish reason
 * @param error the error, when {@code finish_reason} is {@code error}
 * @param logprobs the log probabilities of the tokens, when asked for
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Choice(
    int index,
    @Nullable Message message,
    @Nullable String finishReason,
    @Nullable String nativeFinishReason,
    @Nullable ApiError error,
    @Nullable Logprobs logprobs) {

  /** Creates a choice without log probabilities. */
  public Choice(
      int index,
      @Nullable Message message,
      @Nullable String finishReason,
      @Nullable String nativeFinishReason,
      @Nullable ApiError error) {
    this(index, message, finishReason, nativeFinishReason, error, null);
  }
}
