package dev.agentloop.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.agentloop.memory.spi.ConversationStore;
import dev.agentloop.memory.spi.MessageStore;
import dev.agentloop.run.JournalCodec;
import dev.agentloop.run.JournalRecord;
import dev.agentloop.run.RunConflictException;
import dev.agentloop.run.RunInfo;
import dev.agentloop.run.RunLease;
import dev.agentloop.run.RunStatus;
import dev.agentloop.run.RunStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RunStore} in a SQL database: a SQLite file (WAL mode, one connection) or PostgreSQL (a
 * HikariCP pool). Every statement runs on the store's own worker pool, never on the caller's event
 * loop; futures complete on the caller's context. An append is one transaction that stores the
 * record only when the run has exactly {@code seq} records, so concurrent writers (nodes,
 * decisions) cannot both succeed. The same database keeps conversations ({@link #conversation}).
 *
 * <pre>{@code
 * JdbcRunStore store = JdbcRunStore.open(vertx, "sqlite:runs.db").await();
 * Agent agent = Agent.create(vertx, client, new AgentOptions().setRunStore(store));
 * }</pre>
 */
public final class JdbcRunStore implements RunStore, ConversationStore, AutoCloseable {

  private final HikariDataSource pool;
  private final WorkerExecutor workers;
  private final boolean postgres;
  private final Clock clock;
  private final JdbcLeases leases;

  private JdbcRunStore(HikariDataSource pool, WorkerExecutor workers, boolean postgres) {
    this.pool = pool;
    this.workers = workers;
    this.postgres = postgres;
    this.clock = Clock.systemUTC();
    this.leases = new JdbcLeases(pool, postgres);
  }

  /**
   * Opens a store from a short spec: {@code sqlite:PATH} or a {@code postgresql://} / {@code
   * jdbc:postgresql:} URL (user and password in the URL's query, or {@code PGUSER}/{@code
   * PGPASSWORD} in the environment).
   *
   * @return the store, migrated to the current schema; fails when the database cannot be opened
   */
  public static Future<JdbcRunStore> open(Vertx vertx, String spec) {
    Objects.requireNonNull(spec, "spec == null");
    JdbcStoreOptions options = new JdbcStoreOptions();
    try {
      if (spec.startsWith("sqlite:")) {
        options.setUrl(
            "jdbc:sqlite:" + Path.of(spec.substring("sqlite:".length())).toAbsolutePath());
      } else if (spec.startsWith("postgresql://") || spec.startsWith("postgres://")) {
        options.setUrl("jdbc:postgresql://" + spec.substring(spec.indexOf("://") + 3));
      } else {
        options.setUrl(spec);
      }
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(
          new IllegalArgumentException(
              "unknown store: "
                  + spec.replaceAll("\\?.*", "")
                  + " (use sqlite:PATH or postgresql://HOST/DB)"));
    }
    if (!options.sqlite()) {
      options.setUser(System.getenv("PGUSER")).setPassword(System.getenv("PGPASSWORD"));
    }
    return open(vertx, options);
  }

  /**
   * Opens a store.
   *
   * @return the store, migrated to the current schema; fails when the database cannot be opened or
   *     its schema is newer than this code
   */
  public static Future<JdbcRunStore> open(Vertx vertx, JdbcStoreOptions options) {
    JdbcStoreOptions o = new JdbcStoreOptions(Objects.requireNonNull(options, "options == null"));
    if (o.getUrl().isEmpty()) {
      throw new IllegalArgumentException("options have no url");
    }
    int size = o.sqlite() ? 1 : o.getPoolSize();
    WorkerExecutor workers =
        vertx.createSharedWorkerExecutor(
            // Thread names show up in dumps: never put a URL's query (it may hold a password).
            "agentloop-store-" + o.getUrl().replaceAll("\\?.*", ""), size);
    return workers
        .executeBlocking(
            () -> {
              HikariConfig config = new HikariConfig();
              config.setJdbcUrl(o.getUrl());
              config.setUsername(o.getUser());
              config.setPassword(o.getPassword());
              config.setMaximumPoolSize(size);
              config.setPoolName("agentloop-store");
              if (o.sqlite()) {
                config.setConnectionInitSql("PRAGMA busy_timeout = 5000");
              }
              HikariDataSource ds = new HikariDataSource(config);
              try (Connection c = ds.getConnection()) {
                if (o.sqlite()) {
                  try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA journal_mode = WAL");
                    st.execute("PRAGMA synchronous = FULL");
                  }
                }
                Schema.migrate(c, !o.sqlite());
              } catch (SQLException | RuntimeException e) {
                ds.close();
                throw e;
              }
              return new JdbcRunStore(ds, workers, !o.sqlite());
            },
            false)
        .onFailure(e -> workers.close());
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return workers.executeBlocking(work, false);
  }

  @Override
  public Future<Void> append(String runId, int seq, JournalRecord record) {
    return append(runId, seq, record, null);
  }

  /**
   * Appends only while {@code epoch} is the run's lease epoch: the check runs in the append's
   * transaction, after its writes took their locks, so a takeover is ordered before or after it.
   */
  @Override
  public Future<Void> append(String runId, int seq, JournalRecord record, long epoch) {
    return append(runId, seq, record, (Long) epoch);
  }

  private Future<Void> append(String runId, int seq, JournalRecord record, @Nullable Long epoch) {
    String json = JournalCodec.encode(record);
    String status = RunStatus.after(record).name();
    return blocking(
        () -> {
          try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
              long now = clock.millis();
              if (seq == 0) {
                insertRun(c, runId, status, now);
              } else {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "UPDATE agentloop_runs SET records = records + 1, status = ?,"
                            + " updated_at = ? WHERE run_id = ? AND records = ?")) {
                  ps.setString(1, status);
                  ps.setLong(2, now);
                  ps.setString(3, runId);
                  ps.setInt(4, seq);
                  if (ps.executeUpdate() != 1) {
                    throw conflict(runId, seq);
                  }
                }
              }
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO agentloop_journal (run_id, seq, record) VALUES (?, ?, ?)")) {
                ps.setString(1, runId);
                ps.setInt(2, seq);
                ps.setString(3, json);
                ps.executeUpdate();
              }
              if (epoch != null) {
                leases.checkEpoch(c, runId, epoch);
              }
              c.commit();
              return null;
            } catch (SQLException | RuntimeException e) {
              c.rollback();
              throw e;
            } finally {
              c.setAutoCommit(true);
            }
          }
        });
  }

  private void insertRun(Connection c, String runId, String status, long now) throws SQLException {
    String sql =
        postgres
            ? "INSERT INTO agentloop_runs (run_id, status, records, updated_at) VALUES (?, ?, 1, ?)"
                + " ON CONFLICT (run_id) DO NOTHING"
            : "INSERT OR IGNORE INTO agentloop_runs (run_id, status, records, updated_at)"
                + " VALUES (?, ?, 1, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, runId);
      ps.setString(2, status);
      ps.setLong(3, now);
      if (ps.executeUpdate() != 1) {
        throw conflict(runId, 0);
      }
    }
  }

  private static RunConflictException conflict(String runId, int seq) {
    return new RunConflictException(
        "journal conflict: run "
            + runId
            + " already has a record at "
            + seq
            + " or is not at that position");
  }

  @Override
  public Future<List<JournalRecord>> load(String runId) {
    return blocking(
        () -> {
          List<String> texts = new ArrayList<>();
          try (Connection c = pool.getConnection();
              PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT record FROM agentloop_journal WHERE run_id = ? ORDER BY seq")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                texts.add(rs.getString(1));
              }
            }
          }
          List<JournalRecord> records = new ArrayList<>(texts.size());
          for (String t : texts) {
            records.add(JournalCodec.decode(t));
          }
          return records;
        });
  }

  @Override
  public Future<List<RunInfo>> list(@Nullable RunStatus status, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0: " + limit);
    }
    return blocking(
        () -> {
          String sql =
              "SELECT run_id, status, records, updated_at FROM agentloop_runs"
                  + (status == null ? "" : " WHERE status = ?")
                  + " ORDER BY updated_at DESC, run_id LIMIT ?";
          List<RunInfo> runs = new ArrayList<>();
          try (Connection c = pool.getConnection();
              PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (status != null) {
              ps.setString(i++, status.name());
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                runs.add(
                    new RunInfo(
                        rs.getString(1),
                        RunStatus.valueOf(rs.getString(2)),
                        rs.getInt(3),
                        Instant.ofEpochMilli(rs.getLong(4))));
              }
            }
          }
          return runs;
        });
  }

  @Override
  public Future<Integer> prune(Instant finishedBefore) {
    return blocking(
        () -> {
          try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement journal =
                    c.prepareStatement(
                        "DELETE FROM agentloop_journal WHERE run_id IN (SELECT run_id FROM"
                            + " agentloop_runs WHERE status = 'FINISHED' AND updated_at < ?)");
                PreparedStatement leases =
                    c.prepareStatement(
                        "DELETE FROM agentloop_leases WHERE run_id IN (SELECT run_id FROM"
                            + " agentloop_runs WHERE status = 'FINISHED' AND updated_at < ?)");
                PreparedStatement runs =
                    c.prepareStatement(
                        "DELETE FROM agentloop_runs WHERE status = 'FINISHED' AND updated_at < ?")) {
              journal.setLong(1, finishedBefore.toEpochMilli());
              journal.executeUpdate();
              leases.setLong(1, finishedBefore.toEpochMilli());
              leases.executeUpdate();
              runs.setLong(1, finishedBefore.toEpochMilli());
              int n = runs.executeUpdate();
              c.commit();
              return n;
            } catch (SQLException | RuntimeException e) {
              c.rollback();
              throw e;
            } finally {
              c.setAutoCommit(true);
            }
          }
        });
  }

  /**
   * Returns the messages of a conversation kept in this store's database, so a served conversation
   * survives a restart and continues on any node sharing the database. Appends with a version are
   * conditional: a writer that read an older version fails with {@link
   * dev.agentloop.memory.ConversationConflictException}.
   */
  @Override
  public MessageStore conversation(String id) {
    return new JdbcMessageStore(pool, workers, postgres, ConversationStore.checkId(id));
  }

  @Override
  public Future<RunLease> acquireLease(String runId, String owner, Instant now, Duration ttl) {
    return blocking(() -> leases.acquire(runId, owner, now, ttl));
  }

  @Override
  public Future<RunLease> renewLease(RunLease lease, Instant now, Duration ttl) {
    return blocking(() -> leases.renew(lease, now, ttl));
  }

  @Override
  public Future<Void> releaseLease(RunLease lease) {
    return blocking(() -> leases.release(lease));
  }

  /** Closes the pool and the workers; pending futures may fail. */
  @Override
  public void close() {
    pool.close();
    workers.close();
  }
}
