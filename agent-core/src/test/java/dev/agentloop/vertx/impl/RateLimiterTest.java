package dev.agentloop.vertx.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link RateLimiter}: one bucket per caller, and a bounded number of buckets. */
class RateLimiterTest {

  @Test
  void callersHaveSeparateBuckets() {
    RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1));

    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isBetween(1L, 60L);
    assertThat(limiter.acquire("b")).isZero();
  }

  @Test
  void beyondTenThousandActiveCallersNewcomersShareOneBucket() {
    RateLimiter limiter = new RateLimiter(1, Duration.ofHours(1));
    for (int i = 0; i <= 10_000; i++) {
      assertThat(limiter.acquire("caller-" + i)).isZero();
    }

    assertThat(limiter.acquire("newcomer-1")).isZero();
    assertThat(limiter.acquire("newcomer-2")).isPositive();
    assertThat(limiter.acquire("caller-5")).isPositive();
  }
}
