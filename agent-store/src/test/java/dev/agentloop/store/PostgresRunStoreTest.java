package dev.agentloop.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentloop.run.RunStore;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store contract on PostgreSQL. Reads {@code AGENTLOOP_PG_URL} (a JDBC URL), {@code PGUSER}
 * and {@code PGPASSWORD}; {@code .ci/run} starts a server and sets them. Skipped without them.
 */
@ExtendWith(VertxExtension.class)
class PostgresRunStoreTest extends RunStoreContract {

  private Vertx vertx;
  private JdbcRunStore store;

  /** The JDBC URL of the test database, or null when none is configured. */
  static String url() {
    String url = System.getenv("AGENTLOOP_PG_URL");
    return url == null || url.isBlank() ? null : url;
  }

  @BeforeEach
  void open(Vertx vertx) {
    assumeTrue(url() != null,
        "PostgreSQL tests skipped: AGENTLOOP_PG_URL is not set (.ci/run starts PostgreSQL and"
            + " sets it)");
    this.vertx = vertx;
    store = JdbcRunStore.open(vertx, new JdbcStoreOptions().setUrl(url())
        .setUser(System.getenv("PGUSER")).setPassword(System.getenv("PGPASSWORD"))
        .setPoolSize(4)).await();
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

  @Override
  Vertx vertx() {
    return vertx;
  }
}
