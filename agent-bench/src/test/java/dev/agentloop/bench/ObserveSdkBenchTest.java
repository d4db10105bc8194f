package dev.agentloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.bench.jmh.ObserveSdkBench;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The floor {@link ObserveSdkBench} compares AgentLoop's instrumentation with must record the same
 * thing: the same spans, in the same order, of the same kinds, with the same attributes and the
 * same parentage. Otherwise the gap between the two would measure a difference in content.
 */
class ObserveSdkBenchTest {

  @Test
  void theFloorRecordsWhatAgentLoopRecords() throws Exception {
    List<SpanData> ours = ObserveSdkBench.oneConversation(false);
    List<SpanData> floor = ObserveSdkBench.oneConversation(true);

    // one run, four model requests, three tool calls, in the order they ended
    assertThat(ours)
        .extracting(SpanData::getName)
        .containsExactly(
            "chat bench/scripted",
            "execute_tool weather",
            "chat bench/scripted",
            "execute_tool weather",
            "chat bench/scripted",
            "execute_tool weather",
            "chat bench/scripted",
            "invoke_agent agent");
    assertThat(floor).extracting(SpanData::getName).isEqualTo(names(ours));
    assertThat(floor).extracting(SpanData::getKind).isEqualTo(ours.stream().map(SpanData::getKind).toList());
    for (int i = 0; i < ours.size(); i++) {
      assertThat(attributes(floor.get(i))).as(ours.get(i).getName()).isEqualTo(attributes(ours.get(i)));
    }
    assertParentage(ours);
    assertParentage(floor);
    // the chat spans carry 17 attributes, the tool spans 6, the run span 12
    assertThat(ours).extracting(s -> s.getAttributes().size()).containsExactly(17, 6, 17, 6, 17, 6, 17, 12);
  }

  private static List<String> names(List<SpanData> spans) {
    return spans.stream().map(SpanData::getName).toList();
  }

  /** The attributes, with the ids that differ per run (call ids stay: they are fixtures). */
  private static Map<String, Object> attributes(SpanData span) {
    Map<String, Object> out = new HashMap<>();
    span.getAttributes().forEach((AttributeKey<?> k, Object v) -> out.put(k.getKey(), v));
    return out;
  }

  private static void assertParentage(List<SpanData> spans) {
    SpanData run = spans.get(spans.size() - 1);
    assertThat(run.getParentSpanContext().isValid()).isFalse();
    for (SpanData s : spans.subList(0, spans.size() - 1)) {
      assertThat(s.getParentSpanId()).as(s.getName()).isEqualTo(run.getSpanId());
      assertThat(s.getTraceId()).isEqualTo(run.getTraceId());
    }
    assertThat(Set.copyOf(spans.stream().map(SpanData::getSpanId).toList())).hasSize(spans.size());
  }
}
