package dev.agentloop.store;

import dev.agentloop.run.RunLease;
import dev.agentloop.run.impl.Leases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Run leases in table {@code agentloop_leases}: one row per run with its owner (null when
 * released), its epoch and when it lapses. Every change is one conditional statement, so two nodes
 * taking the same run cannot both win; methods run on the store's workers.
 */
final class JdbcLeases {

  private final DataSource pool;
  private final boolean postgres;

  JdbcLeases(DataSource pool, boolean postgres) {
    this.pool = pool;
    this.postgres = postgres;
  }

  RunLease acquire(String runId, String owner, Instant now, Duration ttl) throws SQLException {
    long at = now.toEpochMilli();
    long until = now.plus(ttl).toEpochMilli();
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        String insert =
            postgres
                ? "INSERT INTO agentloop_leases (run_id, owner, epoch, expires_at)"
                    + " VALUES (?, NULL, 0, 0) ON CONFLICT (run_id) DO NOTHING"
                : "INSERT OR IGNORE INTO agentloop_leases (run_id, owner, epoch, expires_at)"
                    + " VALUES (?, NULL, 0, 0)";
        try (PreparedStatement ps = c.prepareStatement(insert)) {
          ps.setString(1, runId);
          ps.executeUpdate();
        }
        int taken;
        // The owner keeps its epoch while its lease runs; anyone else (or a lapsed owner) bumps it.
        try (PreparedStatement ps =
            c.prepareStatement(
                "UPDATE agentloop_leases SET epoch = CASE WHEN owner = ? AND expires_at > ?"
                    + " THEN epoch ELSE epoch + 1 END, owner = ?, expires_at = ?"
                    + " WHERE run_id = ? AND (owner IS NULL OR expires_at <= ? OR owner = ?)")) {
          ps.setString(1, owner);
          ps.setLong(2, at);
          ps.setString(3, owner);
          ps.setLong(4, until);
          ps.setString(5, runId);
          ps.setLong(6, at);
          ps.setString(7, owner);
          taken = ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT owner, epoch, expires_at FROM agentloop_leases WHERE run_id = ?")) {
          ps.setString(1, runId);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (taken != 1) {
              throw Leases.held(runId, rs.getString(1), Instant.ofEpochMilli(rs.getLong(3)));
            }
            RunLease lease =
                new RunLease(runId, owner, rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)));
            c.commit();
            return lease;
          }
        }
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  RunLease renew(RunLease lease, Instant now, Duration ttl) throws SQLException {
    Instant until = now.plus(ttl);
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE agentloop_leases SET expires_at = ?"
                    + " WHERE run_id = ? AND epoch = ? AND owner = ?")) {
      ps.setLong(1, until.toEpochMilli());
      ps.setString(2, lease.runId());
      ps.setLong(3, lease.epoch());
      ps.setString(4, lease.owner());
      if (ps.executeUpdate() != 1) {
        throw Leases.lost(lease, epoch(c, lease.runId()));
      }
    }
    return new RunLease(lease.runId(), lease.owner(), lease.epoch(), until);
  }

  Void release(RunLease lease) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE agentloop_leases SET owner = NULL WHERE run_id = ? AND epoch = ?")) {
      ps.setString(1, lease.runId());
      ps.setLong(2, lease.epoch());
      ps.executeUpdate();
    }
    return null;
  }

  /** Fails the caller's transaction unless {@code epoch} is the run's current lease epoch. */
  void checkEpoch(Connection c, String runId, long epoch) throws SQLException {
    long current = epoch(c, runId);
    if (current != epoch) {
      throw Leases.stale(runId, epoch, current);
    }
  }

  private long epoch(Connection c, String runId) throws SQLException {
    // FOR UPDATE (PostgreSQL): a takeover's UPDATE waits until the caller's append commits.
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT epoch FROM agentloop_leases WHERE run_id = ?"
                + (postgres ? " FOR UPDATE" : ""))) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }
}
