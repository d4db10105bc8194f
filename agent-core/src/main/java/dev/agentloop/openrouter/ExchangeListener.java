package dev.agentloop.openrouter;

/**
 * Hears the HTTP attempts behind one chat call: each attempt as it starts (retries included), each
 * failed attempt, and the time spent waiting for the client's request limiter. Tracing uses it to
 * give every attempt its own span. Called on the caller's context; must not block.
 */
public interface ExchangeListener {

  /** A listener that does nothing. */
  ExchangeListener NOOP = new ExchangeListener() {};

  /**
   * An attempt starts.
   *
   * @param attempt 1 for the first attempt, 2 for the first retry, ...
   * @param serverAddress the host the request goes to, or an empty string when unknown
   * @param serverPort the port, or -1 when unknown
   * @param limiterWaitNanos how long the attempt waited for the request limiter; 0 when a slot was
   *     free at once (or there is no limiter)
   */
  default void attemptStarted(
      int attempt, String serverAddress, int serverPort, long limiterWaitNanos) {}

  /**
   * The current attempt failed; a retry may follow.
   *
   * @param error the failure
   * @param willRetry whether the client retries
   */
  default void attemptFailed(Throwable error, boolean willRetry) {}
}
