package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A non-streaming chat completion (OpenRouter's {@code ChatResult}), or the same rebuilt from a
 * stream.
 *
 * @param id the generation id ({@code gen-...}), usable with {@code /generation}
 * @param object {@code chat.completion}
 * @param created creation time, epoch seconds
 * @param model the model that actually answered (may differ from the requested one)
 * @param provider the provider that served it
 * @param choices the choices; usually one
 * @param usage token counts and cost
 * @param systemFingerprint provider fingerprint, if any
 * @param error a top-level error in an HTTP 200 body
 * @param serviceTier the service tier the provider used, if reported
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatResponse(
    @Nullable String id,
    @Nullable String object,
    @Nullable Long created,
    @Nullable String model,
    @Nullable String provider,
    @Nullable List<Choice> choices,
    @Nullable Usage usage,
    @Nullable String systemFingerprint,
    @Nullable ApiError error,
    @Nullable String serviceTier) {

  /** Copies the list. */
  public ChatResponse {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  /** Creates a response without service tier (the form before it was kept). */
  public ChatResponse(
      @Nullable String id,
      @Nullable String object,
      @Nullable Long created,
      @Nullable String model,
      @Nullable String provider,
      @Nullable List<Choice> choices,
      @Nullable Usage usage,
      @Nullable String systemFingerprint,
      @Nullable ApiError error) {
    this(id, object, created, model, provider, choices, usage, systemFingerprint, error, null);
  }

  /** The first choice's message; fails with {@link IllegalStateException} when there is none. */
  public Message message() {
    if (choices == null || choices.isEmpty() || choices.get(0).message() == null) {
      throw new IllegalStateException("response has no message: " + id);
    }
    return choices.get(0).message();
  }

  /** The first choice's finish reason, or null. */
  public @Nullable String finishReason() {
    return choices == null || choices.isEmpty() ? null : choices.get(0).finishReason();
  }
}
