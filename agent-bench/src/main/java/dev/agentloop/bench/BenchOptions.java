package dev.agentloop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a load run, parsed from {@code --name value} arguments (see docs/performance.md).
 *
 * @param cells the configurations, each a concurrency and a model latency
 * @param contenders which contenders to run in each cell, in table order
 * @param warmupSeconds warm-up per run, not measured
 * @param settleMaxSeconds longest further warm-up per run while the client's JIT is still busy
 * @param measureSeconds measured window per run
 * @param drainSeconds how long a client may take to finish in-flight conversations
 * @param java the launcher for the server and the clients
 * @param vtJava the launcher for the virtual-thread contender, or null when no JDK has them
 * @param clientJvmArgs JVM options of every client (same for every contender)
 * @param serverJvmArgs JVM options of the server
 * @param maxPlatformThreads largest thread pool the platform-thread contender may use
 * @param out where the JSON results go
 * @param repetitions how many times every cell runs every contender; rows are medians
 * @param order the contenders' order in each repetition: {@code rotate} (repetition r starts with
 *     the r-th contender), {@code random} (shuffled with {@code seed}) or {@code fixed}
 * @param seed the seed of the {@code random} order
 * @param beforeClassPath class path entries put first for contenders named {@code X#before}
 *     (typically an older build's agent-core classes), so one run compares two builds; empty for
 *     none
 */
record BenchOptions(
    List<Cell> cells,
    List<String> contenders,
    double warmupSeconds,
    double settleMaxSeconds,
    double measureSeconds,
    long drainSeconds,
    String java,
    @Nullable String vtJava,
    String clientJvmArgs,
    String serverJvmArgs,
    int maxPlatformThreads,
    Path out,
    int repetitions,
    String order,
    long seed,
    String beforeClassPath) {

  /** All contenders, in table order. */
  static final String ALL_CONTENDERS =
      "raw,raw-stream,agentloop,agentloop-stream,langchain4j,langchain4j-vt";

  /** The contenders the harness knows; a {@code #label} suffix makes a twin for A/A checks. */
  static final List<String> KINDS =
      List.of(
          "raw",
          "raw-stream",
          "agentloop",
          "agentloop-stream",
          "agentloop-otel",
          "agentloop-otel-sampled",
          "langchain4j",
          "langchain4j-vt");

  /** The issue's four configurations. */
  static final String FULL_CELLS = "1@0,64@0,1000@50,10000@50";

  static final String DEFAULT_CLIENT_JVM_ARGS = "-Xms64m -Xmx1g -XX:+UseG1GC";
  static final String DEFAULT_SERVER_JVM_ARGS = "-Xms512m -Xmx2g -XX:+UseParallelGC";
  static final String TEMURIN_25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

  /** One configuration: concurrent conversations and the server's model latency. */
  record Cell(int concurrency, long latencyMs) {
    static Cell parse(String spec) {
      String[] p = spec.trim().split("@");
      return new Cell(
          Integer.parseInt(p[0].replace("_", "")), p.length > 1 ? Long.parseLong(p[1]) : 0);
    }

    @Override
    public String toString() {
      return "C=" + concurrency + ", " + latencyMs + " ms";
    }
  }

  static BenchOptions parse(String[] argv) {
    Args a = new Args(argv);
    boolean smoke = a.flag("--smoke");
    List<Cell> cells = new ArrayList<>();
    for (String s : a.string("--cells", smoke ? "2@0" : FULL_CELLS).split(",")) {
      cells.add(Cell.parse(s));
    }
    List<String> contenders =
        new ArrayList<>(List.of(a.string("--contenders", ALL_CONTENDERS).split(",")));
    String aa = a.string("--aa", "");
    if (!aa.isEmpty()) {
      for (String twin : aa.split(",")) {
        contenders.add(twin + "#aa");
      }
    }
    int repetitions = (int) a.longValue("--reps", 1);
    if (repetitions < 1) {
      throw new IllegalArgumentException("--reps must be >= 1: " + repetitions);
    }
    String order = a.string("--order", "rotate");
    if (!List.of("rotate", "random", "fixed").contains(order)) {
      throw new IllegalArgumentException("--order must be rotate, random or fixed: " + order);
    }
    String java = a.string("--java", Jvm.currentJava());
    String vtJava = a.string("--vt-java", defaultVirtualThreadJava(java));
    return new BenchOptions(
        List.copyOf(cells),
        List.copyOf(contenders),
        Double.parseDouble(a.string("--warmup-s", smoke ? "1" : "10")),
        Double.parseDouble(a.string("--settle-max-s", smoke ? "0" : "60")),
        Double.parseDouble(a.string("--measure-s", smoke ? "1" : "15")),
        a.longValue("--drain-s", 30),
        java,
        vtJava == null || vtJava.isEmpty() ? null : vtJava,
        a.string("--client-jvm-args", DEFAULT_CLIENT_JVM_ARGS),
        a.string("--server-jvm-args", DEFAULT_SERVER_JVM_ARGS),
        (int) a.longValue("--max-platform-threads", 1000),
        Path.of(a.string("--out", defaultOut())),
        repetitions,
        order,
        a.longValue("--seed", 21),
        a.string("--before-classpath", ""));
  }

  /** The contender a name runs: the name without its {@code #label} suffix. */
  static String kind(String contender) {
    int hash = contender.indexOf('#');
    return hash < 0 ? contender : contender.substring(0, hash);
  }

  /**
   * The contender a contender's ratios are taken against in the same cell and repetition, or null:
   * a twin's original, {@code raw} for the buffered contenders, {@code raw-stream} for {@code
   * agentloop-stream}, {@code agentloop} for {@code agentloop-otel}, {@code agentloop-otel-sampled}
   * and the journaling contenders.
   */
  static @Nullable String baseline(String contender) {
    if (contender.indexOf('#') >= 0) {
      return kind(contender);
    }
    switch (contender) {
      case "raw":
        return null;
      case "agentloop-stream":
        return "raw-stream";
      case "agentloop-otel":
      case "agentloop-otel-sampled":
      case "agentloop-journal-memory":
      case "agentloop-journal-sqlite":
      case "agentloop-journal-pg":
        return "agentloop";
      default:
        return "raw";
    }
  }

  /** The contenders in the order repetition {@code rep} runs them. */
  List<String> orderFor(int rep) {
    List<String> list = new ArrayList<>(contenders);
    if (order.equals("rotate")) {
      Collections.rotate(list, -(rep % list.size()));
    } else if (order.equals("random")) {
      Collections.shuffle(list, new Random(seed + rep));
    }
    return list;
  }

  /** The JSON file: agent-bench/target/ from the repository root, target/ from the module. */
  private static String defaultOut() {
    // The module's pom, not just a folder: a stray agent-bench/ folder inside the module must not
    // send the results one level too deep.
    return Files.isRegularFile(Path.of("agent-bench", "pom.xml"))
        ? "agent-bench/target/bench-results.json"
        : "target/bench-results.json";
  }

  /**
   * The launcher for the virtual-thread contender: {@code java} itself when it runs Java 21+
   * (checked by the client at run time, see {@link BenchClient#virtualThreads()}), else Temurin 25
   * when installed.
   */
  private static @Nullable String defaultVirtualThreadJava(String java) {
    if (java.equals(Jvm.currentJava()) && Runtime.version().feature() >= 21) {
      return java;
    }
    return Files.isExecutable(Path.of(TEMURIN_25)) ? TEMURIN_25 : null;
  }

  /** Rough wall time of the run, for the banner. */
  long estimatedSeconds() {
    return (long)
        (repetitions * cells.size() * contenders.size() * (warmupSeconds + measureSeconds + 3));
  }
}
