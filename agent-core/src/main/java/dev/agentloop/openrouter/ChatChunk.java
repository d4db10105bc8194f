package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One {@code data:} event of a streamed chat completion (OpenRouter's {@code ChatStreamChunk}). The
 * last chunk before {@code [DONE]} carries {@code usage} with empty {@code choices}.
 *
 * @param id the generation id
 * @param object {@code chat.completion.chunk}
 * @param created creation time, epoch seconds
 * @param model the model answering
 * @param provider the provider serving it
 * @param choices the increments
 * @param usage present on the final chunk
 * @param error an error that interrupted the stream
 * @param systemFingerprint the provider's fingerprint, if any
 * @param serviceTier the service tier the provider used, if reported
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatChunk(
    @Nullable String id,
    @Nullable String object,
    @Nullable Long created,
    @Nullable String model,
    @Nullable String provider,
    @Nullable List<Choice> choices,
    @Nullable Usage usage,
    @Nullable ApiError error,
    @Nullable String systemFingerprint,
    @Nullable String serviceTier) {

  /** Copies the list. */
  public ChatChunk {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  /** Creates a chunk without fingerprint and service tier (the form before they were kept). */
  public ChatChunk(
      @Nullable String id,
      @Nullable String object,
      @Nullable Long created,
      @Nullable String model,
      @Nullable String provider,
      @Nullable List<Choice> choices,
      @Nullable Usage usage,
      @Nullable ApiError error) {
    this(id, object, created, model, provider, choices, usage, error, null, null);
  }

  /**
   * One choice of a stream chunk.
   *
   * @param index position of the choice
   * @param delta the increment
   * @param finishReason set on the choice's last chunk
   * @param nativeFinishReason the provider's own finish reason
   * @param error an error for this choice
   * @param logprobs the log probabilities of this chunk's tokens, when asked for
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Choice(
      int index,
      @Nullable Delta delta,
      @Nullable String finishReason,
      @Nullable String nativeFinishReason,
      @Nullable ApiError error,
      @Nullable Logprobs logprobs) {

    /** Creates a choice without log probabilities. */
    public Choice(
        int index,
        @Nullable Delta delta,
        @Nullable String finishReason,
        @Nullable String nativeFinishReason,
        @Nullable ApiError error) {
      this(index, delta, finishReason, nativeFinishReason, error, null);
    }
  }
}
