package dev.agentloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.bench.BenchOptions.Cell;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediansTest {

  private static JsonObject run(String contender, int rep, double convPerSec, double cpu) {
    return new JsonObject()
        .put("contender", contender)
        .put("concurrency", 64)
        .put("latencyMs", 0L)
        .put("rep", rep)
        .put("jdk", "17")
        .put("convPerSec", convPerSec)
        .put("cpuMsPerConv", cpu)
        .put("allocBytesPerConv", 1000.0)
        .put("errors", 0L);
  }

  @Test
  void ratiosArePairedPerRepetitionThenTheirMedianIsTaken() {
    List<JsonObject> results =
        List.of(
            run("raw", 0, 100, 1.0),
            run("agentloop", 0, 90, 2.0),
            run("raw", 1, 50, 2.0),
            run("agentloop", 1, 40, 3.0),
            run("raw", 2, 200, 1.0),
            run("agentloop", 2, 100, 1.0));

    List<JsonObject> rows =
        Medians.summarize(results, List.of(new Cell(64, 0)), List.of("raw", "agentloop"));

    JsonObject agent = rows.get(1);
    assertThat(agent.getDouble("convPerSec")).isEqualTo(90.0);
    assertThat(agent.getString("baseline")).isEqualTo("raw");
    // Per repetition 0.9, 0.8, 0.5: the median of those, not 90 / 100.
    assertThat(agent.getDouble("tputRatio")).isEqualTo(0.8);
    assertThat(agent.getDouble("tputRatioMin")).isEqualTo(0.5);
    assertThat(agent.getDouble("tputRatioMax")).isEqualTo(0.9);
    assertThat(agent.getDouble("cpuRatio")).isEqualTo(1.5);
    assertThat(agent.getInteger("reps")).isEqualTo(3);
    assertThat(rows.get(0).containsKey("tputRatio")).isFalse();
  }

  @Test
  void aWindowWithoutConversationsIsLeftOutOfMediansAndRatios() {
    List<JsonObject> results =
        List.of(
            run("raw", 0, 100, 1.0),
            run("agentloop", 0, 80, 2.0),
            run("raw", 1, 100, 1.0),
            run("agentloop", 1, 0, 0.0));

    JsonObject agent =
        Medians.summarize(results, List.of(new Cell(64, 0)), List.of("raw", "agentloop")).get(1);

    assertThat(agent.getDouble("convPerSec")).isEqualTo(80.0);
    assertThat(agent.getDouble("tputRatio")).isEqualTo(0.8);
    assertThat(agent.getDouble("tputRatioMin")).isEqualTo(0.8);
    assertThat(agent.getInteger("reps")).isEqualTo(1);
    assertThat(agent.getInteger("emptyReps")).isEqualTo(1);
  }

  @Test
  void aTwinIsComparedWithItsOriginalAndStreamingWithRawStream() {
    assertThat(BenchOptions.baseline("agentloop#aa")).isEqualTo("agentloop");
    assertThat(BenchOptions.kind("agentloop#aa")).isEqualTo("agentloop");
    assertThat(BenchOptions.baseline("agentloop-stream")).isEqualTo("raw-stream");
    assertThat(BenchOptions.baseline("agentloop-otel")).isEqualTo("agentloop");
    assertThat(BenchOptions.baseline("agentloop-otel-sampled")).isEqualTo("agentloop");
    assertThat(BenchOptions.baseline("raw")).isNull();
  }

  @Test
  void rotateOrderStartsEachRepetitionWithTheNextContender() {
    BenchOptions options =
        BenchOptions.parse(
            new String[] {"--contenders", "raw,agentloop", "--aa", "agentloop", "--reps", "3"});

    assertThat(options.contenders()).containsExactly("raw", "agentloop", "agentloop#aa");
    assertThat(options.orderFor(0)).containsExactly("raw", "agentloop", "agentloop#aa");
    assertThat(options.orderFor(1)).containsExactly("agentloop", "agentloop#aa", "raw");
    assertThat(options.orderFor(2)).containsExactly("agentloop#aa", "raw", "agentloop");
  }

  @Test
  void streamRequestsAreRecognisedByTheirStreamField() {
    assertThat(Script.isStream(bytes("{\"model\":\"m\",\"stream\": true}"))).isTrue();
    assertThat(Script.isStream(bytes("{\"model\":\"m\",\"stream\":false}"))).isFalse();
    assertThat(Script.isStream(bytes("{\"stream_options\":{},\"model\":\"m\"}"))).isFalse();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aTargetWhoseBaselineWasNotRunIsNotMeasured() {
    // agentloop without raw in the run: no ratio, so its targets against raw are not measured.
    JsonObject alone = run("agentloop", 0, 90, 2.0);

    String targets = ResultTable.targets(List.of(alone));

    assertThat(targets)
        .contains("- agentloop, C=64, 0 ms: conv/s >= 0.9 x raw: not measured\n")
        .contains("- agentloop, C=64, 0 ms: CPU/conv <= 1.5 x raw: not measured\n");
    JsonObject measured = alone.copy().put("tputRatio", 0.5).put("cpuRatio", 1.2);
    assertThat(ResultTable.targets(List.of(measured)))
        .contains("- agentloop, C=64, 0 ms: conv/s >= 0.9 x raw: FAIL\n")
        .contains("- agentloop, C=64, 0 ms: CPU/conv <= 1.5 x raw: PASS\n");
  }
}
