package dev.agentloop.bench;

import dev.agentloop.bench.BenchOptions.Cell;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The load-harness orchestrator: for every cell and contender it starts a fresh bench server JVM
 * and a fresh client JVM, collects the client's JSON result line, then prints a Markdown table and
 * writes all results to a JSON file.
 *
 * <p>{@code java -cp ... dev.agentloop.bench.BenchMain [options]} runs the load harness (options in
 * {@link BenchOptions}, documented in docs/performance.md); {@code BenchMain jmh [JMH options]}
 * runs the JMH microbenchmarks through JMH's own runner.
 */
public final class BenchMain {

  private final BenchOptions options;
  private final Path logs;

  BenchMain(BenchOptions options) {
    this.options = options;
    this.logs = options.out().toAbsolutePath().getParent().resolve("bench-logs");
  }

  public static void main(String[] argv) throws Exception {
    if (argv.length > 0 && argv[0].equals("jmh")) {
      org.openjdk.jmh.Main.main(Arrays.copyOfRange(argv, 1, argv.length));
      return;
    }
    BenchOptions options = BenchOptions.parse(argv);
    System.out.printf(
        "agent-bench: %d cells x %d contenders, %.0f s warm-up + %.0f s measured each,"
            + " about %d s%n",
        options.cells().size(),
        options.contenders().size(),
        options.warmupSeconds(),
        options.measureSeconds(),
        options.estimatedSeconds());
    double load = loadAverage();
    if (load > 0.5) {
      System.out.printf(
          "warning: 1-minute load average is %.2f before the run; results will be noisy%n", load);
    }
    Report report = new BenchMain(options).run();
    System.out.println();
    System.out.println(report.markdown());
    System.out.println("results: " + options.out().toAbsolutePath());
  }

  /** Runs every cell and contender, writes the JSON file and returns the report. */
  Report run() throws IOException, InterruptedException {
    List<JsonObject> results = new ArrayList<>();
    for (Cell cell : options.cells()) {
      // Repetitions are interleaved inside a cell, each in its own contender order, so slow drift
      // of the machine's load and whatever the first run of a cell pays spread over every
      // contender instead of biasing one.
      for (int rep = 0; rep < options.repetitions(); rep++) {
        for (String contender : options.orderFor(rep)) {
          JsonObject r;
          try {
            r = runOne(cell, contender);
          } catch (IOException e) {
            r =
                new JsonObject()
                    .put("contender", contender)
                    .put("concurrency", cell.concurrency())
                    .put("latencyMs", cell.latencyMs())
                    .put("status", "failed")
                    .put("reason", e.getMessage());
          }
          r.put("rep", rep);
          results.add(r);
          System.out.println("  " + summaryLine(r));
        }
      }
    }
    List<JsonObject> medians = Medians.summarize(results, options.cells(), options.contenders());
    Report report = new Report(results, medians, ResultTable.markdown(medians));
    JsonObject json =
        new JsonObject()
            .put("generatedAt", Instant.now().toString())
            .put(
                "host",
                new JsonObject()
                    .put("cores", Runtime.getRuntime().availableProcessors())
                    .put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"))
                    .put("java", System.getProperty("java.version")))
            .put("settings", settingsJson())
            .put("results", new JsonArray(new ArrayList<>(results)))
            .put("medians", new JsonArray(new ArrayList<>(medians)))
            .put("markdown", report.markdown());
    Files.createDirectories(options.out().toAbsolutePath().getParent());
    Files.writeString(options.out(), json.encodePrettily());
    return report;
  }

  /**
   * The rows of a run: every run's raw numbers, one median row per cell and contender, and the
   * Markdown table of the medians.
   */
  record Report(List<JsonObject> results, List<JsonObject> medians, String markdown) {}

  private JsonObject runOne(Cell cell, String contender) throws IOException, InterruptedException {
    JsonObject base =
        new JsonObject()
            .put("contender", contender)
            .put("concurrency", cell.concurrency())
            .put("latencyMs", cell.latencyMs());
    String reason = notApplicable(cell, contender);
    if (reason != null) {
      return base.put("status", "n/a").put("reason", reason);
    }
    base.put("loadAverageBefore", loadAverage());
    String tag =
        "c" + cell.concurrency() + "-l" + cell.latencyMs() + "-" + contender.replace('#', '_');
    Path serverLog = logs.resolve(tag + "-server.log");
    Path clientLog = logs.resolve(tag + "-client.log");
    Process server =
        Jvm.start(
            options.java(),
            Jvm.split(options.serverJvmArgs()),
            BenchServer.class.getName(),
            List.of("--latency-ms", Long.toString(cell.latencyMs())),
            serverLog);
    try {
      int port = awaitPort(server, serverLog);
      String java =
          BenchOptions.kind(contender).endsWith("-vt") ? options.vtJava() : options.java();
      Process client =
          Jvm.start(
              java,
              Jvm.split(options.clientJvmArgs()),
              contender.endsWith("#before") ? options.beforeClassPath() : "",
              BenchClient.class.getName(),
              List.of(
                  "--contender", contender,
                  "--concurrency", Integer.toString(cell.concurrency()),
                  "--latency-ms", Long.toString(cell.latencyMs()),
                  "--base-url", "http://127.0.0.1:" + port + "/api/v1",
                  "--warmup-s", Double.toString(options.warmupSeconds()),
                  "--settle-max-s", Double.toString(options.settleMaxSeconds()),
                  "--measure-s", Double.toString(options.measureSeconds()),
                  "--drain-s", Long.toString(options.drainSeconds())),
              clientLog);
      client.getOutputStream().close();
      CompletableFuture<String> line = readResultLine(client);
      long budget =
          (long) (options.warmupSeconds() + options.settleMaxSeconds() + options.measureSeconds())
              + options.drainSeconds()
              + 60;
      if (!client.waitFor(budget, TimeUnit.SECONDS)) {
        client.destroyForcibly().waitFor();
        return base.put("status", "failed")
            .put("reason", "client timed out after " + budget + " s");
      }
      String result = line.getNow(null);
      if (result == null) {
        try {
          result = line.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
          result = null;
        }
      }
      if (client.exitValue() != 0 || result == null) {
        return base.put("status", "failed")
            .put("reason", "client exited " + client.exitValue() + ": " + Jvm.tail(clientLog, 5));
      }
      JsonObject r =
          new JsonObject(result)
              .put("latencyMs", cell.latencyMs())
              .put("loadAverageBefore", base.getDouble("loadAverageBefore"));
      return r.put("status", r.getLong("errors", 0L) == 0 ? "ok" : "errors");
    } finally {
      stop(server);
    }
  }

