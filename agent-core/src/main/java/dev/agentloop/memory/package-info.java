/**
 * Conversation memory: {@link dev.agentloop.memory.ConversationMemory} keeps a conversation across
 * runs and trims it to a token budget counted with {@link dev.agentloop.memory.TokenCounter}, never
 * separating an assistant message's tool calls from their results. Storage is pluggable through
 * {@link dev.agentloop.memory.spi.MessageStore}.
 */
@NullMarked
package dev.agentloop.memory;

import org.jspecify.annotations.NullMarked;
