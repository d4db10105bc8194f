package dev.agentloop.bench;

import dev.agentloop.observe.ObservabilityOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** Tracing and metrics on, as a production setup would have them, minus the network. */
public final class Observed {

  /** Spans exported so far (the exporter counts and drops them). */
  static final AtomicLong EXPORTED = new AtomicLong();

  private Observed() {}

  /** The share of runs {@code agentloop-otel-sampled} records. */
  static final double SAMPLED_RATIO = 0.1;

  /**
   * What a contender kind traces and measures: everything for {@code agentloop-otel}, every metric
   * and {@link #SAMPLED_RATIO} of the runs' traces for {@code agentloop-otel-sampled}, nothing for
   * the others.
   */
  static ObservabilityOptions forKind(String kind) {
    return switch (kind) {
      case "agentloop-otel" -> options(Sampler.parentBased(Sampler.alwaysOn()));
      case "agentloop-otel-sampled" ->
          options(Sampler.parentBased(Sampler.traceIdRatioBased(SAMPLED_RATIO)));
      default -> ObservabilityOptions.disabled();
    };
  }

  /**
   * An exporter that adds the number of spans it receives to {@code counter} and, when {@code keep}
   * is not null, keeps them there; it drops everything else and never touches the network.
   */
  public static SpanExporter counting(AtomicLong counter, @Nullable List<SpanData> keep) {
    return new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        counter.addAndGet(spans.size());
        if (keep != null) {
          keep.addAll(spans);
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
    };
  }

  static ObservabilityOptions options(Sampler sampler) {
    SpanExporter counting = counting(EXPORTED, null);
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .setSampler(sampler)
                    .addSpanProcessor(BatchSpanProcessor.builder(counting).build())
                    .build())
            .build();
    return new ObservabilityOptions()
        .setOpenTelemetry(sdk)
        .setMeterRegistry(new SimpleMeterRegistry());
  }
}
