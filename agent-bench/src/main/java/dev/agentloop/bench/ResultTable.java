package dev.agentloop.bench;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Renders load results as a Markdown table plus a check of the targets. */
final class ResultTable {

  /** The table's header cells, in order. */
  static final List<String> COLUMNS =
      List.of(
          "C",
          "model latency",
          "contender",
          "JDK",
          "conv/s",
          "exch/s",
          "p50 ms",
          "p99 ms",
          "CPU ms/conv",
          "peak RSS MiB",
          "errors",
          "AgentLoop/raw",
          "AgentLoop/LangChain4j");

  private ResultTable() {}

  static String markdown(List<JsonObject> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(String.join(" | ", COLUMNS)).append(" |\n");
    sb.append("|").append("---|".repeat(COLUMNS.size())).append('\n');
    for (JsonObject r : results) {
      sb.append("| ").append(String.join(" | ", row(r, results))).append(" |\n");
    }
    sb.append('\n').append(targets(results)).append(Journaled.ratios(results));
    return sb.toString();
  }

  private static List<String> row(JsonObject r, List<JsonObject> all) {
    List<String> cells = new ArrayList<>();
    cells.add(String.format(Locale.ROOT, "%,d", r.getInteger("concurrency")));
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
    cells.add(fmt("%,.0f", r.getDouble("convPerSec")));
    cells.add(fmt("%,.0f", r.getDouble("exchPerSec")));
    cells.add(fmt("%.1f", r.getDouble("p50Ms")));
    cells.add(fmt("%.1f", r.getDouble("p99Ms")));
    cells.add(fmt("%.3f", r.getDouble("cpuMsPerConv")));
    cells.add(fmt("%.0f", r.getDouble("peakRssMiB")));
    cells.add(Long.toString(r.getLong("errors")));
    boolean agent = r.getString("contender").equals("agentloop");
    cells.add(agent ? ratio(r, peer(all, r, "raw")) : "");
    cells.add(agent ? ratio(r, bestLangChain4j(all, r)) : "");
    return cells;
  }

  /** "0.85 (CPU 1.30)": throughput ratio, then CPU-per-conversation ratio. */
  private static String ratio(JsonObject agent, @Nullable JsonObject other) {
    if (other == null || other.getDouble("convPerSec", 0.0) == 0.0) {
      return "n/a";
    }
    double tput = agent.getDouble("convPerSec") / other.getDouble("convPerSec");
    double cpu = agent.getDouble("cpuMsPerConv") / other.getDouble("cpuMsPerConv");
    return fmt("%.2f (CPU %.2f)", tput, cpu);
  }

  static @Nullable JsonObject peer(List<JsonObject> all, JsonObject r, String contender) {
    for (JsonObject o : all) {
      if (o.getString("contender").equals(contender)
          && o.getInteger("concurrency").equals(r.getInteger("concurrency"))
          && o.getLong("latencyMs").equals(r.getLong("latencyMs"))
          && o.containsKey("convPerSec")) {
        return o;
      }
    }
    return null;
  }

  private static @Nullable JsonObject bestLangChain4j(List<JsonObject> all, JsonObject r) {
    JsonObject a = peer(all, r, "langchain4j");
    JsonObject b = peer(all, r, "langchain4j-vt");
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return a.getDouble("convPerSec") >= b.getDouble("convPerSec") ? a : b;
  }

  /** The targets for AgentLoop, each PASS, FAIL or not measured. */
  static String targets(List<JsonObject> all) {
    StringBuilder sb = new StringBuilder("Targets (AgentLoop):\n");
    JsonObject c64 = find(all, "agentloop", 64, 0);
    JsonObject c1k = find(all, "agentloop", 1000, 50);
    JsonObject c10k = find(all, "agentloop", 10000, 50);
    line(sb, "C=64, 0 ms: conv/s >= 0.7 x raw", c64, a -> tput(all, a) >= 0.7);
    line(sb, "C=1,000, 50 ms: conv/s >= 0.9 x raw", c1k, a -> tput(all, a) >= 0.9);
    line(sb, "C=1,000, 50 ms: p99 <= 260 ms", c1k, a -> a.getDouble("p99Ms") <= 260);
    line(
        sb,
        "C=10,000, 50 ms: no errors, peak RSS < 1 GiB",
        c10k,
        a -> a.getLong("errors") == 0 && a.getDouble("peakRssMiB") < 1024);
    for (JsonObject a : all) {
      if (a.getString("contender").equals("agentloop") && a.containsKey("convPerSec")) {
        JsonObject raw = peer(all, a, "raw");
        line(
            sb,
            "C="
                + a.getInteger("concurrency")
                + ", "
                + a.getLong("latencyMs")
                + " ms: CPU/conversation <= 2 x raw",
            raw == null ? null : a,
            x -> x.getDouble("cpuMsPerConv") <= 2 * raw.getDouble("cpuMsPerConv"));
      }
    }
    return sb.toString();
  }

  private static double tput(List<JsonObject> all, JsonObject a) {
    JsonObject raw = peer(all, a, "raw");
    return raw == null ? Double.NaN : a.getDouble("convPerSec") / raw.getDouble("convPerSec");
  }

  private static @Nullable JsonObject find(List<JsonObject> all, String c, int conc, long latency) {
    for (JsonObject o : all) {
      if (o.getString("contender").equals(c)
          && o.getInteger("concurrency") == conc
          && o.getLong("latencyMs") == latency
          && o.containsKey("convPerSec")) {
        return o;
      }
    }
    return null;
  }

  private static void line(
      StringBuilder sb,
      String what,
      @Nullable JsonObject r,
      java.util.function.Predicate<JsonObject> ok) {
    String verdict = r == null ? "not measured" : ok.test(r) ? "PASS" : "FAIL";
    sb.append("- ").append(what).append(": ").append(verdict).append('\n');
  }

  private static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
