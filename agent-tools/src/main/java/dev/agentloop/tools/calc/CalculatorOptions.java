package dev.agentloop.tools.calc;

import java.util.Objects;

/** Limits for {@link Calculator}. Mutable; the calculator copies the options it receives. */
public class CalculatorOptions {

  /** Default maximum expression length in characters: {@value}. */
  public static final int DEFAULT_MAX_EXPRESSION_LENGTH = 1000;

  /** Default maximum absolute integer exponent accepted by {@code ^}: {@value}. */
  public static final int DEFAULT_MAX_EXPONENT = 10_000;

  /** Default maximum nesting depth of parentheses and function calls: {@value}. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  /**
   * Default maximum decimal exponent of any number or intermediate result: {@value}, so values
   * range from {@code 1e-10000} to {@code 1e10000}.
   */
  public static final int DEFAULT_MAX_MAGNITUDE = 10_000;

  /** Upper bound accepted by {@link #setMaxMagnitude(int)}: {@value}. */
  public static final int MAX_MAGNITUDE_LIMIT = 1_000_000;

  private int maxMagnitude = DEFAULT_MAX_MAGNITUDE;
  private int maxExpressionLength = DEFAULT_MAX_EXPRESSION_LENGTH;
  private int maxExponent = DEFAULT_MAX_EXPONENT;
  private int maxDepth = DEFAULT_MAX_DEPTH;

  /** Creates options with the defaults. */
  public CalculatorOptions() {}

  /** Creates a copy of {@code other}. */
  public CalculatorOptions(CalculatorOptions other) {
    Objects.requireNonNull(other, "other == null");
    this.maxExpressionLength = other.maxExpressionLength;
    this.maxExponent = other.maxExponent;
    this.maxDepth = other.maxDepth;
    this.maxMagnitude = other.maxMagnitude;
  }

  /** Maximum expression length in characters. */
  public int getMaxExpressionLength() {
    return maxExpressionLength;
  }

  /**
   * Sets the maximum expression length in characters.
   *
   * @throws IllegalArgumentException if not positive
   */
  public CalculatorOptions setMaxExpressionLength(int maxExpressionLength) {
    if (maxExpressionLength <= 0) {
      throw new IllegalArgumentException("maxExpressionLength must be > 0: " + maxExpressionLength);
    }
    this.maxExpressionLength = maxExpressionLength;
    return this;
  }

  /** Maximum absolute integer exponent accepted by {@code ^}. */
  public int getMaxExponent() {
    return maxExponent;
  }

  /**
   * Sets the maximum absolute integer exponent accepted by {@code ^}; larger exponents are refused
   * before any work is done.
   *
   * @throws IllegalArgumentException if not positive
   */
  public CalculatorOptions setMaxExponent(int maxExponent) {
    if (maxExponent <= 0) {
      throw new IllegalArgumentException("maxExponent must be > 0: " + maxExponent);
    }
    this.maxExponent = maxExponent;
    return this;
  }

  /** Maximum nesting depth of parentheses and function calls. */
  public int getMaxDepth() {
    return maxDepth;
  }

  /**
   * Sets the maximum nesting depth of parentheses and function calls.
   *
   * @throws IllegalArgumentException if not positive
   */
  public CalculatorOptions setMaxDepth(int maxDepth) {
    if (maxDepth <= 0) {
      throw new IllegalArgumentException("maxDepth must be > 0: " + maxDepth);
    }
    this.maxDepth = maxDepth;
    return this;
  }

  /** Maximum decimal exponent of any number or intermediate result. */
  public int getMaxMagnitude() {
    return maxMagnitude;
  }

  /**
   * Sets the maximum decimal exponent of any number or intermediate result; {@code 10000} admits
   * values from {@code 1e-10000} to {@code 1e10000}. Larger numbers are refused when parsed and
   * larger results as soon as they are computed, which keeps every operation cheap.
   *
   * @throws IllegalArgumentException if not between 1 and {@value #MAX_MAGNITUDE_LIMIT}
   */
  public CalculatorOptions setMaxMagnitude(int maxMagnitude) {
    if (maxMagnitude <= 0 || maxMagnitude > MAX_MAGNITUDE_LIMIT) {
      throw new IllegalArgumentException(
          "maxMagnitude must be between 1 and " + MAX_MAGNITUDE_LIMIT + ": " + maxMagnitude);
    }
    this.maxMagnitude = maxMagnitude;
    return this;
  }
}
