/**
 * The agent loop: an {@link dev.agentloop.agent.Agent} configured once with {@link
 * dev.agentloop.agent.AgentOptions} drives the multi-step tool-calling conversation with a model,
 * stops for a named {@link dev.agentloop.agent.StopReason}, optionally returns structured output,
 * and reports every step in an {@link dev.agentloop.agent.AgentResult} and as {@link
 * dev.agentloop.agent.AgentEvent}s.
 */
@NullMarked
package dev.agentloop.agent;

import org.jspecify.annotations.NullMarked;
