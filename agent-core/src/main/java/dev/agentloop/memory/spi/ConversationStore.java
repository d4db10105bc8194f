package dev.agentloop.memory.spi;

import dev.agentloop.memory.impl.InMemoryConversationStore;

/**
 * Conversations by id: where a server keeps the conversations its callers continue by id. The
 * in-memory store is bounded and lost on restart; the JDBC run stores of {@code agent-store}
 * implement this too, so a served conversation survives a restart and continues on any node that
 * shares the database.
 *
 * <pre>{@code
 * MessageStore messages = store.conversation("user-42");
 * ConversationMemory memory = ConversationMemory.forRun(messages, TokenCounter.o200k(), 8_000);
 * agent.run(RunRequest.builder("Hello").memory(memory).build());
 * }</pre>
 */
public interface ConversationStore {

  /**
   * Returns a store keeping at most {@code maxConversations} conversations in this JVM's memory;
   * beyond it the least recently used one is forgotten.
   *
   * @throws IllegalArgumentException when {@code maxConversations} is not positive
   */
  static ConversationStore inMemory(int maxConversations) {
    return new InMemoryConversationStore(maxConversations);
  }

  /**
   * Returns the messages of the conversation with this id, created empty on first use. Cheap: does
   * no I/O until the returned store is read or written.
   *
   * @param id the conversation id (at most {@link #MAX_ID_LENGTH} characters)
   * @throws IllegalArgumentException when the id is empty or too long
   */
  MessageStore conversation(String id);

  /** The longest conversation id a store accepts: {@value}. */
  int MAX_ID_LENGTH = 1000;

  /**
   * Checks a conversation id.
   *
   * @return the id
   * @throws IllegalArgumentException when it is empty or longer than {@link #MAX_ID_LENGTH}
   */
  static String checkId(String id) {
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "conversation id must have 1 to " + MAX_ID_LENGTH + " characters: " + id.length());
    }
    return id;
  }
}
