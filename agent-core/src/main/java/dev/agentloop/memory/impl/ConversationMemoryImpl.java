package dev.agentloop.memory.impl;

import dev.agentloop.memory.ConversationMemory;
import dev.agentloop.memory.TokenCounter;
import dev.agentloop.memory.spi.MessageStore;
import dev.agentloop.openrouter.Message;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ConversationMemory} over a {@link MessageStore}, trimmed on read. Reading loads the
 * token counter's encoding table first, off the event loop (see {@link TokenCounter#load()}).
 */
public final class ConversationMemoryImpl implements ConversationMemory {

  private final MessageStore store;
  private final TokenCounter counter;
  private final int maxTokens;

  /** Creates the memory. */
  public ConversationMemoryImpl(MessageStore store, TokenCounter counter, int maxTokens) {
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be > 0: " + maxTokens);
    }
    this.store = Objects.requireNonNull(store, "store == null");
    this.counter = Objects.requireNonNull(counter, "counter == null");
    this.maxTokens = maxTokens;
  }

  @Override
  public Future<List<Message>> messages() {
    return counter
        .load()
        .compose(loaded -> store.load())
        .map(all -> Trimmer.trim(all, counter, maxTokens));
  }

  @Override
  public Future<Void> add(List<Message> messages) {
    return store.append(List.copyOf(messages));
  }

  @Override
  public Future<Void> clear() {
    return store.clear();
  }

  @Override
  public int maxTokens() {
    return maxTokens;
  }
}