  private @Nullable String notApplicable(Cell cell, String contender) {
    switch (BenchOptions.kind(contender)) {
      case "raw":
      case "raw-stream":
      case "agentloop":
      case "agentloop-stream":
      case "agentloop-otel":
      case "agentloop-otel-sampled":
        return null;
      case "agentloop-journal-memory":
      case "agentloop-journal-sqlite":
      case "agentloop-journal-pg":
        return Journaled.notApplicable(contender, System.getenv());
      case "langchain4j":
        return cell.concurrency() > options.maxPlatformThreads()
            ? "needs "
                + cell.concurrency()
                + " platform threads (cap --max-platform-threads "
                + options.maxPlatformThreads()
                + ")"
            : null;
      case "langchain4j-vt":
        return options.vtJava() == null ? "no JDK 21+ for virtual threads (pass --vt-java)" : null;
      default:
        return "unknown contender";
    }
  }

  private static int awaitPort(Process server, Path log) throws IOException {
    server.getOutputStream().flush();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                String l;
                while ((l = out.readLine()) != null) {
                  if (l.startsWith(BenchServer.PORT_LINE)) {
                    port.complete(Integer.parseInt(l.substring(BenchServer.PORT_LINE.length())));
                  }
                }
              } catch (IOException | RuntimeException e) {
                port.completeExceptionally(e);
              }
              port.completeExceptionally(new IOException("server exited: " + Jvm.tail(log, 5)));
            },
            "bench-server-out");
    reader.setDaemon(true);
    reader.start();
    try {
      return port.get(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IOException("server did not announce its port in 30 s: " + Jvm.tail(log, 5), e);
    } catch (Exception e) {
      throw new IOException("server failed to start: " + e.getMessage(), e);
    }
  }

  private static CompletableFuture<String> readResultLine(Process client) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = out.readLine()) != null) {
                  if (l.startsWith(BenchClient.RESULT_LINE)) {
                    result.complete(l.substring(BenchClient.RESULT_LINE.length()));
                  }
                }
              } catch (IOException ignored) {
                // The process died; the caller reports it.
              }
              result.complete(null);
            },
            "bench-client-out");
    reader.setDaemon(true);
    reader.start();
    return result;
  }

  /** Closes the server's stdin (it exits on EOF), then kills it if it lingers. */
  private static void stop(Process server) throws InterruptedException {
    try {
      server.getOutputStream().close();
    } catch (IOException ignored) {
      // Already gone.
    }
    if (!server.waitFor(10, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor();
    }
  }

  /** The 1-minute load average of the machine, or -1 where the OS does not say. */
  static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String summaryLine(JsonObject r) {
    String head =
        String.format(
            "C=%-6d %3d ms %-15s ",
            r.getInteger("concurrency"), r.getLong("latencyMs"), r.getString("contender"));
    if (!r.containsKey("convPerSec")) {
      return head + r.getString("status") + ": " + r.getString("reason");
    }
    return head
        + String.format(
            "%9.0f conv/s  p50 %7.2f ms  p99 %7.2f ms  cpu %.3f ms/conv  alloc %6.1f KiB/conv"
                + "  rss %4.0f MiB  settle %.0f s  jit %.0f ms  errors %d%s",
            r.getDouble("convPerSec"),
            r.getDouble("p50Ms"),
            r.getDouble("p99Ms"),
            r.getDouble("cpuMsPerConv"),
            r.getDouble("allocBytesPerConv", 0.0) / 1024,
            r.getDouble("peakRssMiB"),
            r.getDouble("settleSeconds", 0.0),
            r.getDouble("jitMsInWindow", -1.0),
            r.getLong("errors"),
            r.getString("firstError") == null ? "" : " (" + r.getString("firstError") + ")");
  }

  private JsonObject settingsJson() {
    JsonArray cells = new JsonArray();
    options.cells().forEach(c -> cells.add(c.concurrency() + "@" + c.latencyMs()));
    return new JsonObject()
        .put("cells", cells)
        .put("contenders", new JsonArray(new ArrayList<>(options.contenders())))
        .put("warmupSeconds", options.warmupSeconds())
        .put("settleMaxSeconds", options.settleMaxSeconds())
        .put("measureSeconds", options.measureSeconds())
        .put("java", options.java())
        .put("vtJava", options.vtJava())
        .put("clientJvmArgs", options.clientJvmArgs())
        .put("serverJvmArgs", options.serverJvmArgs())
        .put("maxPlatformThreads", options.maxPlatformThreads())
        .put("repetitions", options.repetitions())
        .put("order", options.order())
        .put("seed", options.seed())
        .put("beforeClassPath", options.beforeClassPath());
  }
}
