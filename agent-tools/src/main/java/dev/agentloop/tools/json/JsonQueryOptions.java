package dev.agentloop.tools.json;

import java.util.Objects;

/** Size and work caps for {@link JsonQuery}. Mutable; the tool copies the options it receives. */
public class JsonQueryOptions {

  /** Default maximum size of a JSON document, in characters: {@value} (4 Mi). */
  public static final int DEFAULT_MAX_JSON_CHARS = 4 * 1024 * 1024;

  /** Default maximum size of a result, in characters: {@value}. */
  public static final int DEFAULT_MAX_RESULT_CHARS = 20_000;

  /** Default maximum nesting depth of a JSON document: {@value}. */
  public static final int DEFAULT_MAX_JSON_DEPTH = 256;

  /** Default maximum length of a JsonPath or JSON Pointer expression, in characters: {@value}. */
  public static final int DEFAULT_MAX_PATH_CHARS = 1000;

  /** Default maximum number of node visits of one JsonPath evaluation: {@value}. */
  public static final long DEFAULT_MAX_STEPS = 1_000_000;

  /** Default maximum number of values a JsonPath may match: {@value}. */
  public static final int DEFAULT_MAX_MATCHES = 10_000;

  private int maxJsonChars = DEFAULT_MAX_JSON_CHARS;
  private int maxResultChars = DEFAULT_MAX_RESULT_CHARS;
  private int maxJsonDepth = DEFAULT_MAX_JSON_DEPTH;
  private int maxPathChars = DEFAULT_MAX_PATH_CHARS;
  private long maxSteps = DEFAULT_MAX_STEPS;
  private int maxMatches = DEFAULT_MAX_MATCHES;

  /** Creates options with the defaults. */
  public JsonQueryOptions() {}

  /** Creates a copy of {@code other}. */
  public JsonQueryOptions(JsonQueryOptions other) {
    Objects.requireNonNull(other, "other == null");
    maxJsonChars = other.maxJsonChars;
    maxResultChars = other.maxResultChars;
    maxJsonDepth = other.maxJsonDepth;
    maxPathChars = other.maxPathChars;
    maxSteps = other.maxSteps;
    maxMatches = other.maxMatches;
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

  /** Maximum nesting depth of a JSON document. */
  public int getMaxJsonDepth() {
    return maxJsonDepth;
  }

  /**
   * Sets the maximum nesting depth of a JSON document; deeper documents are refused while parsing.
   *
   * @throws IllegalArgumentException if not positive
   */
  public JsonQueryOptions setMaxJsonDepth(int maxJsonDepth) {
    if (maxJsonDepth <= 0) {
      throw new IllegalArgumentException("maxJsonDepth must be > 0: " + maxJsonDepth);
    }
    this.maxJsonDepth = maxJsonDepth;
    return this;
  }

  /** Maximum length of a JsonPath or JSON Pointer expression. */
  public int getMaxPathChars() {
    return maxPathChars;
  }

  /**
   * Sets the maximum length of a JsonPath or JSON Pointer expression, in characters; longer ones
   * are refused before parsing.
   *
   * @throws IllegalArgumentException if not positive
   */
  public JsonQueryOptions setMaxPathChars(int maxPathChars) {
    if (maxPathChars <= 0) {
      throw new IllegalArgumentException("maxPathChars must be > 0: " + maxPathChars);
    }
    this.maxPathChars = maxPathChars;
    return this;
  }

  /** Maximum number of node visits one JsonPath evaluation may make. */
  public long getMaxSteps() {
    return maxSteps;
  }

  /**
   * Sets the maximum number of node visits one JsonPath evaluation may make; it bounds deep scans,
   * wildcards, unions and filters, and an evaluation that needs more fails.
   *
   * @throws IllegalArgumentException if not positive
   */
  public JsonQueryOptions setMaxSteps(long maxSteps) {
    if (maxSteps <= 0) {
      throw new IllegalArgumentException("maxSteps must be > 0: " + maxSteps);
    }
    this.maxSteps = maxSteps;
    return this;
  }

  /** Maximum number of values a JsonPath may match. */
  public int getMaxMatches() {
    return maxMatches;
  }

  /**
   * Sets the maximum number of values a JsonPath may match; an evaluation that matches more fails.
   *
   * @throws IllegalArgumentException if not positive
   */
  public JsonQueryOptions setMaxMatches(int maxMatches) {
    if (maxMatches <= 0) {
      throw new IllegalArgumentException("maxMatches must be > 0: " + maxMatches);
    }
    this.maxMatches = maxMatches;
    return this;
  }
}
