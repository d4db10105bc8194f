package dev.agentloop.store;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link JdbcRunStore} connects and how many connections and workers it uses. The password
 * never appears in {@link #toString()}.
 */
public final class JdbcStoreOptions {

  /** Default pool size for PostgreSQL: {@value}. SQLite always uses one connection. */
  public static final int DEFAULT_POOL_SIZE = 8;

  private String url = "";
  private @Nullable String user;
  private @Nullable String password;
  private int poolSize = DEFAULT_POOL_SIZE;

  /** Creates options with the defaults and no URL. */
  public JdbcStoreOptions() {}

  /** Copies other options. */
  public JdbcStoreOptions(JdbcStoreOptions other) {
    this.url = other.url;
    this.user = other.user;
    this.password = other.password;
    this.poolSize = other.poolSize;
  }

  /** The JDBC URL ({@code jdbc:sqlite:/path/runs.db} or {@code jdbc:postgresql://host/db}). */
  public String getUrl() {
    return url;
  }

  /**
   * Sets the JDBC URL.
   *
   * @throws IllegalArgumentException unless it starts with {@code jdbc:sqlite:} or {@code
   *     jdbc:postgresql:}
   */
  public JdbcStoreOptions setUrl(String url) {
    Objects.requireNonNull(url, "url == null");
    if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "url must start with jdbc:sqlite: or jdbc:postgresql: " + url.replaceAll("\\?.*", ""));
    }
    this.url = url;
    return this;
  }

  /** The database user, or null. */
  public @Nullable String getUser() {
    return user;
  }

  /** Sets the database user. */
  public JdbcStoreOptions setUser(@Nullable String user) {
    this.user = user;
    return this;
  }

  /** The database password, or null. */
  public @Nullable String getPassword() {
    return password;
  }

  /** Sets the database password (never logged). */
  public JdbcStoreOptions setPassword(@Nullable String password) {
    this.password = password;
    return this;
  }

  /** The connection pool size, which is also the number of worker threads. */
  public int getPoolSize() {
    return poolSize;
  }

  /**
   * Sets the pool size.
   *
   * @throws IllegalArgumentException unless 1 to 64
   */
  public JdbcStoreOptions setPoolSize(int poolSize) {
    if (poolSize < 1 || poolSize > 64) {
      throw new IllegalArgumentException("poolSize must be 1 to 64: " + poolSize);
    }
    this.poolSize = poolSize;
    return this;
  }

  boolean sqlite() {
    return url.startsWith("jdbc:sqlite:");
  }

  @Override
  public String toString() {
    return "JdbcStoreOptions{url="
        + url.replaceAll("\\?.*", "")
        + ", user="
        + user
        + ", poolSize="
        + poolSize
        + "}";
  }
}
