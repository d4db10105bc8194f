package dev.agentloop.examples;

import dev.agentloop.observe.GenAi;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Keeps ended spans in memory and prints a run as a tree: each model call and tool call with its
 * start offset, duration, tokens and cost. At most {@link #MAX_SPANS} spans are kept.
 */
final class Timeline implements SpanExporter {

  /** The most spans kept; later ones are dropped. */
  static final int MAX_SPANS = 10_000;

  private final List<SpanData> spans = new ArrayList<>();

  @Override
  public synchronized CompletableResultCode export(Collection<SpanData> batch) {
    for (SpanData s : batch) {
      if (spans.size() < MAX_SPANS) {
        spans.add(s);
      }
    }
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  /** The spans kept so far. */
  synchronized List<SpanData> spans() {
    return List.copyOf(spans);
  }

  /** Renders every run span kept, with its children, as a tree. */
  String render() {
    return render(spans());
  }

  /** Renders the run spans among {@code spans}, each with its children, as trees. */
  static String render(List<SpanData> spans) {
    StringBuilder out = new StringBuilder();
    List<SpanData> runs =
        spans.stream()
            .filter(s -> GenAi.OP_INVOKE_AGENT.equals(string(s, GenAi.OPERATION_NAME)))
            .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
            .toList();
    for (SpanData run : runs) {
      out.append(line(run, run)).append('\n');
      List<SpanData> children =
          spans.stream()
              .filter(
                  s ->
                      s.getTraceId().equals(run.getTraceId())
                          && s.getParentSpanId().equals(run.getSpanId())
                          && !SpanId.getInvalid().equals(s.getParentSpanId()))
              .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
              .toList();
      for (int i = 0; i < children.size(); i++) {
        out.append(i == children.size() - 1 ? "└─ " : "├─ ")
            .append(line(children.get(i), run))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static String line(SpanData s, SpanData run) {
    StringBuilder b = new StringBuilder(s.getName());
    if (s != run) {
      b.append("  +").append(seconds(s.getStartEpochNanos() - run.getStartEpochNanos()));
    }
    b.append("  ").append(seconds(s.getEndEpochNanos() - s.getStartEpochNanos()));
    Long in = s.getAttributes().get(AttributeKey.longKey(GenAi.USAGE_INPUT_TOKENS));
    Long outTokens = s.getAttributes().get(AttributeKey.longKey(GenAi.USAGE_OUTPUT_TOKENS));
    Double cost = s.getAttributes().get(AttributeKey.doubleKey(GenAi.OPENROUTER_COST_USD));
    if (s == run) {
      in = s.getAttributes().get(AttributeKey.longKey(GenAi.RUN_INPUT_TOKENS));
      outTokens = s.getAttributes().get(AttributeKey.longKey(GenAi.RUN_OUTPUT_TOKENS));
      cost = s.getAttributes().get(AttributeKey.doubleKey(GenAi.RUN_COST_USD));
    }
    if (in != null && outTokens != null) {
      b.append("  ").append(in).append(" in / ").append(outTokens).append(" out");
    }
    if (cost != null) {
      b.append(String.format(Locale.ROOT, "  $%.6f", cost));
    }
    String error = string(s, GenAi.ERROR_TYPE);
    if (error != null) {
      b.append("  error: ").append(error);
    }
    return b.toString();
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3fs", nanos / 1e9);
  }

  private static @org.jspecify.annotations.Nullable String string(SpanData s, String key) {
    return s.getAttributes().get(AttributeKey.stringKey(key));
  }
}
