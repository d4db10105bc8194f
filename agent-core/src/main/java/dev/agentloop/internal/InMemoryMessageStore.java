package dev.agentloop.internal;

import dev.agentloop.memory.ConversationConflictException;
import dev.agentloop.memory.spi.MessageStore;
import dev.agentloop.memory.spi.VersionedMessages;
import dev.agentloop.openrouter.Message;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/** A {@link MessageStore} in a list; synchronized so runs on different event loops may share it. */
public final class InMemoryMessageStore implements MessageStore {

  private final List<Message> messages = new ArrayList<>();
  private long version;

  @Override
  public synchronized Future<List<Message>> load() {
    return Future.succeededFuture(List.copyOf(messages));
  }

  @Override
  public synchronized Future<Void> append(List<Message> added) {
    messages.addAll(added);
    version++;
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> clear() {
    messages.clear();
    version++;
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<VersionedMessages> loadVersioned() {
    return Future.succeededFuture(new VersionedMessages(messages, version));
  }

  @Override
  public synchronized Future<Long> append(long expectedVersion, List<Message> added) {
    if (version != expectedVersion) {
      return Future.failedFuture(
          new ConversationConflictException(
              "conversation conflict: another run wrote to the conversation since it was read"
                  + " (version "
                  + expectedVersion
                  + ", now "
                  + version
                  + ")"));
    }
    messages.addAll(added);
    return Future.succeededFuture(++version);
  }
}
