package dev.agentloop.memory.spi;

import dev.agentloop.openrouter.Message;
import io.vertx.core.Future;
import java.util.List;

/**
 * Stores the messages of one conversation. Implementations must not block the calling event-loop
 * thread; a database-backed store returns futures completed by its async client.
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
}
