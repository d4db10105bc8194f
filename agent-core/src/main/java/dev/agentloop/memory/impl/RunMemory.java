package dev.agentloop.memory.impl;

import dev.agentloop.memory.ConversationMemory;
import dev.agentloop.memory.TokenCounter;
import dev.agentloop.memory.spi.MessageStore;
import dev.agentloop.openrouter.Message;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ConversationMemory} for one run: {@link #messages()} remembers the version it read and
 * {@link #add} appends only at that version, so a concurrent writer's turn is never interleaved
 * with this one. Each successful write moves the remembered version on.
 */
public final class RunMemory implements ConversationMemory {

  private final MessageStore store;
  private final TokenCounter counter;
  private final int maxTokens;
  private volatile long version = -1;

  /** Creates the memory. */
  public RunMemory(MessageStore store, TokenCounter counter, int maxTokens) {
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
        .compose(loaded -> store.loadVersioned())
        .map(
            read -> {
              version = read.version();
              return Trimmer.trim(read.messages(), counter, maxTokens);
            });
  }

  @Override
  public Future<Void> add(List<Message> messages) {
    List<Message> copy = List.copyOf(messages);
    // Not read yet (history seeded before a run): read the version now, then append at it.
    Future<Long> at =
        version >= 0
            ? Future.succeededFuture(version)
            : store.loadVersioned().map(read -> read.version());
    return at.compose(v -> store.append(v, copy))
        .map(
            next -> {
              version = next;
              return null;
            });
  }

  @Override
  public Future<Void> clear() {
    return store
        .clear()
        .map(
            v -> {
              version = -1;
              return null;
            });
  }

  @Override
  public int maxTokens() {
    return maxTokens;
  }
}
