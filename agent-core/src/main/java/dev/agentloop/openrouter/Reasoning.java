package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * Reasoning options. Use either {@code effort} or {@code maxTokens}, not both.
 *
 * @param effort {@code max}, {@code xhigh}, {@code high}, {@code medium}, {@code low}, {@code
 *     minimal} or {@code none}
 * @param maxTokens a reasoning token budget
 * @param exclude whether to leave reasoning out of the response
 * @param enabled turns reasoning on with default settings
 * @param summary {@code auto}, {@code concise} or {@code detailed}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reasoning(
    @Nullable String effort,
    @Nullable Integer maxTokens,
    @Nullable Boolean exclude,
    @Nullable Boolean enabled,
    @Nullable String summary) {

  /** Validates that effort and a token budget are not both set. */
  public Reasoning {
    if (effort != null && maxTokens != null) {
      throw new IllegalArgumentException("reasoning takes either effort or max_tokens, not both");
    }
  }

  /** Reasoning at an effort level. */
  public static Reasoning effort(String effort) {
    return new Reasoning(effort, null, null, null, null);
  }

  /** Reasoning with a token budget. */
  public static Reasoning maxTokens(int maxTokens) {
    return new Reasoning(null, maxTokens, null, null, null);
  }
}
