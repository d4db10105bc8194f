package dev.agentloop.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Records conversation outcomes of a closed-loop load run: warm-up, then a measured window, then a
 * drain in which no new conversation starts.
 *
 * <p>Each driver (an event loop or a thread) owns a {@link Lane}, so recording is uncontended.
 * Conversations that complete inside the window count towards throughput and latency; errors count
 * whenever they happen, warm-up included, because a benchmark that errs is not a result.
 */
final class LoadRecorder {

  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;
  private volatile boolean stopping;
  private final List<Lane> lanes = new CopyOnWriteArrayList<>();
  private final AtomicInteger activeChains = new AtomicInteger();

  /** Creates a lane for one driver. */
  Lane lane() {
    Lane lane = new Lane();
    lanes.add(lane);
    return lane;
  }

  /** Starts the measured window. */
  void openWindow(long nowNanos) {
    windowStart = nowNanos;
  }

  /** Ends the measured window and asks every chain to stop after its current conversation. */
  void closeWindow(long nowNanos) {
    windowEnd = nowNanos;
    stopping = true;
  }

  boolean stopping() {
    return stopping;
  }

  void chainStarted() {
    activeChains.incrementAndGet();
  }

  void chainStopped() {
    activeChains.decrementAndGet();
  }

  int activeChains() {
    return activeChains.get();
  }

  /** Merges the lanes into one summary. */
  Summary summarize() {
    long n = 0;
    long completed = 0;
    long errors = 0;
    String firstError = null;
    for (Lane lane : lanes) {
      synchronized (lane) {
        n += lane.count;
        completed += lane.completed;
        errors += lane.errors;
        if (firstError == null) {
          firstError = lane.firstError;
        }
      }
    }
    long[] all = new long[(int) n];
    int at = 0;
    for (Lane lane : lanes) {
      synchronized (lane) {
        System.arraycopy(lane.latencies, 0, all, at, lane.count);
        at += lane.count;
      }
    }
    Arrays.sort(all);
    return new Summary(
        n,
        completed,
        errors,
        firstError,
        windowEnd - windowStart,
        percentile(all, 0.50),
        percentile(all, 0.99),
        all.length == 0 ? 0 : all[all.length - 1]);
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int idx = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
  }

  /**
   * The outcome of one run; latencies in nanoseconds. {@code conversations} completed inside the
   * window, {@code completed} at any time (warm-up and drain included).
   */
  record Summary(
      long conversations,
      long completed,
      long errors,
      @Nullable String firstError,
      long windowNanos,
      long p50Nanos,
      long p99Nanos,
      long maxNanos) {}

  /** One driver's records; written by its owner, read once at the end. */
  final class Lane {
    private long[] latencies = new long[4096];
    private int count;
    private long completed;
    private long errors;
    private @Nullable String firstError;

    private Lane() {}

    /** Records a conversation that started and ended at the given {@link System#nanoTime()}s. */
    synchronized void record(long startNanos, long endNanos, @Nullable String error) {
      if (error != null) {
        errors++;
        if (firstError == null) {
          firstError = error;
        }
        return;
      }
      completed++;
      if (endNanos < windowStart || endNanos >= windowEnd) {
        return;
      }
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = endNanos - startNanos;
    }
  }
}
