package dev.agentloop.memory.impl;

import dev.agentloop.internal.InMemoryMessageStore;
import dev.agentloop.memory.spi.ConversationStore;
import dev.agentloop.memory.spi.MessageStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Conversations in this JVM's memory, bounded: beyond {@code max} the least recently used one is
 * forgotten. Thread-safe, because servers use it from several event loops.
 */
public final class InMemoryConversationStore implements ConversationStore {

  private final Map<String, MessageStore> byId;

  /** Creates a store keeping at most {@code max} conversations. */
  public InMemoryConversationStore(int max) {
    if (max <= 0) {
      throw new IllegalArgumentException("maxConversations must be > 0: " + max);
    }
    this.byId =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, MessageStore> eldest) {
            return size() > max;
          }
        };
  }

  @Override
  public synchronized MessageStore conversation(String id) {
    ConversationStore.checkId(id);
    return byId.computeIfAbsent(id, k -> new InMemoryMessageStore());
  }

  /** The number of conversations kept. */
  public synchronized int size() {
    return byId.size();
  }
}
