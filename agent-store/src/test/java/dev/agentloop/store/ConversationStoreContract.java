package dev.agentloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.memory.ConversationConflictException;
import dev.agentloop.memory.ConversationMemory;
import dev.agentloop.memory.TokenCounter;
import dev.agentloop.memory.spi.MessageStore;
import dev.agentloop.memory.spi.VersionedMessages;
import dev.agentloop.openrouter.Message;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every durable store must do with conversations. {@link #store()} and {@link #other()} are
 * two stores on the same database, as two servers would open it.
 */
abstract class ConversationStoreContract {

  abstract JdbcRunStore store();

  abstract JdbcRunStore other();

  final String id = "conv-" + UUID.randomUUID();

  @Test
  @Timeout(10)
  void messagesComeBackInOrderWithTheirVersion() {
    MessageStore messages = store().conversation(id);
    assertThat(messages.loadVersioned().await()).isEqualTo(new VersionedMessages(List.of(), 0));

    assertThat(messages.append(0, List.of(Message.user("hi"), Message.assistant("hello"))).await())
        .isEqualTo(1);
    assertThat(messages.append(1, List.of(Message.user("again"))).await()).isEqualTo(2);

    assertThat(other().conversation(id).loadVersioned().await())
        .isEqualTo(new VersionedMessages(
            List.of(Message.user("hi"), Message.assistant("hello"), Message.user("again")), 2));
    assertThat(store().conversation(id + "-other").load().await()).isEmpty();
  }

  @Test
  @Timeout(10)
  void appendAtAStaleVersionIsRefusedAndStoresNothing() {
    store().conversation(id).append(0, List.of(Message.user("a"))).await();
    other().conversation(id).append(1, List.of(Message.user("b"))).await();

    assertThatThrownBy(() -> store().conversation(id).append(1, List.of(Message.user("late")))
            .await())
        .isInstanceOf(ConversationConflictException.class)
        .hasMessage("conversation conflict: another run wrote to conversation " + id
            + " since it was read at version 1");
    assertThatThrownBy(() -> store().conversation(id).append(0, List.of(Message.user("new")))
            .await())
        .isInstanceOf(ConversationConflictException.class);
    assertThat(store().conversation(id).load().await())
        .containsExactly(Message.user("a"), Message.user("b"));
  }

  @Test
  @Timeout(10)
  void twoServersAppendingAtOneVersionHaveOneWinner() {
    store().conversation(id).append(0, List.of(Message.user("start"))).await();
    List<Future<Long>> writes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      JdbcRunStore server = i % 2 == 0 ? store() : other();
      writes.add(server.conversation(id)
          .append(1, List.of(Message.user("turn " + i), Message.assistant("answer " + i))));
    }
    Future.join(writes).otherwiseEmpty().await();

    assertThat(writes.stream().filter(Future::succeeded)).hasSize(1);
    assertThat(writes.stream().filter(f -> f.cause() instanceof ConversationConflictException))
        .hasSize(5);
    int winner = IntStream.range(0, 6).filter(i -> writes.get(i).succeeded()).findFirst()
        .orElseThrow();
    assertThat(other().conversation(id).loadVersioned().await()).isEqualTo(new VersionedMessages(
        List.of(Message.user("start"), Message.user("turn " + winner),
            Message.assistant("answer " + winner)), 2));
  }

  @Test
  @Timeout(10)
  void unconditionalAppendsFromTwoServersLoseNothing() {
    List<Future<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      JdbcRunStore server = i % 2 == 0 ? store() : other();
      writes.add(server.conversation(id).append(List.of(Message.user("m" + i))));
    }
    Future.all(writes).await();

    List<Message> stored = store().conversation(id).load().await();
    assertThat(stored).hasSize(6);
    assertThat(stored).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, 6).mapToObj(i -> Message.user("m" + i)).toList());
  }

  @Test
  @Timeout(10)
  void clearEmptiesTheConversationAndRefusesWritersThatReadBeforeIt() {
    MessageStore messages = store().conversation(id);
    messages.append(0, List.of(Message.user("a"))).await();
    messages.clear().await();

    assertThat(messages.loadVersioned().await()).isEqualTo(new VersionedMessages(List.of(), 2));
    assertThatThrownBy(() -> messages.append(1, List.of(Message.user("late"))).await())
        .isInstanceOf(ConversationConflictException.class);
    assertThat(messages.append(2, List.of(Message.user("fresh"))).await()).isEqualTo(3);
    assertThat(messages.load().await()).containsExactly(Message.user("fresh"));
  }

  @Test
  @Timeout(10)
  void aRunMemoryThatLostTheRaceFailsWithAConflict() {
    ConversationMemory first = ConversationMemory.forRun(store().conversation(id),
        TokenCounter.o200k(), 8_000);
    ConversationMemory second = ConversationMemory.forRun(other().conversation(id),
        TokenCounter.o200k(), 8_000);
    first.messages().await();
    second.messages().await();

    first.add(List.of(Message.user("one"), Message.assistant("1"))).await();
    assertThatThrownBy(() -> second.add(List.of(Message.user("two"))).await())
        .isInstanceOf(ConversationConflictException.class);
    first.add(List.of(Message.user("three"))).await();

    assertThat(store().conversation(id).load().await()).containsExactly(
        Message.user("one"), Message.assistant("1"), Message.user("three"));
  }

  @Test
  @Timeout(10)
  void anOversizedMessageIsRefused() {
    String huge = "x".repeat(JdbcMessageStore.MAX_MESSAGE_CHARS);

    assertThatThrownBy(() -> store().conversation(id).append(0, List.of(Message.user(huge)))
            .await())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("message is too large to store: 167772")
        .hasMessageEndingWith("characters (at most 16777216)");
    assertThat(store().conversation(id).loadVersioned().await().version()).isZero();
  }

  @Test
  void anOverlongIdIsRefused() {
    assertThatThrownBy(() -> store().conversation("x".repeat(1001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("conversation id must have 1 to 1000 characters: 1001");
  }
}
