package dev.agentloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.Message;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class SqliteConversationStoreTest extends ConversationStoreContract {

  @TempDir Path dir;
  private Vertx vertx;
  private JdbcRunStore store;
  private JdbcRunStore other;

  @BeforeEach
  void open(Vertx vertx) {
    this.vertx = vertx;
    store = JdbcRunStore.open(vertx, "sqlite:" + dir.resolve("runs.db")).await();
    other = JdbcRunStore.open(vertx, "sqlite:" + dir.resolve("runs.db")).await();
  }

  @AfterEach
  void close() {
    store.close();
    other.close();
  }

  @Override
  JdbcRunStore store() {
    return store;
  }

  @Override
  JdbcRunStore other() {
    return other;
  }

  @Test
  @Timeout(10)
  void conversationSurvivesReopeningTheFile() {
    store.conversation(id).append(0, List.of(Message.user("hi"))).await();
    store.close();

    store = JdbcRunStore.open(vertx, "sqlite:" + dir.resolve("runs.db")).await();

    assertThat(store.conversation(id).load().await()).containsExactly(Message.user("hi"));
  }
}
