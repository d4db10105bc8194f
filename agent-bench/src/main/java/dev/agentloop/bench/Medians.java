package dev.agentloop.bench;

import dev.agentloop.bench.BenchOptions.Cell;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Folds the repetitions of a load run into one row per cell and contender: the median of every
 * measured figure, and ratios to the contender's {@link BenchOptions#baseline baseline} taken per
 * repetition (the two runs of one repetition are neighbours in time, so they saw the same machine)
 * and then summarised as median, min and max.
 */
final class Medians {

  private Medians() {}

  /** One row per cell and contender, in cell then contender order. */
  static List<JsonObject> summarize(
      List<JsonObject> results, List<Cell> cells, List<String> contenders) {
    List<JsonObject> rows = new ArrayList<>();
    for (Cell cell : cells) {
      for (String contender : contenders) {
        rows.add(row(results, cell, contender));
      }
    }
    return rows;
  }

  private static JsonObject row(List<JsonObject> results, Cell cell, String contender) {
    List<JsonObject> runs = runs(results, cell, contender);
    JsonObject row =
        new JsonObject()
            .put("contender", contender)
            .put("concurrency", cell.concurrency())
            .put("latencyMs", cell.latencyMs());
    List<JsonObject> measured = new ArrayList<>();
    long errors = 0;
    int empty = 0;
    for (JsonObject r : runs) {
      if (r.containsKey("convPerSec")) {
        errors += r.getLong("errors", 0L);
        // A window with no conversation (a starved machine) measured nothing: no zero ratios.
        if (r.getDouble("convPerSec") > 0) {
          measured.add(r);
        } else {
          empty++;
        }
      }
    }
    if (measured.isEmpty()) {
      JsonObject first = runs.isEmpty() ? new JsonObject() : runs.get(0);
      return empty > 0
          ? row.put("status", errors == 0 ? "ok" : "errors")
              .put("errors", errors)
              .put("reason", "no conversation completed inside the window")
          : row.put("status", first.getString("status", "failed"))
              .put("reason", first.getString("reason", "no run"));
    }
    row.put("jdk", measured.get(0).getString("jdk"))
        .put("reps", measured.size())
        .put("failedReps", runs.size() - measured.size() - empty)
        .put("emptyReps", empty)
        .put("errors", errors)
        .put("status", errors == 0 && measured.size() + empty == runs.size() ? "ok" : "errors");
    for (String field :
        List.of(
            "convPerSec",
            "exchPerSec",
            "p50Ms",
            "p99Ms",
            "cpuMsPerConv",
            "allocBytesPerConv",
            "peakRssMiB",
            "settleSeconds",
            "jitMsInWindow")) {
      row.put(field, median(measured, r -> r.getDouble(field, 0.0)));
    }
    String baseline = BenchOptions.baseline(contender);
    if (baseline != null) {
      row.put("baseline", baseline);
      ratios(row, "tputRatio", measured, results, cell, baseline, "convPerSec");
      ratios(row, "cpuRatio", measured, results, cell, baseline, "cpuMsPerConv");
      ratios(row, "allocRatio", measured, results, cell, baseline, "allocBytesPerConv");
    }
    return row;
  }

  /**
   * Puts {@code name} (median), {@code nameMin} and {@code nameMax} of the per-repetition ratio.
   */
  private static void ratios(
      JsonObject row,
      String name,
      List<JsonObject> measured,
      List<JsonObject> results,
      Cell cell,
      String baseline,
      String field) {
    List<Double> ratios = new ArrayList<>();
    for (JsonObject r : measured) {
      JsonObject b = find(results, cell, baseline, r.getInteger("rep", 0));
      if (b != null && b.getDouble(field, 0.0) > 0 && b.getDouble("convPerSec", 0.0) > 0) {
        ratios.add(r.getDouble(field, 0.0) / b.getDouble(field));
      }
    }
    if (ratios.isEmpty()) {
      return;
    }
    double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    row.put(name, median(sorted)).put(name + "Min", sorted[0]);
    row.put(name + "Max", sorted[sorted.length - 1]);
  }

  private static List<JsonObject> runs(List<JsonObject> results, Cell cell, String contender) {
    List<JsonObject> runs = new ArrayList<>();
    for (JsonObject r : results) {
      if (r.getString("contender").equals(contender)
          && r.getInteger("concurrency") == cell.concurrency()
          && r.getLong("latencyMs") == cell.latencyMs()) {
        runs.add(r);
      }
    }
    return runs;
  }

  private static @Nullable JsonObject find(
      List<JsonObject> results, Cell cell, String contender, int rep) {
    for (JsonObject r : runs(results, cell, contender)) {
      if (r.getInteger("rep", 0) == rep && r.containsKey("convPerSec")) {
        return r;
      }
    }
    return null;
  }

  private static double median(List<JsonObject> rows, Function<JsonObject, Double> f) {
    return median(rows.stream().mapToDouble(f::apply).sorted().toArray());
  }

  /** The median of sorted values (the mean of the middle two for an even count). */
  static double median(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    double[] s = sorted.clone();
    Arrays.sort(s);
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
