package dev.agentloop.tools.json;

import java.util.Objects;

/** Size caps for {@link JsonQuery}. Mutable; the tool copies the options it receives. */
public class JsonQueryOptions {

  /** Default maximum size of a JSON document, in characters: {@value} (4 Mi). */
  public static final int DEFAULT_MAX_JSON_CHARS = 4 * 1024 * 1024;

  /** Default maximum size of a result, in characters: {@value}. */
  public static final int DEFAULT_MAX_RESULT_CHARS = 20_000;

  private int maxJsonChars = DEFAULT_MAX_JSON_CHARS;
  private int maxResultChars = DEFAULT_MAX_RESULT_CHARS;

  /** Creates options with the defaults. */
  public JsonQueryOptions() {}

  /** Creates a copy of {@code other}. */
  public JsonQueryOptions(JsonQueryOptions other) {
    Objects.requireNonNull(other, "other == null");
    maxJsonChars = other.maxJsonChars;
    maxResultChars = other.maxResultChars;
  }

  /** Maximum size of a JSON document, in characters. */
  public int getMaxJsonChars() {
    return maxJsonChars;
  }

  /**
   * Sets the maximum size of a JSON document, in characters; larger documents are refused.
   *
   * @throws IllegalArgumentException if not positive
   */
  public JsonQueryOptions setMaxJsonChars(int maxJsonChars) {
    if (maxJsonChars <= 0) {
      throw new IllegalArgumentException("maxJsonChars must be > 0: " + maxJsonChars);
    }
    this.maxJsonChars = maxJsonChars;
    return this;
  }

  /** Maximum size of a result, in characters. */
  public int getMaxResultChars() {
    return maxResultChars;
  }

  /**
   * Sets the maximum size of a result, in characters; longer results are cut and marked.
   *
   * @throws IllegalArgumentException if not positive
   */
  public JsonQueryOptions setMaxResultChars(int maxResultChars) {
    if (maxResultChars <= 0) {
      throw new IllegalArgumentException("maxResultChars must be > 0: " + maxResultChars);
    }
    this.maxResultChars = maxResultChars;
    return this;
  }
}
