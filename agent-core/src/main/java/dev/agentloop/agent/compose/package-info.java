/**
 * Composition: agents offered to other agents as tools ({@link
 * dev.agentloop.agent.compose.AgentTool}), handoffs between agents and guardrails. The calling
 * run's budgets, deadline, accounting and cancellation hold through every level.
 */
@NullMarked
package dev.agentloop.agent.compose;

import org.jspecify.annotations.NullMarked;
