package dev.agentloop.memory.spi;

import dev.agentloop.memory.ConversationConflictException;
import dev.agentloop.openrouter.Message;
import io.vertx.core.Future;
import java.util.List;

/**
 * Stores the messages of one conversation. Implementations must not block the calling event-loop
 * thread; a database-backed store returns futures completed by its async client or its workers.
 *
 * <p>A store shared by several servers implements the versioned pair {@link #loadVersioned()} and
 * {@link #append(long, List)}, so that two runs continuing one conversation cannot interleave their
 * turns: the second writer's append fails with {@link ConversationConflictException}.
 */
public interface MessageStore {

  /**
   * Loads all stored messages, oldest first.
   *
   * @return the messages; fails when the store cannot be read
   */
  Future<List<Message>> load();

  /**
   * Appends messages at the end.
   *
   * @return completes when stored; fails when the store cannot be written
   */
  Future<Void> append(List<Message> messages);

  /**
   * Removes all messages.
   *
   * @return completes when cleared
   */
  Future<Void> clear();

  /**
   * Loads all stored messages with the conversation's version. The default reads {@link #load()}
   * and uses the number of messages as the version; stores with conditional appends override it.
   *
   * @return the messages and version; fails when the store cannot be read
   */
  default Future<VersionedMessages> loadVersioned() {
    return load().map(messages -> new VersionedMessages(messages, messages.size()));
  }

  /**
   * Appends messages only when the conversation is still at {@code expectedVersion}.
   *
   * @return the new version; fails with {@link ConversationConflictException} when someone wrote
   *     since that version, with {@link UnsupportedOperationException} when the store has no
   *     conditional append (the default), or with the store's error
   */
  default Future<Long> append(long expectedVersion, List<Message> messages) {
    return Future.failedFuture(
        new UnsupportedOperationException(
            "this message store has no conditional append: " + getClass().getName()));
  }
}
