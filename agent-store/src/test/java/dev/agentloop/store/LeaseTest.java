package dev.agentloop.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentloop.run.RunStore;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The lease contract on each store: in memory, SQLite and PostgreSQL (skipped without it). */
class LeaseTest {

  @Nested
  class InMemory extends LeaseContract {
    private final RunStore store = RunStore.inMemory();

    @Override
    RunStore store() {
      return store;
    }
  }

  @Nested
  @ExtendWith(VertxExtension.class)
  class Sqlite extends LeaseContract {
    @TempDir Path dir;
    private JdbcRunStore store;

    @BeforeEach
    void open(Vertx vertx) {
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
  }

  @Nested
  @ExtendWith(VertxExtension.class)
  class Postgres extends LeaseContract {
    private JdbcRunStore store;

    @BeforeEach
    void open(Vertx vertx) {
      assumeTrue(PostgresRunStoreTest.url() != null,
          "PostgreSQL tests skipped: AGENTLOOP_PG_URL is not set (.ci/run starts PostgreSQL and"
              + " sets it)");
      store = PostgresConversationStoreTest.openPostgres(vertx);
    }

    @AfterEach
    void close() {
      if (store != null) {
        store.close();
      }
    }

    @Override
    RunStore store() {
      return store;
    }
  }
}
