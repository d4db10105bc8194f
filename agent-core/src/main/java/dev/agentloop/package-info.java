/** AgentLoop: a non-blocking tool-calling agent framework for Vert.x and OpenRouter. */
@NullMarked
package dev.agentloop;

import org.jspecify.annotations.NullMarked;
