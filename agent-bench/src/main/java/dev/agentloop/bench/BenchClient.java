package dev.agentloop.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One contender in one configuration, in a fresh JVM: runs {@code --concurrency} closed-loop
 * conversations against the bench server for a warm-up and a measured window, then prints one
 * {@value #RESULT_LINE}JSON line on standard output and exits.
 *
 * <p>Usage: {@code java -cp ... dev.agentloop.bench.BenchClient --contender raw|raw-stream|
 * agentloop|agentloop-stream|agentloop-otel|langchain4j|langchain4j-vt (a {@code #label} suffix
 * names a twin of the same contender, for A/A checks) --concurrency C --base-url
 * http://127.0.0.1:P/api/v1 --warmup-s W --measure-s M [--latency-ms L] [--drain-s D]
 * [--settle-max-s S]}
 *
 * <p>After the warm-up, the run waits up to {@code --settle-max-s} more seconds for the JIT to go
 * quiet (see {@link #settle}) before the window opens: on this 2-core machine the compiler threads
 * of a contender with a lot of code (Jackson databind, the schema validator, the loop) were still
 * compiling 25 s into a run, about 0.85 of a core, and that CPU landed in the window's figures.
 */
public final class BenchClient {

  /** Prefix of the result line on standard output. */
  public static final String RESULT_LINE = "BENCH-RESULT ";

  private BenchClient() {}

  /**
   * One contender's conversation, for benchmarks that drive it themselves: {@code raw}, {@code
   * raw-stream}, {@code agentloop}, {@code agentloop-stream}, {@code agentloop-otel} or {@code
   * agentloop-otel-sampled}.
   *
   * @return a supplier that starts one conversation; its future holds the final answer
   */
  public static Supplier<Future<String>> conversation(
      Vertx vertx, String contender, String baseUrl, int concurrency) {
    AsyncContender c =
        switch (contender) {
          case "raw" -> new RawContender(vertx, baseUrl, concurrency);
          case "raw-stream" -> new RawStreamContender(vertx, baseUrl, concurrency);
          case "agentloop", "agentloop-stream", "agentloop-otel", "agentloop-otel-sampled" ->
              AgentLoopContender.create(
                  vertx,
                  baseUrl,
                  concurrency,
                  Observed.forKind(contender),
                  contender.equals("agentloop-stream"));
          default -> throw new IllegalArgumentException("unknown contender: " + contender);
        };
    return c::converse;
  }

  /** The HTTP/1.1 pool size used by the Vert.x contenders for a concurrency. */
  static int poolSize(int concurrency) {
    return Math.max(1, Math.min(concurrency, 1000));
  }

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String contender = args.string("--contender", "raw");
    int concurrency = (int) args.longValue("--concurrency", 1);
    String baseUrl = args.string("--base-url", "http://127.0.0.1:8080/api/v1");
    long warmupMs = (long) (Double.parseDouble(args.string("--warmup-s", "10")) * 1000);
    long measureMs = (long) (Double.parseDouble(args.string("--measure-s", "15")) * 1000);
    long drainMs = args.longValue("--drain-s", 30) * 1000;
    long settleMaxMs = (long) (Double.parseDouble(args.string("--settle-max-s", "0")) * 1000);
    JsonObject result =
        run(contender, concurrency, baseUrl, warmupMs, settleMaxMs, measureMs, drainMs);
    result.put("latencyMs", args.longValue("--latency-ms", 0));
    System.out.println(RESULT_LINE + result.encode());
    System.out.flush();
    System.exit(0);
  }

  static JsonObject run(
      String contender,
      int concurrency,
      String baseUrl,
      long warmupMs,
      long settleMaxMs,
      long measureMs,
      long drainMs)
      throws Exception {
    LoadRecorder recorder = new LoadRecorder();
    Runnable stop;
    int threads = 0;
    String kind = BenchOptions.kind(contender);
    switch (kind) {
      case "raw":
      case "raw-stream":
      case "agentloop":
      case "agentloop-otel":
      case "agentloop-otel-sampled":
      case "agentloop-stream":
        {
          Vertx vertx = Vertx.vertx();
          AsyncContender c;
          if (kind.equals("raw")) {
            c = new RawContender(vertx, baseUrl, concurrency);
          } else if (kind.equals("raw-stream")) {
            c = new RawStreamContender(vertx, baseUrl, concurrency);
          } else {
            c =
                AgentLoopContender.create(
                    vertx,
                    baseUrl,
                    concurrency,
                    Observed.forKind(kind),
                    kind.equals("agentloop-stream"));
          }
          startAsync(vertx, c, recorder, concurrency);
          stop = () -> vertx.close();
          break;
        }
      case "agentloop-journal-memory":
      case "agentloop-journal-sqlite":
      case "agentloop-journal-pg":
        {
          Vertx vertx = Vertx.vertx();
          AsyncContender c =
              AgentLoopContender.journaled(
                  vertx, baseUrl, concurrency, Journaled.open(vertx, contender));
          startAsync(vertx, c, recorder, concurrency);
          stop = () -> vertx.close();
          break;
        }
      case "langchain4j":
      case "langchain4j-vt":
        {
          boolean virtual = kind.endsWith("-vt");
          ExecutorService pool =
              virtual ? virtualThreads() : Executors.newFixedThreadPool(concurrency, daemon());
          if (pool == null) {
            throw new IllegalStateException("this JVM has no virtual threads: " + javaVersion());
          }
          threads = virtual ? 0 : concurrency;
          startBlocking(pool, new LangChain4jContender(baseUrl), recorder, concurrency);
          stop = pool::shutdownNow;
          break;
        }
      default:
        throw new IllegalArgumentException("unknown contender: " + contender);
    }
    Thread.sleep(warmupMs);
    long settledMs = settle(settleMaxMs);
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long cpu0 = os.getProcessCpuTime();
    long alloc0 = allocatedBytes(mx);
    long jit0 = jitMillis(jit);
    recorder.openWindow(System.nanoTime());
    Thread.sleep(measureMs);
    recorder.closeWindow(System.nanoTime());
    long cpu1 = os.getProcessCpuTime();
    long alloc1 = allocatedBytes(mx);
    long jit1 = jitMillis(jit);
    long deadline = System.currentTimeMillis() + drainMs;
    while (recorder.activeChains() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    int stuck = recorder.activeChains();
    LoadRecorder.Summary s = recorder.summarize();
    stop.run();
    double seconds = s.windowNanos() / 1e9;
    long n = s.conversations();
    return new JsonObject()
        .put("contender", contender)
        .put("concurrency", concurrency)
        .put("jdk", javaVersion())
        .put("platformThreads", threads)
        .put("peakThreads", ManagementFactory.getThreadMXBean().getPeakThreadCount())
        .put("conversations", n)
        .put("totalConversations", s.completed())
        .put("exchanges", n * Script.EXCHANGES_PER_CONVERSATION)
        .put("seconds", seconds)
        .put("convPerSec", n / seconds)
        .put("exchPerSec", n * Script.EXCHANGES_PER_CONVERSATION / seconds)
        .put("p50Ms", s.p50Nanos() / 1e6)
        .put("p99Ms", s.p99Nanos() / 1e6)
        .put("maxMs", s.maxNanos() / 1e6)
        .put("cpuMsPerConv", n == 0 ? 0.0 : (cpu1 - cpu0) / 1e6 / n)
        .put("cpuUtilization", (cpu1 - cpu0) / (double) s.windowNanos())
        .put("allocBytesPerConv", n == 0 || alloc0 < 0 ? 0.0 : (alloc1 - alloc0) / (double) n)
        .put("peakRssMiB", procStatusKib("VmHWM") / 1024.0)
        .put("settleSeconds", settledMs / 1000.0)
        .put("jitMsInWindow", jit0 < 0 ? -1 : jit1 - jit0)
        .put("errors", s.errors() + stuck)
        .put("stuck", stuck)
        .put("firstError", s.firstError());
  }

  /** Compile time the JIT reports so far, in milliseconds, or -1 where the JVM does not. */
  private static long jitMillis(@Nullable CompilationMXBean jit) {
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : -1;
  }

  /**
   * Waits, while the load goes on, until the JIT has gone quiet: three consecutive seconds in which
   * it compiled for less than {@value #QUIET_JIT_MS_PER_S} ms, or {@code maxMs} elapsed.
   *
   * @return how long it waited, in milliseconds
   */
  static long settle(long maxMs) throws InterruptedException {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long start = System.currentTimeMillis();
    if (maxMs <= 0 || jitMillis(jit) < 0) {
      return 0;
    }
    int quiet = 0;
    long last = jitMillis(jit);
    while (quiet < 3 && System.currentTimeMillis() - start < maxMs) {
      Thread.sleep(1000);
      long now = jitMillis(jit);
      quiet = now - last < QUIET_JIT_MS_PER_S ? quiet + 1 : 0;
      last = now;
    }
    return System.currentTimeMillis() - start;
  }

  /** JIT compile time per second below which the JIT counts as quiet (1 % of a core). */
  static final long QUIET_JIT_MS_PER_S = 10;

  /**
   * Heap bytes allocated by all threads of this JVM so far, live and exited ({@code
   * ThreadMXBean.getTotalThreadAllocatedBytes}), or -1 where the JVM does not count them.
   */
  private static long allocatedBytes(com.sun.management.ThreadMXBean mx) {
    try {
      return mx.isThreadAllocatedMemorySupported() ? mx.getTotalThreadAllocatedBytes() : -1;
    } catch (UnsupportedOperationException e) {
      return -1;
    }
  }

  private static void startAsync(Vertx vertx, AsyncContender c, LoadRecorder recorder, int chains)
      throws Exception {
    int instances = Math.min(chains, VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE);
    for (int i = 0; i < chains; i++) {
      recorder.chainStarted();
    }
    int[] next = {0};
    vertx
        .deployVerticle(
            () -> {
              int index = next[0]++;
              int share = chains / instances + (index < chains % instances ? 1 : 0);
              return new Driver(c, recorder, share);
            },
            new DeploymentOptions().setInstances(instances))
        .await(30, TimeUnit.SECONDS);
  }

  /** Runs a share of the chains on one event loop. */
  private static final class Driver extends AbstractVerticle {
    private final AsyncContender contender;
    private final LoadRecorder recorder;
    private final int chains;
    private LoadRecorder.@Nullable Lane lane;

    Driver(AsyncContender contender, LoadRecorder recorder, int chains) {
      this.contender = contender;
      this.recorder = recorder;
      this.chains = chains;
    }

    @Override
    public void start() {
      lane = recorder.lane();
      for (int i = 0; i < chains; i++) {
        next();
      }
    }

    private void next() {
      if (recorder.stopping()) {
        recorder.chainStopped();
        return;
      }
      long t0 = System.nanoTime();
      Future<String> f;
      try {
        f = contender.converse();
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      f.onComplete(
          ar -> {
            String error = ar.succeeded() ? check(ar.result()) : describe(ar.cause());
            lane.record(t0, System.nanoTime(), error);
            next();
          });
    }
  }

  private static void startBlocking(
      ExecutorService pool, BlockingContender c, LoadRecorder recorder, int chains) {
    for (int i = 0; i < chains; i++) {
      recorder.chainStarted();
      pool.execute(
          () -> {
            LoadRecorder.Lane lane = recorder.lane();
            try {
              while (!recorder.stopping()) {
                long t0 = System.nanoTime();
                String error;
                try {
                  error = check(c.converse());
                } catch (Exception | Error e) {
                  error = describe(e);
                }
                lane.record(t0, System.nanoTime(), error);
              }
            } finally {
              recorder.chainStopped();
            }
          });
    }
  }

  private static @Nullable String check(@Nullable String answer) {
    return Script.FINAL_ANSWER.equals(answer) ? null : "unexpected final answer: " + answer;
  }

  private static String describe(@Nullable Throwable t) {
    return t == null ? "unknown failure" : t.getClass().getName() + ": " + t.getMessage();
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "bench-conversation");
      t.setDaemon(true);
      return t;
    };
  }

  /** A virtual-thread-per-task executor, or null on a JVM without virtual threads (Java 17). */
  static @Nullable ExecutorService virtualThreads() {
    try {
      Method m = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) m.invoke(null);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  static String javaVersion() {
    return System.getProperty("java.version");
  }

  /** Reads a {@code kB} field of {@code /proc/self/status}; 0 where there is no procfs. */
  static long procStatusKib(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      // Not Linux: report 0 rather than fail the run.
    }
    return 0;
  }
}
