package dev.agentloop.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentloop.internal.Json;
import dev.agentloop.memory.ConversationConflictException;
import dev.agentloop.memory.spi.MessageStore;
import dev.agentloop.memory.spi.VersionedMessages;
import dev.agentloop.openrouter.Message;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/**
 * One conversation's messages in a JDBC run store. The conversation row carries a version that
 * every append and clear increments in the same transaction as the messages, so a conditional
 * append of a writer that read an older version is refused and nothing of it is stored.
 */
final class JdbcMessageStore implements MessageStore {

  /** The longest message accepted, in characters of its JSON form (16 MiB). */
  static final int MAX_MESSAGE_CHARS = 16 * 1024 * 1024;

  /** How often an unconditional append retries after losing a race. */
  private static final int ATTEMPTS = 5;

  private final DataSource pool;
  private final WorkerExecutor workers;
  private final boolean postgres;
  private final String id;

  JdbcMessageStore(DataSource pool, WorkerExecutor workers, boolean postgres, String id) {
    this.pool = pool;
    this.workers = workers;
    this.postgres = postgres;
    this.id = id;
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return workers.executeBlocking(work, false);
  }

  @Override
  public Future<List<Message>> load() {
    return loadVersioned().map(VersionedMessages::messages);
  }

  @Override
  public Future<VersionedMessages> loadVersioned() {
    return blocking(
        () -> {
          // One statement: a consistent snapshot of the version and the messages.
          long version = 0;
          List<Message> messages = new ArrayList<>();
          try (Connection c = pool.getConnection();
              PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT c.version, m.message FROM agentloop_conversations c LEFT JOIN"
                          + " agentloop_messages m ON m.conversation_id = c.conversation_id"
                          + " WHERE c.conversation_id = ? ORDER BY m.seq")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                version = rs.getLong(1);
                String text = rs.getString(2);
                if (text != null) {
                  messages.add(Json.MAPPER.readValue(text, Message.class));
                }
              }
            }
          }
          return new VersionedMessages(messages, version);
        });
  }

  @Override
  public Future<Long> append(long expectedVersion, List<Message> messages) {
    List<String> texts;
    try {
      texts = encode(messages);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return blocking(() -> write(expectedVersion, texts));
  }

  @Override
  public Future<Void> append(List<Message> messages) {
    List<String> texts;
    try {
      texts = encode(messages);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return blocking(
        () -> {
          for (int attempt = 1; ; attempt++) {
            try {
              write(currentVersion(), texts);
              return null;
            } catch (ConversationConflictException e) {
              if (attempt == ATTEMPTS) {
                throw e;
              }
            }
          }
        });
  }

  @Override
  public Future<Void> clear() {
    return blocking(
        () ->
            transaction(
                c -> {
                  try (PreparedStatement up =
                          c.prepareStatement(
                              "UPDATE agentloop_conversations SET version = version + 1,"
                                  + " messages = 0, updated_at = ? WHERE conversation_id = ?");
                      PreparedStatement del =
                          c.prepareStatement(
                              "DELETE FROM agentloop_messages WHERE conversation_id = ?")) {
                    up.setLong(1, System.currentTimeMillis());
                    up.setString(2, id);
                    up.executeUpdate();
                    del.setString(1, id);
                    del.executeUpdate();
                  }
                  return null;
                }));
  }

  private static List<String> encode(List<Message> messages) {
    List<String> texts = new ArrayList<>(messages.size());
    for (Message m : messages) {
      String text;
      try {
        text = Json.MAPPER.writeValueAsString(m);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("message cannot be stored: " + e.getOriginalMessage());
      }
      if (text.length() > MAX_MESSAGE_CHARS) {
        throw new IllegalArgumentException(
            "message is too large to store: "
                + text.length()
                + " characters (at most "
                + MAX_MESSAGE_CHARS
                + ")");
      }
      texts.add(text);
    }
    return texts;
  }

  private long currentVersion() throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT version FROM agentloop_conversations WHERE conversation_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** Appends at {@code expected} in one transaction; returns the new version. */
  private long write(long expected, List<String> texts) throws SQLException {
    return transaction(
        c -> {
          long now = System.currentTimeMillis();
          int first;
          if (expected == 0) {
            String sql =
                postgres
                    ? "INSERT INTO agentloop_conversations (conversation_id, version, messages,"
                        + " updated_at) VALUES (?, 1, ?, ?) ON CONFLICT (conversation_id) DO NOTHING"
                    : "INSERT OR IGNORE INTO agentloop_conversations (conversation_id, version,"
                        + " messages, updated_at) VALUES (?, 1, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              ps.setString(1, id);
              ps.setInt(2, texts.size());
              ps.setLong(3, now);
              if (ps.executeUpdate() != 1) {
                throw conflict(expected);
              }
            }
            first = 0;
          } else {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE agentloop_conversations SET version = version + 1,"
                        + " messages = messages + ?, updated_at = ?"
                        + " WHERE conversation_id = ? AND version = ?")) {
              ps.setInt(1, texts.size());
              ps.setLong(2, now);
              ps.setString(3, id);
              ps.setLong(4, expected);
              if (ps.executeUpdate() != 1) {
                throw conflict(expected);
              }
            }
            // The row is now locked by this transaction: its count is ours to extend.
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT messages FROM agentloop_conversations WHERE conversation_id = ?")) {
              ps.setString(1, id);
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                first = rs.getInt(1) - texts.size();
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO agentloop_messages (conversation_id, seq, message) VALUES (?, ?, ?)")) {
            for (int i = 0; i < texts.size(); i++) {
              ps.setString(1, id);
              ps.setInt(2, first + i);
              ps.setString(3, texts.get(i));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return expected + 1;
        });
  }

  private ConversationConflictException conflict(long expected) {
    return new ConversationConflictException(
        "conversation conflict: another run wrote to conversation "
            + id
            + " since it was read at version "
            + expected);
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T transaction(Work<T> work) throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }
}
