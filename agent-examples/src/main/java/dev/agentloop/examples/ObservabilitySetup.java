package dev.agentloop.examples;

import dev.agentloop.observe.ObservabilityOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The CLI's tracing and metrics: an OpenTelemetry SDK exporting spans over OTLP/HTTP when the
 * standard {@code OTEL_EXPORTER_OTLP_*} variables (or {@code --otlp-endpoint}) ask for it, and a
 * Prometheus registry for {@code GET /metrics}. Closing flushes and stops the exporter.
 */
final class ObservabilitySetup implements AutoCloseable {

  /** The environment variables that turn OTLP export on. */
  static final String[] OTLP_VARIABLES = {
    "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
  };

  private final @Nullable OpenTelemetrySdk sdk;
  private final PrometheusMeterRegistry registry;
  private final @Nullable Timeline timeline;

  private ObservabilitySetup(
      @Nullable OpenTelemetrySdk sdk,
      PrometheusMeterRegistry registry,
      @Nullable Timeline timeline) {
    this.sdk = sdk;
    this.registry = registry;
    this.timeline = timeline;
  }

  /**
   * Sets up tracing and metrics.
   *
   * @param otlpEndpoint an OTLP/HTTP base URL from the command line (overrides the environment), or
   *     null
   * @param env the environment
   */
  static ObservabilitySetup create(@Nullable String otlpEndpoint, Map<String, String> env) {
    return create(otlpEndpoint, env, false);
  }

  /**
   * Sets up tracing and metrics; with {@code timeline}, spans are also kept in memory for {@link
   * #timeline()} (the {@code --verbose} tree).
   */
  static ObservabilitySetup create(
      @Nullable String otlpEndpoint, Map<String, String> env, boolean keepTimeline) {
    boolean export = otlpEndpoint != null;
    for (String name : OTLP_VARIABLES) {
      export |= env.get(name) != null && !env.get(name).isBlank();
    }
    OpenTelemetrySdk sdk = null;
    Timeline timeline = keepTimeline ? new Timeline() : null;
    if (export || timeline != null) {
      boolean exporting = export;
      sdk =
          AutoConfiguredOpenTelemetrySdk.builder()
              .addPropertiesSupplier(() -> defaults(exporting))
              .addTracerProviderCustomizer(
                  (builder, config) ->
                      timeline == null
                          ? builder
                          : builder.addSpanProcessor(SimpleSpanProcessor.create(timeline)))
              .addPropertiesCustomizer(
                  config -> {
                    Map<String, String> overrides = new HashMap<>();
                    if (otlpEndpoint != null) {
                      overrides.put("otel.exporter.otlp.endpoint", otlpEndpoint);
                      overrides.put("otel.exporter.otlp.protocol", "http/protobuf");
                    }
                    return overrides;
                  })
              .disableShutdownHook()
              .build()
              .getOpenTelemetrySdk();
    }
    return new ObservabilitySetup(
        sdk, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), timeline);
  }

  /** Defaults below the environment: spans only, over OTLP/HTTP, as service "agentloop". */
  private static Map<String, String> defaults(boolean export) {
    return Map.of(
        "otel.service.name", "agentloop",
        "otel.traces.exporter", export ? "otlp" : "none",
        "otel.metrics.exporter", "none",
        "otel.logs.exporter", "none",
        "otel.exporter.otlp.protocol", "http/protobuf");
  }

  /** The agent options: the SDK (when exporting) and the Prometheus registry. */
  ObservabilityOptions options() {
    return new ObservabilityOptions().setOpenTelemetry(sdk).setMeterRegistry(registry);
  }

  /** The spans kept for the {@code --verbose} tree, or null when not kept. */
  @Nullable Timeline timeline() {
    return timeline;
  }

  /** Whether spans are exported. */
  boolean exporting() {
    return sdk != null;
  }

  /** The Prometheus registry behind {@code /metrics}. */
  PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Exports the spans ended so far; waits at most five seconds. */
  void flush() {
    if (sdk != null) {
      sdk.getSdkTracerProvider().forceFlush().join(5, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() {
    if (sdk != null) {
      sdk.shutdown().join(5, TimeUnit.SECONDS);
    }
    registry.close();
  }
}
