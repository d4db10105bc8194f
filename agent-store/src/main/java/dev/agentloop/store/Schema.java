package dev.agentloop.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The tables of a JDBC run store and their migrations, applied in order on open. */
final class Schema {

  /** One list of statements per version; index 0 migrates an empty database to version 1. */
  static final List<List<String>> MIGRATIONS =
      List.of(
          List.of(
              "CREATE TABLE agentloop_runs (run_id VARCHAR(200) PRIMARY KEY,"
                  + " status VARCHAR(32) NOT NULL, records INTEGER NOT NULL,"
                  + " updated_at BIGINT NOT NULL)",
              "CREATE INDEX agentloop_runs_status ON agentloop_runs (status, updated_at)",
              "CREATE TABLE agentloop_journal (run_id VARCHAR(200) NOT NULL,"
                  + " seq INTEGER NOT NULL, record TEXT NOT NULL, PRIMARY KEY (run_id, seq))"),
          // 2: conversations (ConversationStore), each with a version for conditional appends.
          List.of(
              "CREATE TABLE agentloop_conversations (conversation_id VARCHAR(1000) PRIMARY KEY,"
                  + " version BIGINT NOT NULL, messages INTEGER NOT NULL,"
                  + " updated_at BIGINT NOT NULL)",
              "CREATE TABLE agentloop_messages (conversation_id VARCHAR(1000) NOT NULL,"
                  + " seq INTEGER NOT NULL, message TEXT NOT NULL,"
                  + " PRIMARY KEY (conversation_id, seq))"),
          // 3: run leases (one owner per run, a fencing epoch that grows at each takeover).
          List.of(
              "CREATE TABLE agentloop_leases (run_id VARCHAR(200) PRIMARY KEY,"
                  + " owner VARCHAR(200), epoch BIGINT NOT NULL, expires_at BIGINT NOT NULL)"));

  private Schema() {}

  /** The version this code writes. */
  static int latest() {
    return MIGRATIONS.size();
  }

  /**
   * Brings the database to the latest version.
   *
   * @throws IllegalStateException when the database was created by a newer version
   */
  static void migrate(Connection c, boolean postgres) throws SQLException {
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      if (postgres) {
        // Nodes starting together migrate one at a time.
        st.execute("SELECT pg_advisory_xact_lock(712804)");
      }
      st.execute("CREATE TABLE IF NOT EXISTS agentloop_schema (version INTEGER NOT NULL)");
      int version = 0;
      try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM agentloop_schema")) {
        if (rs.next()) {
          version = rs.getInt(1);
        }
      }
      if (version > latest()) {
        throw new IllegalStateException(
            "the run store schema version "
                + version
                + " is newer than this AgentLoop supports ("
                + latest()
                + "): upgrade AgentLoop");
      }
      for (int v = version; v < latest(); v++) {
        for (String sql : MIGRATIONS.get(v)) {
          st.execute(sql);
        }
        st.execute("INSERT INTO agentloop_schema (version) VALUES (" + (v + 1) + ")");
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }
}
