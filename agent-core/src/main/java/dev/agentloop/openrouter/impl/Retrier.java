package dev.agentloop.openrouter.impl;

import dev.agentloop.openrouter.OpenRouterException;
import dev.agentloop.openrouter.RetryOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an attempt again after a retryable {@link OpenRouterException}, waiting with Vert.x timers
 * (never sleeping): the server's {@code Retry-After} when given (a longer one than {@code
 * maxRetryAfter} ends the retries), otherwise exponential backoff with jitter.
 *
 * <p>Thread-safe. The returned future fails with the last attempt's failure.
 */
public final class Retrier {

  private static final Logger log = LoggerFactory.getLogger(Retrier.class);

  private final Vertx vertx;
  private final RetryOptions options;

  /** Creates a retrier; the options are copied. */
  public Retrier(Vertx vertx, RetryOptions options) {
    this.vertx = vertx;
    this.options = new RetryOptions(options);
  }

  /** Runs {@code attempt} until it succeeds, fails for good, or attempts run out. */
  public <T> Future<T> run(Supplier<Future<T>> attempt) {
    Promise<T> promise = Promise.promise();
    next(attempt, 1, promise);
    return promise.future();
  }

  private <T> void next(Supplier<Future<T>> attempt, int n, Promise<T> promise) {
    Future<T> f;
    try {
      f = attempt.get();
    } catch (RuntimeException e) {
      promise.fail(e);
      return;
    }
    f.onComplete(
        ar -> {
          if (ar.succeeded()) {
            promise.complete(ar.result());
            return;
          }
          Long delay = delayBeforeRetry(ar.cause(), n);
          if (delay == null) {
            promise.fail(ar.cause());
            return;
          }
          log.debug("attempt {} failed ({}); retrying in {} ms", n, ar.cause().getMessage(), delay);
          if (delay == 0) {
            next(attempt, n + 1, promise);
          } else {
            vertx.setTimer(delay, id -> next(attempt, n + 1, promise));
          }
        });
  }

  /** Returns the delay in ms before attempt {@code n + 1}, or null when not to retry. */
  @Nullable Long delayBeforeRetry(Throwable failure, int n) {
    if (n >= options.getMaxAttempts()
        || !(failure instanceof OpenRouterException e)
        || !e.isRetryable()) {
      return null;
    }
    Duration retryAfter = e.retryAfter();
    if (retryAfter != null) {
      return retryAfter.compareTo(options.getMaxRetryAfter()) > 0 ? null : retryAfter.toMillis();
    }
    double exp = options.getBaseDelay().toMillis() * Math.pow(2, n - 1);
    double capped = Math.min(exp, options.getMaxDelay().toMillis());
    double factor = 1 - options.getJitter() * ThreadLocalRandom.current().nextDouble();
    return (long) (capped * factor);
  }
}
