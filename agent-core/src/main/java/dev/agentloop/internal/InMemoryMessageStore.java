package dev.agentloop.internal;

import dev.agentloop.memory.spi.MessageStore;
import dev.agentloop.openrouter.Message;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/** A {@link MessageStore} in a list; synchronized so runs on different event loops may share it. */
public final class InMemoryMessageStore implements MessageStore {

  private final List<Message> messages = new ArrayList<>();

  @Override
  public synchronized Future<List<Message>> load() {
    return Future.succeededFuture(List.copyOf(messages));
  }

  @Override
  public synchronized Future<Void> append(List<Message> added) {
    messages.addAll(added);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> clear() {
    messages.clear();
    return Future.succeededFuture();
  }
}
