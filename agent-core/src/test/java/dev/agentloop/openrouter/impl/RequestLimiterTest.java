package dev.agentloop.openrouter.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A free slot is granted at once (an already completed future, so the client can tell a request
 * that waited from one that did not); a busy limiter queues in FIFO order and nobody jumps it.
 */
@ExtendWith(VertxExtension.class)
class RequestLimiterTest {

  @Test
  @Timeout(10)
  void grantsAFreeSlotAtOnceAndQueuesTheRestInOrder(Vertx vertx) throws Exception {
    RequestLimiter limiter = new RequestLimiter(vertx, 2, 0, 1000);
    Future<RequestLimiter.Permit> first = limiter.acquire();
    Future<RequestLimiter.Permit> second = limiter.acquire();
    assertThat(first.isComplete()).isTrue();
    assertThat(second.isComplete()).isTrue();
    assertThat(limiter.inFlight()).isEqualTo(2);

    Future<RequestLimiter.Permit> third = limiter.acquire();
    Future<RequestLimiter.Permit> fourth = limiter.acquire();
    assertThat(third.isComplete()).isFalse();
    assertThat(limiter.waiting()).isEqualTo(2);

    first.result().release();
    RequestLimiter.Permit p3 = third.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    // the slot went to the first waiter; a newcomer queues behind the second one
    Future<RequestLimiter.Permit> fifth = limiter.acquire();
    assertThat(fifth.isComplete()).isFalse();
    assertThat(fourth.isComplete()).isFalse();

    p3.release();
    fourth.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(fifth.isComplete()).isFalse();
    second.result().release();
    fifth.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(limiter.inFlight()).isEqualTo(2);
    assertThat(limiter.waiting()).isZero();
  }

  @Test
  @Timeout(10)
  void countsImmediateGrantsInTheWindow(Vertx vertx) throws Exception {
    RequestLimiter limiter = new RequestLimiter(vertx, 0, 2, 200);
    Future<RequestLimiter.Permit> a = limiter.acquire();
    Future<RequestLimiter.Permit> b = limiter.acquire();
    assertThat(a.isComplete() && b.isComplete()).isTrue();
    a.result().release();
    b.result().release();
    long start = System.nanoTime();
    Future<RequestLimiter.Permit> c = limiter.acquire();
    assertThat(c.isComplete()).as("two grants in this window already").isFalse();
    c.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
  }

  @Test
  void anUnlimitedLimiterGrantsAtOnce(Vertx vertx) {
    RequestLimiter limiter = new RequestLimiter(vertx, 0, 0, 1000);
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.acquire().isComplete()).isTrue();
    }
    assertThat(limiter.inFlight()).isZero();
  }
}
