package dev.agentloop.agent;

import dev.agentloop.openrouter.Logprobs;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One model round trip of a run and the tool calls it led to.
 *
 * @param index the step number, from 1
 * @param kind why the request was made
 * @param requestedModel the model the request asked for
 * @param model the model that answered ({@code response.model}), or null when unknown
 * @param message the assistant message exactly as received
 * @param finishReason the response's finish reason, or null
 * @param toolCalls the step's tool calls in the order of the message's {@code tool_calls}
 * @param usage the step's token counts and cost
 * @param duration the time from request to the last tool result
 * @param provider the provider that served the answer ({@code response.provider}), or null
 * @param systemFingerprint the provider's fingerprint, or null
 * @param serviceTier the service tier the provider used, or null
 * @param logprobs the log probabilities of the answer's tokens, when the request asked for them
 */
public record Step(
    int index,
    Kind kind,
    @Nullable String requestedModel,
    @Nullable String model,
    Message message,
    @Nullable String finishReason,
    List<ToolExecution> toolCalls,
    Usage usage,
    Duration duration,
    @Nullable String provider,
    @Nullable String systemFingerprint,
    @Nullable String serviceTier,
    @Nullable Logprobs logprobs) {

  /** Why a step's request was made. */
  public enum Kind {
    /** A regular iteration of the loop. */
    ITERATION,
    /** A request asking the model to correct an invalid structured answer. */
    OUTPUT_REPAIR,
    /** The last request with {@code tool_choice: "none"} at the iteration cap. */
    FINAL_ANSWER
  }

  /** Validates the components and copies the list. */
  public Step {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(message, "message == null");
    toolCalls = List.copyOf(toolCalls);
    Objects.requireNonNull(usage, "usage == null");
    Objects.requireNonNull(duration, "duration == null");
  }

  /** Creates a step without provider details (the form before they were kept). */
  public Step(
      int index,
      Kind kind,
      @Nullable String requestedModel,
      @Nullable String model,
      Message message,
      @Nullable String finishReason,
      List<ToolExecution> toolCalls,
      Usage usage,
      Duration duration) {
    this(
        index,
        kind,
        requestedModel,
        model,
        message,
        finishReason,
        toolCalls,
        usage,
        duration,
        null,
        null,
        null,
        null);
  }
}
