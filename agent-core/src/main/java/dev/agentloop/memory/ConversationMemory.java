package dev.agentloop.memory;

import dev.agentloop.internal.InMemoryMessageStore;
import dev.agentloop.memory.impl.ConversationMemoryImpl;
import dev.agentloop.memory.impl.RunMemory;
import dev.agentloop.memory.spi.MessageStore;
import dev.agentloop.openrouter.Message;
import io.vertx.core.Future;
import java.util.List;

/**
 * A conversation kept across runs. The agent reads {@link #messages()} before a run and {@link
 * #add(List) adds} the run's new messages (user turn, assistant messages, tool results) after it.
 *
 * <p>{@link #messages()} returns the conversation trimmed to the token budget: system messages are
 * always kept, and the oldest other messages are dropped first, in whole groups, so an assistant
 * message with {@code tool_calls} is never separated from its tool results. Creating a memory is
 * cheap; the first {@link #messages()} loads the token counter's encoding table on a worker thread
 * (see {@link TokenCounter#load()}), so a memory may be created and used on an event loop.
 *
 * <pre>{@code
 * ConversationMemory memory = ConversationMemory.create(8_000);
 * agent.run(RunRequest.builder("My name is Ada").memory(memory).build())
 *     .compose(r -> agent.run(RunRequest.builder("What is my name?").memory(memory).build()));
 * }</pre>
 */
public interface ConversationMemory {

  /** Creates an in-memory conversation trimmed to {@code maxTokens} (counted with o200k_base). */
  static ConversationMemory create(int maxTokens) {
    return create(new InMemoryMessageStore(), TokenCounter.o200k(), maxTokens);
  }

  /**
   * Creates a conversation backed by a store.
   *
   * @param store where messages live
   * @param counter how tokens are counted
   * @param maxTokens the budget {@link #messages()} trims to
   * @throws IllegalArgumentException when {@code maxTokens} is not positive
   */
  static ConversationMemory create(MessageStore store, TokenCounter counter, int maxTokens) {
    return new ConversationMemoryImpl(store, counter, maxTokens);
  }

  /**
   * Creates the memory of one run over a shared conversation: {@link #messages()} remembers the
   * conversation's version and {@link #add} appends only if no one wrote since, so two runs (on one
   * server or on several sharing a database) continuing the same conversation cannot interleave or
   * lose turns. The loser's {@code add} fails with {@link ConversationConflictException} and its
   * run stops with {@code MEMORY_ERROR}. Create one per run; the store must implement the versioned
   * {@link MessageStore#append(long, List)}.
   *
   * @throws IllegalArgumentException when {@code maxTokens} is not positive
   */
  static ConversationMemory forRun(MessageStore store, TokenCounter counter, int maxTokens) {
    return new RunMemory(store, counter, maxTokens);
  }

  /**
   * Returns the conversation trimmed to the token budget, oldest first. The first call loads the
   * token counter's encoding table, on a worker thread when called on an event loop.
   *
   * @return the messages; fails when the store fails or the encoding table cannot be read
   */
  Future<List<Message>> messages();

  /**
   * Appends messages.
   *
   * @return completes when stored; fails when the store fails
   */
  Future<Void> add(List<Message> messages);

  /** Removes all messages. */
  Future<Void> clear();

  /** The token budget. */
  int maxTokens();
}
