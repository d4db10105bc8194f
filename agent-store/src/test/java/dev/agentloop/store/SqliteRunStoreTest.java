package dev.agentloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.run.RunStore;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class SqliteRunStoreTest extends RunStoreContract {

  @TempDir Path dir;
  private Vertx vertx;
  private JdbcRunStore store;

  @BeforeEach
  void open(Vertx vertx) {
    this.vertx = vertx;
    store = JdbcRunStore.open(vertx, "sqlite:" + dir.resolve("runs.db")).await();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  RunStore store() {
    return store;
  }

  @Override
  Vertx vertx() {
    return vertx;
  }

  @Test
  @Timeout(10)
  void journalSurvivesReopeningTheFile() {
    store.append(id, 0, start(id)).await();
    store.close();

    store = JdbcRunStore.open(vertx, "sqlite:" + dir.resolve("runs.db")).await();

    assertThat(store.load(id).await()).containsExactly(start(id));
  }

  @Test
  @Timeout(10)
  void fileIsInWalMode() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("runs.db"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  @Timeout(10)
  void newerSchemaIsRefused() throws Exception {
    store.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("runs.db"));
        Statement st = c.createStatement()) {
      st.execute("INSERT INTO agentloop_schema (version) VALUES (99)");
    }

    assertThatThrownBy(
            () -> JdbcRunStore.open(vertx, "sqlite:" + dir.resolve("runs.db")).await())
        .hasMessage("the run store schema version 99 is newer than this AgentLoop supports (3):"
            + " upgrade AgentLoop");
    store = JdbcRunStore.open(vertx, "sqlite:" + dir.resolve("other.db")).await();
  }

  @Test
  void unknownSpecIsRefused() {
    assertThatThrownBy(() -> JdbcRunStore.open(vertx, "mysql://h/db?password=secret").await())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown store: mysql://h/db (use sqlite:PATH or postgresql://HOST/DB)");
  }
}
