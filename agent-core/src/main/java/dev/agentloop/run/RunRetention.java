package dev.agentloop.run;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a store's finished runs once they are older than a max age: once when started, then on a
 * Vert.x timer. Only {@link RunStatus#FINISHED} runs are deleted ({@link RunStore#prune}); a run
 * that is running or awaiting approval can still be resumed and is kept whatever its age. A prune
 * never overlaps the previous one; a failed prune is logged and tried again at the next tick.
 *
 * <pre>{@code
 * RunRetention retention =
 *     RunRetention.start(vertx, store, new RunRetentionOptions().setMaxAge(Duration.ofDays(7)));
 * // ...
 * retention.close();
 * }</pre>
 */
public final class RunRetention implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RunRetention.class);

  private final Vertx vertx;
  private final RunStore store;
  private final RunRetentionOptions options;
  private final long timer;
  private Future<Integer> running = Future.succeededFuture(0);

  private RunRetention(Vertx vertx, RunStore store, RunRetentionOptions options) {
    this.vertx = vertx;
    this.store = store;
    this.options = options;
    Duration every =
        options.getInterval().compareTo(options.getMaxAge()) < 0
            ? options.getInterval()
            : options.getMaxAge();
    this.timer = vertx.setPeriodic(every.toMillis(), id -> prune());
  }

  /**
   * Starts pruning: at once, then periodically.
   *
   * @param vertx the Vert.x instance whose timer runs the prunes
   * @param store the store to prune
   * @param options the max age, interval and clock (copied)
   * @return the running retention; close it to stop
   */
  public static RunRetention start(Vertx vertx, RunStore store, RunRetentionOptions options) {
    Objects.requireNonNull(vertx, "vertx == null");
    Objects.requireNonNull(store, "store == null");
    RunRetention r =
        new RunRetention(
            vertx,
            store,
            new RunRetentionOptions(Objects.requireNonNull(options, "options == null")));
    r.prune();
    return r;
  }

  /**
   * Prunes now: deletes the finished runs last written before now minus the max age. When a prune
   * is in progress, returns that one instead of starting another.
   *
   * @return how many runs were deleted; fails with the store's error
   */
  public synchronized Future<Integer> prune() {
    if (!running.isComplete()) {
      return running;
    }
    Instant before = options.getClock().instant().minus(options.getMaxAge());
    running =
        store
            .prune(before)
            .onSuccess(n -> LOG.debug("pruned {} finished run(s) older than {}", n, before))
            .onFailure(e -> LOG.warn("pruning finished runs failed: {}", e.toString()));
    return running;
  }

  /** Stops the timer; a prune in progress completes. */
  @Override
  public void close() {
    vertx.cancelTimer(timer);
  }
}
