package dev.agentloop.openrouter.impl;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client-side limiter: at most {@code maxInFlight} permits held at once and at most {@code
 * maxPerWindow} permits granted in any sliding window. Excess acquirers wait in FIFO order without
 * blocking; a permit is granted on the acquirer's context.
 *
 * <p>Thread-safe. Every permit must be {@linkplain Permit#release() released} exactly once (extra
 * releases are ignored), whether the request succeeded, failed or was cancelled.
 */
public final class RequestLimiter {

  /** A granted slot. */
  public interface Permit {
    /** Gives the slot back; idempotent. */
    void release();
  }

  private static final Permit NOOP = () -> {};

  private final Vertx vertx;
  private final int maxInFlight;
  private final int maxPerWindow;
  private final long windowNanos;
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private final ArrayDeque<Long> grants = new ArrayDeque<>();
  private int inFlight;
  private boolean timerArmed;

  private record Waiter(Promise<Permit> promise, Context context) {}

  /**
   * Creates a limiter.
   *
   * @param maxInFlight the most permits held at once; 0 for no limit
   * @param maxPerWindow the most permits granted per window; 0 for no limit
   * @param windowMillis the window length
   */
  public RequestLimiter(Vertx vertx, int maxInFlight, int maxPerWindow, long windowMillis) {
    this.vertx = vertx;
    this.maxInFlight = maxInFlight;
    this.maxPerWindow = maxPerWindow;
    this.windowNanos = windowMillis * 1_000_000L;
  }

  /** Whether this limiter limits anything. */
  public boolean isUnlimited() {
    return maxInFlight == 0 && maxPerWindow == 0;
  }

  /**
   * Returns a permit: an already completed future when a slot is free and nobody waits, otherwise
   * one completed when a slot frees up (FIFO), on the acquirer's context.
   */
  public Future<Permit> acquire() {
    if (isUnlimited()) {
      return Future.succeededFuture(NOOP);
    }
    Promise<Permit> promise;
    synchronized (this) {
      if (waiters.isEmpty() && grantable(System.nanoTime())) {
        return Future.succeededFuture(newPermit());
      }
      promise = Promise.promise();
      waiters.add(new Waiter(promise, vertx.getOrCreateContext()));
    }
    drain();
    return promise.future();
  }

  /** The number of permits currently held. */
  public synchronized int inFlight() {
    return inFlight;
  }

  /** The number of acquirers waiting. */
  public synchronized int waiting() {
    return waiters.size();
  }

  private void drain() {
    List<Waiter> granted = new ArrayList<>();
    synchronized (this) {
      long now = System.nanoTime();
      while (!waiters.isEmpty() && grantable(now)) {
        granted.add(waiters.pollFirst());
      }
      if (!waiters.isEmpty() && maxPerWindow > 0 && grants.size() >= maxPerWindow && !timerArmed) {
        // Wake up when the oldest grant leaves the window.
        long delayMs = Math.max(1, (windowNanos - (now - grants.peekFirst())) / 1_000_000L + 1);
        timerArmed = true;
        vertx.setTimer(
            delayMs,
            id -> {
              synchronized (this) {
                timerArmed = false;
              }
              drain();
            });
      }
    }
    for (Waiter w : granted) {
      Permit permit = newPermit();
      w.context()
          .runOnContext(
              v -> {
                if (!w.promise().tryComplete(permit)) {
                  permit.release();
                }
              });
    }
  }

  /**
   * Takes a slot when one is free at {@code now} (counting it in flight and in the window); called
   * holding the lock.
   */
  private boolean grantable(long now) {
    while (!grants.isEmpty() && now - grants.peekFirst() >= windowNanos) {
      grants.pollFirst();
    }
    if ((maxInFlight != 0 && inFlight >= maxInFlight)
        || (maxPerWindow != 0 && grants.size() >= maxPerWindow)) {
      return false;
    }
    inFlight++;
    if (maxPerWindow > 0) {
      grants.addLast(now);
    }
    return true;
  }

  private Permit newPermit() {
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        synchronized (this) {
          inFlight--;
        }
        drain();
      }
    };
  }
}
