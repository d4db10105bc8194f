/**
 * The OpenRouter client: {@link dev.agentloop.openrouter.OpenRouterClient}, its options, the wire
 * model (immutable records for requests, messages, tool calls, chunks and usage) and the error
 * model ({@link dev.agentloop.openrouter.OpenRouterException}).
 */
@NullMarked
package dev.agentloop.openrouter;

import org.jspecify.annotations.NullMarked;
