package dev.agentloop.openrouter;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries failed calls: 408, 429, 5xx, timeouts and transport failures, with
 * exponential backoff and jitter, honouring {@code Retry-After} up to {@link #getMaxRetryAfter()}.
 * 400, 401, 402, 403 and 404 are never retried (unless OpenRouter marks the error retryable).
 *
 * <p>Not thread-safe while being configured; the client copies it.
 */
public class RetryOptions {

  /** Default number of attempts, the first one included. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** Default delay before the first retry. */
  public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(500);

  /** Default upper bound of a computed backoff delay. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(20);

  /** Default jitter: each delay is scaled by a random factor in {@code [1 - jitter, 1]}. */
  public static final double DEFAULT_JITTER = 0.5;

  /** Default cap on a server-requested {@code Retry-After}; longer requests are not retried. */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
  private Duration baseDelay = DEFAULT_BASE_DELAY;
  private Duration maxDelay = DEFAULT_MAX_DELAY;
  private double jitter = DEFAULT_JITTER;
  private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;

  /** Creates options with the defaults. */
  public RetryOptions() {}

  /** Creates a copy of other options. */
  public RetryOptions(RetryOptions other) {
    maxAttempts = other.maxAttempts;
    baseDelay = other.baseDelay;
    maxDelay = other.maxDelay;
    jitter = other.jitter;
    maxRetryAfter = other.maxRetryAfter;
  }

  /** Returns options that never retry. */
  public static RetryOptions none() {
    return new RetryOptions().setMaxAttempts(1);
  }

  /** The number of attempts, the first one included. */
  public int getMaxAttempts() {
    return maxAttempts;
  }

  /** Sets the number of attempts (1 = no retry); must be at least 1. */
  public RetryOptions setMaxAttempts(int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    return this;
  }

  /** The delay before the first retry; it doubles on each further retry. */
  public Duration getBaseDelay() {
    return baseDelay;
  }

  /** Sets the delay before the first retry; must not be negative. */
  public RetryOptions setBaseDelay(Duration baseDelay) {
    this.baseDelay = nonNegative(baseDelay, "baseDelay");
    return this;
  }

  /** The upper bound of a computed backoff delay. */
  public Duration getMaxDelay() {
    return maxDelay;
  }

  /** Sets the upper bound of a computed backoff delay; must not be negative. */
  public RetryOptions setMaxDelay(Duration maxDelay) {
    this.maxDelay = nonNegative(maxDelay, "maxDelay");
    return this;
  }

  /** The jitter fraction, 0 (none) to 1 (full jitter). */
  public double getJitter() {
    return jitter;
  }

  /** Sets the jitter fraction; must be between 0 and 1. */
  public RetryOptions setJitter(double jitter) {
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
    }
    this.jitter = jitter;
    return this;
  }

  /** The longest {@code Retry-After} the client waits for; beyond it the failure is returned. */
  public Duration getMaxRetryAfter() {
    return maxRetryAfter;
  }

  /** Sets the longest {@code Retry-After} the client waits for; must not be negative. */
  public RetryOptions setMaxRetryAfter(Duration maxRetryAfter) {
    this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
    return this;
  }

  static Duration nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
    return d;
  }

  @Override
  public String toString() {
    return "RetryOptions{maxAttempts="
        + maxAttempts
        + ", baseDelay="
        + baseDelay
        + ", maxDelay="
        + maxDelay
        + ", jitter="
        + jitter
        + ", maxRetryAfter="
        + maxRetryAfter
        + '}';
  }
}
