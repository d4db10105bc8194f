package dev.agentloop.observe.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.StopReason;
import dev.agentloop.observe.GenAi;
import dev.agentloop.observe.ObservabilityOptions;
import dev.agentloop.openrouter.FunctionCall;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolResult.ErrorKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The meters and span names {@link Telemetry} resolves once and then reuses. */
class TelemetryCachesTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Telemetry telemetry =
      Telemetry.create(new ObservabilityOptions().setMeterRegistry(registry));

  @Test
  void toolCallsAreCountedByToolAndOutcomeAcrossRuns() {
    ErrorKind[] kinds = ErrorKind.values();
    for (int round = 0; round < 2; round++) {
      RunTelemetry run = telemetry.startRun("r" + round, "s", "m", null, Set.of("weather"));
      for (int k = -1; k < kinds.length; k++) {
        // a different number of calls per outcome and tool, so a swapped slot shows
        for (int i = 0; i < k + 2; i++) {
          call(run, "weather", k < 0 ? null : kinds[k]);
        }
        for (int i = 0; i < 2 * (k + 2); i++) {
          call(run, "not-a-tool", k < 0 ? null : kinds[k]);
        }
      }
      run.finished(result(StopReason.COMPLETED), false);
    }
    for (int k = -1; k < kinds.length; k++) {
      String outcome = k < 0 ? "ok" : kinds[k].name().toLowerCase(Locale.ROOT);
      assertThat(toolCalls("weather", outcome)).as(outcome).isEqualTo(2.0 * (k + 2));
      assertThat(toolCalls(GenAi.UNKNOWN_TOOL, outcome)).as(outcome).isEqualTo(4.0 * (k + 2));
    }
    assertThat(registry.find(GenAi.METRIC_TOOL_CALLS).counters())
        .hasSize(2 * (kinds.length + 1));
  }

  @Test
  void runsAreCountedByStopReason() {
    StopReason[] reasons = StopReason.values();
    for (int round = 0; round < 2; round++) {
      for (int r = 0; r < reasons.length; r++) {
        for (int i = 0; i <= r; i++) {
          telemetry
              .startRun("r", "s", "m", null, Set.of())
              .finished(result(reasons[r]), false);
        }
      }
    }
    for (int r = 0; r < reasons.length; r++) {
      Counter c =
          registry
              .find(GenAi.METRIC_RUNS)
              .tags(GenAi.STOP_REASON, reasons[r].name().toLowerCase(Locale.ROOT))
              .counter();
      assertThat(c).as(reasons[r].name()).isNotNull();
      assertThat(c.count()).as(reasons[r].name()).isEqualTo(2.0 * (r + 1));
    }
  }

  @Test
  void longNamesAreNotKept() {
    String tool = "t".repeat(257);
    assertThat(telemetry.toolSpanName(tool))
        .isEqualTo("execute_tool " + tool)
        .isNotSameAs(telemetry.toolSpanName(tool));
    String fits = "t".repeat(256);
    assertThat(telemetry.toolSpanName(fits)).isSameAs(telemetry.toolSpanName(fits));
  }

  @Test
  void spanNamesAreBuiltOnceUpToABound() {
    for (int i = 0; i < 300; i++) {
      assertThat(telemetry.chatSpanName("model-" + i)).isEqualTo("chat model-" + i);
      assertThat(telemetry.toolSpanName("tool-" + i)).isEqualTo("execute_tool tool-" + i);
    }
    assertThat(telemetry.chatSpanName("")).isEqualTo("chat");
    // the first names are kept and handed out again
    assertThat(telemetry.chatSpanName("model-0")).isSameAs(telemetry.chatSpanName("model-0"));
    assertThat(telemetry.toolSpanName("tool-0")).isSameAs(telemetry.toolSpanName("tool-0"));
    // past the bound they are built per call, so a stream of new names cannot grow the cache
    assertThat(telemetry.chatSpanName("model-299"))
        .isEqualTo("chat model-299")
        .isNotSameAs(telemetry.chatSpanName("model-299"));
    assertThat(telemetry.toolSpanName("tool-299"))
        .isEqualTo("execute_tool tool-299")
        .isNotSameAs(telemetry.toolSpanName("tool-299"));
  }

  private double toolCalls(String tool, String outcome) {
    Counter c =
        registry
            .find(GenAi.METRIC_TOOL_CALLS)
            .tags(GenAi.TOOL_NAME, tool, GenAi.TOOL_OUTCOME, outcome)
            .counter();
    return c == null ? 0 : c.count();
  }

  private static void call(RunTelemetry run, String tool, ErrorKind error) {
    ToolCall call = new ToolCall("c", "function", new FunctionCall(tool, "{}"));
    run.toolStarted(call);
    run.toolFinished(
        call,
        error == null
            ? ToolResult.success("c", tool, "ok", Duration.ZERO)
            : ToolResult.error("c", tool, error, "failed", Duration.ZERO));
  }

  private static AgentResult result(StopReason reason) {
    return new AgentResult(
        "r",
        "s",
        reason,
        "",
        null,
        null,
        List.of(Message.user("hi")),
        List.of(),
        Usage.ZERO,
        Map.of(),
        "m",
        null,
        List.of());
  }
}
