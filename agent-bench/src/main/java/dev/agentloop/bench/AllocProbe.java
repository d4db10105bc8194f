package dev.agentloop.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Bytes a contender allocates, and CPU time it spends, per conversation on its own thread; the
 * bytes do not depend on how busy the machine is, the CPU time much less than a load run's does.
 * The client gets a Vert.x instance with a single event loop, so every byte it allocates (requests,
 * responses, parsing, the agent loop, a non-blocking tool) is counted on that one thread; the bench
 * server runs in the same JVM on another Vert.x instance and is not counted. {@code --concurrency}
 * conversations run in a closed loop; after {@code --warmup} conversations, the next {@code
 * --conversations} are measured.
 *
 * <p>Usage: {@code java -cp ... dev.agentloop.bench.AllocProbe --contender agentloop [--concurrency
 * 16] [--warmup 3000] [--conversations 2000]}; prints one line, with the number of connections the
 * in-process bench server accepted.
 */
public final class AllocProbe {

  private AllocProbe() {}

  public static void main(String[] argv) throws Exception {
    Args a = new Args(argv);
    String contender = a.string("--contender", "agentloop");
    int concurrency = (int) a.longValue("--concurrency", 16);
    long warmup = a.longValue("--warmup", 3000);
    long measured = a.longValue("--conversations", 2000);
    Vertx server = Vertx.vertx();
    Vertx client = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    int port = BenchServer.deploy(server, 0);
    Supplier<Future<String>> conversation =
        BenchClient.conversation(
            client, contender, "http://127.0.0.1:" + port + "/api/v1", concurrency);
    Context context = client.getOrCreateContext();
    long thread =
        Future.<Long>future(
                p -> context.runOnContext(v -> p.complete(Thread.currentThread().getId())))
            .await(10, TimeUnit.SECONDS);
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    AtomicLong done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long[] marks = new long[6];
    Promise<Void> finished = Promise.promise();
    long total = warmup + measured;
    Runnable[] chain = new Runnable[1];
    chain[0] =
        () -> {
          if (done.get() >= total) {
            return;
          }
          conversation
              .get()
              .onComplete(
                  ar -> {
                    if (ar.failed() || !Script.FINAL_ANSWER.equals(ar.result())) {
                      errors.incrementAndGet();
                    }
                    long n = done.incrementAndGet();
                    if (n == warmup) {
                      marks[0] = mx.getThreadAllocatedBytes(thread);
                      marks[1] = System.nanoTime();
                      marks[4] = mx.getThreadCpuTime(thread);
                    } else if (n == total) {
                      marks[2] = mx.getThreadAllocatedBytes(thread);
                      marks[3] = System.nanoTime();
                      marks[5] = mx.getThreadCpuTime(thread);
                      finished.complete();
                    }
                    chain[0].run();
                  });
        };
    context.runOnContext(
        v -> {
          for (int i = 0; i < concurrency; i++) {
            chain[0].run();
          }
        });
    finished.future().await(30, TimeUnit.MINUTES);
    System.out.printf(
        "ALLOC %s C=%d: %.0f bytes/conv on the client thread over %d conversations"
            + ", %.1f µs CPU/conv on it (%.0f conv/s, errors %d, connections %d)%n",
        contender,
        concurrency,
        (marks[2] - marks[0]) / (double) measured,
        measured,
        (marks[5] - marks[4]) / 1e3 / measured,
        measured / ((marks[3] - marks[1]) / 1e9),
        errors.get(),
        BenchServer.CONNECTIONS.get());
    System.exit(0);
  }
}
