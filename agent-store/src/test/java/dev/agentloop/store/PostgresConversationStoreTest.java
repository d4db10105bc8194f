package dev.agentloop.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The conversation contract on PostgreSQL; skipped without {@code AGENTLOOP_PG_URL}. */
@ExtendWith(VertxExtension.class)
class PostgresConversationStoreTest extends ConversationStoreContract {

  private JdbcRunStore store;
  private JdbcRunStore other;

  static JdbcRunStore openPostgres(Vertx vertx) {
    return JdbcRunStore.open(vertx, new JdbcStoreOptions().setUrl(PostgresRunStoreTest.url())
        .setUser(System.getenv("PGUSER")).setPassword(System.getenv("PGPASSWORD"))
        .setPoolSize(4)).await();
  }

  @BeforeEach
  void open(Vertx vertx) {
    assumeTrue(PostgresRunStoreTest.url() != null,
        "PostgreSQL tests skipped: AGENTLOOP_PG_URL is not set (.ci/run starts PostgreSQL and"
            + " sets it)");
    store = openPostgres(vertx);
    other = openPostgres(vertx);
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
      other.close();
    }
  }

  @Override
  JdbcRunStore store() {
    return store;
  }

  @Override
  JdbcRunStore other() {
    return other;
  }
}
