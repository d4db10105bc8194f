package dev.agentloop.bench;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Renders the median rows of a load run as a Markdown table plus a check of the targets. */
final class ResultTable {

  /** The table's header cells, in order. */
  static final List<String> COLUMNS =
      List.of(
          "C",
          "model latency",
          "contender",
          "JDK",
          "reps",
          "conv/s",
          "exch/s",
          "p50 ms",
          "p99 ms",
          "CPU ms/conv",
          "alloc KiB/conv",
          "peak RSS MiB",
          "settle s",
          "JIT ms in window",
          "errors",
          "baseline",
          "conv/s ratio",
          "CPU/conv ratio",
          "alloc ratio");

  private ResultTable() {}

  static String markdown(List<JsonObject> medians) {
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(String.join(" | ", COLUMNS)).append(" |\n");
    sb.append("|").append("---|".repeat(COLUMNS.size())).append('\n');
    for (JsonObject r : medians) {
      sb.append("| ").append(String.join(" | ", row(r))).append(" |\n");
    }
    sb.append('\n')
        .append("Figures are medians over the repetitions; a ratio is the median of the")
        .append(" per-repetition ratios to the baseline, [min-max] in brackets.\n\n")
        .append(targets(medians))
        .append(Journaled.ratios(medians));
    return sb.toString();
  }

  private static List<String> row(JsonObject r) {
    List<String> cells = new ArrayList<>();
    cells.add(fmt("%,d", r.getInteger("concurrency")));
    cells.add(r.getLong("latencyMs") + " ms");
    cells.add(r.getString("contender"));
    if (!r.containsKey("convPerSec")) {
      String reason = r.getString("reason", "").replace('|', '/').replace('\n', ' ');
      cells.add(r.getString("status") + ": " + reason);
      while (cells.size() < COLUMNS.size()) {
        cells.add("");
      }
      return cells;
    }
    cells.add(r.getString("jdk", "?"));
    cells.add(Integer.toString(r.getInteger("reps")));
    cells.add(fmt("%,.0f", r.getDouble("convPerSec")));
    cells.add(fmt("%,.0f", r.getDouble("exchPerSec")));
    cells.add(fmt("%.1f", r.getDouble("p50Ms")));
    cells.add(fmt("%.1f", r.getDouble("p99Ms")));
    cells.add(fmt("%.3f", r.getDouble("cpuMsPerConv")));
    cells.add(fmt("%.1f", r.getDouble("allocBytesPerConv") / 1024));
    cells.add(fmt("%.0f", r.getDouble("peakRssMiB")));
    cells.add(fmt("%.0f", r.getDouble("settleSeconds", 0.0)));
    cells.add(fmt("%.0f", r.getDouble("jitMsInWindow", -1.0)));
    cells.add(Long.toString(r.getLong("errors")));
    cells.add(r.getString("baseline", ""));
    cells.add(ratio(r, "tputRatio"));
    cells.add(ratio(r, "cpuRatio"));
    cells.add(ratio(r, "allocRatio"));
    return cells;
  }

  /** "0.85 [0.80-0.91]": the median ratio and its spread over the repetitions. */
  private static String ratio(JsonObject r, String name) {
    if (!r.containsKey(name)) {
      return "";
    }
    return fmt(
        "%.2f [%.2f-%.2f]",
        r.getDouble(name), r.getDouble(name + "Min"), r.getDouble(name + "Max"));
  }

  /** The targets of issues 21 and 17, each PASS, FAIL or not measured. */
  static String targets(List<JsonObject> medians) {
    StringBuilder sb = new StringBuilder("Targets (medians of the per-repetition ratios):\n");
    check(sb, medians, "agentloop", 1, 0, "conv/s >= 0.7 x raw", r -> tput(r) >= 0.7);
    check(sb, medians, "agentloop", 64, 0, "conv/s >= 0.9 x raw", r -> tput(r) >= 0.9);
    check(sb, medians, "agentloop", 64, 0, "CPU/conv <= 1.5 x raw", r -> cpu(r) <= 1.5);
    check(sb, medians, "agentloop", 1000, 50, "conv/s >= 0.9 x raw", r -> tput(r) >= 0.9);
    check(
        sb, medians, "agentloop-stream", 64, 0, "conv/s >= 0.9 x raw-stream", r -> tput(r) >= 0.9);
    check(
        sb, medians, "agentloop-stream", 64, 0, "CPU/conv <= 1.5 x raw-stream", r -> cpu(r) <= 1.5);
    check(
        sb,
        medians,
        "agentloop-stream",
        1000,
        50,
        "conv/s >= 0.9 x raw-stream",
        r -> tput(r) >= 0.9);
    check(sb, medians, "agentloop", 10000, 50, "completes with 0 errors", r -> errorFree(r));
    check(sb, medians, "agentloop-stream", 10000, 50, "completes with 0 errors", r -> errorFree(r));
    check(sb, medians, "agentloop-otel", 64, 0, "conv/s >= 0.95 x agentloop", r -> tput(r) >= 0.95);
    return sb.toString();
  }

  private static void check(
      StringBuilder sb,
      List<JsonObject> medians,
      String contender,
      int concurrency,
      long latencyMs,
      String what,
      Predicate<JsonObject> ok) {
    JsonObject r = find(medians, contender, concurrency, latencyMs);
    // A row without its ratio (its baseline was not run) is not a measurement of the target.
    boolean measured = r != null && (what.contains("errors") || r.containsKey(ratioKey(what)));
    String verdict = !measured ? "not measured" : ok.test(r) ? "PASS" : "FAIL";
    sb.append(fmt("- %s, C=%,d, %d ms: %s: %s", contender, concurrency, latencyMs, what, verdict))
        .append('\n');
  }

  private static String ratioKey(String what) {
    return what.startsWith("CPU") ? "cpuRatio" : "tputRatio";
  }

  private static boolean errorFree(JsonObject r) {
    return r.getLong("errors") == 0 && r.getInteger("failedReps", 0) == 0;
  }

  private static double tput(JsonObject r) {
    return r.getDouble("tputRatio", Double.NaN);
  }

  private static double cpu(JsonObject r) {
    return r.getDouble("cpuRatio", Double.NaN);
  }

  /** The median row of {@code contender} in the same cell as {@code r}, or null. */
  static @Nullable JsonObject peer(List<JsonObject> medians, JsonObject r, String contender) {
    return find(medians, contender, r.getInteger("concurrency"), r.getLong("latencyMs"));
  }

  private static @Nullable JsonObject find(
      List<JsonObject> medians, String contender, int concurrency, long latencyMs) {
    for (JsonObject o : medians) {
      if (o.getString("contender").equals(contender)
          && o.getInteger("concurrency") == concurrency
          && o.getLong("latencyMs") == latencyMs
          && o.containsKey("convPerSec")) {
        return o;
      }
    }
    return null;
  }

  private static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
