/**
 * Observability: OpenTelemetry spans following the GenAI semantic conventions and Micrometer
 * metrics, on {@code opentelemetry-api} and {@code micrometer-core} only. {@link
 * dev.agentloop.observe.GenAi} holds every name; {@link dev.agentloop.observe.ObservabilityOptions}
 * configures an agent.
 */
@NullMarked
package dev.agentloop.observe;

import org.jspecify.annotations.NullMarked;
