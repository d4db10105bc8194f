package dev.agentloop.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.memory.spi.ConversationStore;
import dev.agentloop.memory.spi.MessageStore;
import dev.agentloop.memory.spi.VersionedMessages;
import dev.agentloop.openrouter.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory {@link ConversationStore}: versions, conditional appends, its bound. */
class ConversationStoreTest {

  @Test
  void appendAtAStaleVersionIsRefused() {
    MessageStore messages = ConversationStore.inMemory(10).conversation("c");
    assertThat(messages.append(0, List.of(Message.user("a"))).result()).isEqualTo(1);
    messages.append(List.of(Message.user("b")));

    assertThat(messages.append(1, List.of(Message.user("late"))).cause())
        .isInstanceOf(ConversationConflictException.class)
        .hasMessage("conversation conflict: another run wrote to the conversation since it was"
            + " read (version 1, now 2)");
    assertThat(messages.loadVersioned().result()).isEqualTo(
        new VersionedMessages(List.of(Message.user("a"), Message.user("b")), 2));
  }

  @Test
  void leastRecentlyUsedConversationIsForgottenBeyondTheBound() {
    ConversationStore store = ConversationStore.inMemory(1);
    store.conversation("a").append(List.of(Message.user("a")));
    store.conversation("b").append(List.of(Message.user("b")));

    assertThat(store.conversation("a").load().result()).isEmpty();
    assertThat(store.conversation("b").load().result()).isEmpty();
  }

  @Test
  void storesWithoutConditionalAppendSaySo() {
    MessageStore plain = new MessageStore() {
      @Override public io.vertx.core.Future<List<Message>> load() {
        return io.vertx.core.Future.succeededFuture(List.of());
      }
      @Override public io.vertx.core.Future<Void> append(List<Message> messages) {
        return io.vertx.core.Future.succeededFuture();
      }
      @Override public io.vertx.core.Future<Void> clear() {
        return io.vertx.core.Future.succeededFuture();
      }
    };

    assertThat(plain.append(0, List.of()).cause())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("this message store has no conditional append: ");
  }

  @Test
  void emptyAndOverlongIdsAreRefused() {
    assertThatThrownBy(() -> ConversationStore.inMemory(1).conversation(""))
        .hasMessage("conversation id must have 1 to 1000 characters: 0");
    assertThatThrownBy(() -> ConversationStore.inMemory(1).conversation("x".repeat(1001)))
        .hasMessage("conversation id must have 1 to 1000 characters: 1001");
  }
}
