package dev.agentloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the load harness end to end with tiny counts (C=2, 1 s warm-up, 1 s measured) so it cannot
 * rot: fresh server and client JVMs for every contender, as in a full run. Proves the harness
 * works, measures nothing.
 */
class BenchSmokeTest {

  @Test
  @Timeout(420) // six contenders, each a fresh server and client JVM: about 40 s when quiet
  void everyContenderCompletesConversationsWithoutErrors() throws Exception {
    Path out = Path.of("target", "bench-smoke.json");
    BenchOptions options =
        BenchOptions.parse(new String[] {"--smoke", "--drain-s", "30", "--out", out.toString()});

    BenchMain.Report report = new BenchMain(options).run();

    assertThat(report.results()).hasSize(BenchOptions.ALL_CONTENDERS.split(",").length);
    for (JsonObject r : report.results()) {
      String contender = r.getString("contender");
      if (r.getString("status").equals("n/a") && allowedToBeMissing(contender, options)) {
        continue;
      }
      assertThat(r.getString("status")).as(contender + ": " + r.encode()).isEqualTo("ok");
      // Completed at any time: on a busy machine a 1 s window may see none, which is no failure.
      assertThat(r.getLong("totalConversations")).as(contender).isPositive();
      assertThat(r.getLong("errors")).as(contender).isZero();
      assertThat(r.getDouble("peakRssMiB")).as(contender).isPositive();
    }
    String header = report.markdown().lines().findFirst().orElseThrow();
    assertThat(header)
        .isEqualTo("| " + String.join(" | ", ResultTable.COLUMNS) + " |")
        .contains("conv/s", "exch/s", "p50 ms", "p99 ms", "CPU ms/conv", "peak RSS MiB", "errors")
        .contains("alloc KiB/conv", "baseline", "conv/s ratio", "CPU/conv ratio");
    assertThat(report.medians()).hasSize(report.results().size());
    for (JsonObject m : report.medians()) {
      if (m.containsKey("convPerSec") && m.getDouble("convPerSec") > 0) {
        assertThat(m.getDouble("allocBytesPerConv")).as(m.encode()).isPositive();
      }
    }
    assertThat(Files.readString(out)).contains("\"results\"", "\"medians\"", "\"markdown\"");
  }

  private static boolean allowedToBeMissing(String contender, BenchOptions options) {
    return contender.equals("langchain4j-vt") && options.vtJava() == null;
  }
}
