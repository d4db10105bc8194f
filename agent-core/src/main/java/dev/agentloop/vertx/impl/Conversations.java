package dev.agentloop.vertx.impl;

import dev.agentloop.internal.InMemoryMessageStore;
import dev.agentloop.memory.ConversationMemory;
import dev.agentloop.memory.TokenCounter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server-side conversations by id, bounded: beyond {@code max} the least recently used one is
 * forgotten. Thread-safe, because HTTP routes may be served from several event loops.
 */
public final class Conversations {

  private final int memoryMaxTokens;
  private final TokenCounter counter;
  private final Map<String, ConversationMemory> byId;

  /** Creates a store keeping at most {@code max} conversations of {@code memoryMaxTokens} each. */
  public Conversations(int max, int memoryMaxTokens) {
    this.memoryMaxTokens = memoryMaxTokens;
    // Cheap: the shared counter reads its table on a worker at the first messages() of a memory.
    this.counter = TokenCounter.o200k();
    this.byId =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, ConversationMemory> eldest) {
            return size() > max;
          }
        };
  }

  /** Returns the conversation with this id, creating it on first use. */
  public synchronized ConversationMemory get(String id) {
    return byId.computeIfAbsent(id, k -> fresh());
  }

  /** Returns a new conversation that is not kept. */
  public ConversationMemory fresh() {
    return ConversationMemory.create(new InMemoryMessageStore(), counter, memoryMaxTokens);
  }

  /** The number of conversations kept. */
  public synchronized int size() {
    return byId.size();
  }
}
