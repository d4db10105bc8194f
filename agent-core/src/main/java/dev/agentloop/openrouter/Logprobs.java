package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The log probabilities of a choice's tokens, returned when the request sets {@code logprobs}
 * ({@link ChatParameters#logprobs()}, with {@link ChatParameters#topLogprobs()} alternatives per
 * token).
 *
 * @param content the content tokens, in order; empty when none
 * @param refusal the refusal tokens, in order; empty when none
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Logprobs(List<TokenLogprob> content, List<TokenLogprob> refusal) {

  /** Copies the lists; null means empty. */
  public Logprobs {
    content = content == null ? List.of() : List.copyOf(content);
    refusal = refusal == null ? List.of() : List.copyOf(refusal);
  }

  /** Returns these log probabilities followed by {@code more} (stream chunks are concatenated). */
  public Logprobs plus(@Nullable Logprobs more) {
    if (more == null) {
      return this;
    }
    List<TokenLogprob> c = new ArrayList<>(content);
    c.addAll(more.content);
    List<TokenLogprob> r = new ArrayList<>(refusal);
    r.addAll(more.refusal);
    return new Logprobs(c, r);
  }

  /**
   * One token and its log probability.
   *
   * @param token the token
   * @param logprob its log probability
   * @param bytes its UTF-8 bytes, or null
   * @param topLogprobs the most likely alternatives at this position; empty when not asked for
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TokenLogprob(
      String token,
      double logprob,
      @Nullable List<Integer> bytes,
      @Nullable List<TopLogprob> topLogprobs) {

    /** Copies the lists. */
    public TokenLogprob {
      bytes = bytes == null ? null : List.copyOf(bytes);
      topLogprobs = topLogprobs == null ? List.of() : List.copyOf(topLogprobs);
    }
  }

  /**
   * An alternative token at one position.
   *
   * @param token the token
   * @param logprob its log probability
   * @param bytes its UTF-8 bytes, or null
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TopLogprob(String token, double logprob, @Nullable List<Integer> bytes) {

    /** Copies the list. */
    public TopLogprob {
      bytes = bytes == null ? null : List.copyOf(bytes);
    }
  }
}
