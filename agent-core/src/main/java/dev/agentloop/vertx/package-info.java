/**
 * Embedding agents in Vert.x applications: {@link dev.agentloop.vertx.AgentService} exposes an
 * agent on an event-bus address (local or clustered), {@link dev.agentloop.vertx.AgentVerticle}
 * deploys one from configuration, {@link dev.agentloop.vertx.AgentServiceClient} calls it from
 * anywhere on the bus, and {@link dev.agentloop.vertx.AgentRoutes} serves agents over HTTP: JSON,
 * Server-Sent Events of a run's progress, and an OpenAI-compatible chat completions endpoint.
 * {@link dev.agentloop.vertx.AgentJson} defines the stable JSON form of results and events that all
 * of them use.
 */
@NullMarked
package dev.agentloop.vertx;

import org.jspecify.annotations.NullMarked;
