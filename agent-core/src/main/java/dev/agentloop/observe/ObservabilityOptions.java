package dev.agentloop.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Tracing and metrics of an agent: OpenTelemetry spans following the GenAI semantic conventions
 * ({@link GenAi}) and Micrometer meters. With the defaults an agent uses the global OpenTelemetry
 * when the application installed one ({@code GlobalOpenTelemetry.set}, or the agent's
 * auto-configuration) and Micrometer's global registry when it holds a registry; otherwise it
 * records nothing and allocates nothing for it. Both are looked up once, when the agent is created.
 *
 * <p>Message contents, tool arguments and tool results are recorded only with {@link
 * #setCaptureContent(boolean)}, cut to {@link #getMaxContentChars()} and scrubbed of API keys and
 * bearer tokens.
 *
 * <p>Not thread-safe while being configured; the agent copies it.
 */
public class ObservabilityOptions {

  /** Default: observability on (it still records nothing without an SDK or a registry). */
  public static final boolean DEFAULT_ENABLED = true;

  /** Default: contents are not recorded. */
  public static final boolean DEFAULT_CAPTURE_CONTENT = false;

  /** Default cap on one recorded content attribute, in characters. */
  public static final int DEFAULT_MAX_CONTENT_CHARS = 8192;

  /** The largest allowed {@link #setMaxContentChars(int)}. */
  public static final int MAX_CONTENT_CHARS = 1_000_000;

  /** Default agent name on {@code invoke_agent} spans. */
  public static final String DEFAULT_AGENT_NAME = "agent";

  /** The longest allowed agent name. */
  public static final int MAX_AGENT_NAME_LENGTH = 128;

  private boolean enabled = DEFAULT_ENABLED;
  private @Nullable OpenTelemetry openTelemetry;
  private @Nullable MeterRegistry meterRegistry;
  private boolean captureContent = DEFAULT_CAPTURE_CONTENT;
  private int maxContentChars = DEFAULT_MAX_CONTENT_CHARS;
  private String agentName = DEFAULT_AGENT_NAME;

  /** Creates options with the defaults. */
  public ObservabilityOptions() {}

  /** Creates a copy of other options. */
  public ObservabilityOptions(ObservabilityOptions other) {
    enabled = other.enabled;
    openTelemetry = other.openTelemetry;
    meterRegistry = other.meterRegistry;
    captureContent = other.captureContent;
    maxContentChars = other.maxContentChars;
    agentName = other.agentName;
  }

  /** Returns options that record nothing, whatever is installed globally. */
  public static ObservabilityOptions disabled() {
    return new ObservabilityOptions().setEnabled(false);
  }

  /** Whether tracing and metrics are on. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Turns tracing and metrics on or off. */
  public ObservabilityOptions setEnabled(boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  /** The OpenTelemetry to trace with, or null for the global one when installed. */
  public @Nullable OpenTelemetry getOpenTelemetry() {
    return openTelemetry;
  }

  /** Sets the OpenTelemetry to trace with; null uses the global one when installed. */
  public ObservabilityOptions setOpenTelemetry(@Nullable OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    return this;
  }

  /** The registry to record metrics in, or null for Micrometer's global one when it has any. */
  public @Nullable MeterRegistry getMeterRegistry() {
    return meterRegistry;
  }

  /** Sets the registry to record metrics in; null uses Micrometer's global one when it has any. */
  public ObservabilityOptions setMeterRegistry(@Nullable MeterRegistry meterRegistry) {
    this.meterRegistry = meterRegistry;
    return this;
  }

  /** Whether message contents, tool arguments and results are recorded on spans. */
  public boolean isCaptureContent() {
    return captureContent;
  }

  /** Records message contents, tool arguments and results on spans (scrubbed of keys). */
  public ObservabilityOptions setCaptureContent(boolean captureContent) {
    this.captureContent = captureContent;
    return this;
  }

  /** The cap on one recorded content attribute, in characters. */
  public int getMaxContentChars() {
    return maxContentChars;
  }

  /** Sets the cap on one recorded content attribute; 1 to {@link #MAX_CONTENT_CHARS}. */
  public ObservabilityOptions setMaxContentChars(int maxContentChars) {
    if (maxContentChars < 1 || maxContentChars > MAX_CONTENT_CHARS) {
      throw new IllegalArgumentException(
          "maxContentChars must be in 1.." + MAX_CONTENT_CHARS + ": " + maxContentChars);
    }
    this.maxContentChars = maxContentChars;
    return this;
  }

  /** The agent name on {@code invoke_agent} spans. */
  public String getAgentName() {
    return agentName;
  }

  /** Sets the agent name on {@code invoke_agent} spans; not blank, at most 128 characters. */
  public ObservabilityOptions setAgentName(String agentName) {
    Objects.requireNonNull(agentName, "agentName == null");
    if (agentName.isBlank() || agentName.length() > MAX_AGENT_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "agentName must be 1.." + MAX_AGENT_NAME_LENGTH + " characters: " + agentName.length());
    }
    this.agentName = agentName;
    return this;
  }
}
