package dev.agentloop.vertx.impl;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller: a caller may burst up to {@code capacity} requests, refilled evenly
 * over the window. Thread-safe.
 */
public final class RateLimiter {

  /** Beyond this many callers, full (idle) buckets are dropped so the map cannot grow unbounded. */
  private static final int MAX_BUCKETS = 10_000;

  private final int capacity;
  private final double tokensPerNano;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Creates a limiter of {@code capacity} requests per window; 0 disables it. */
  public RateLimiter(int capacity, Duration window) {
    this.capacity = capacity;
    this.tokensPerNano = capacity / (double) window.toNanos();
  }

  /**
   * Takes one request from the caller's bucket.
   *
   * @return 0 when allowed, otherwise the whole seconds to wait before retrying (at least 1)
   */
  public long acquire(String caller) {
    if (capacity == 0) {
      return 0;
    }
    String key = caller;
    if (buckets.size() > MAX_BUCKETS && !buckets.containsKey(caller)) {
      long now = System.nanoTime();
      buckets.values().removeIf(b -> b.isFull(now));
      if (buckets.size() > MAX_BUCKETS) {
        // Too many active callers (e.g. one rotating its identity): newcomers share one bucket.
        key = "";
      }
    }
    return buckets.computeIfAbsent(key, k -> new Bucket()).take(System.nanoTime());
  }

  private final class Bucket {
    private double tokens = capacity;
    private long last = System.nanoTime();

    synchronized long take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      double nanos = (1 - tokens) / tokensPerNano;
      return Math.max(1, (long) Math.ceil(nanos / 1_000_000_000d));
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
      last = now;
    }
  }
}
