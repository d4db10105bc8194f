package dev.agentloop.examples;

import dev.agentloop.vertx.AgentRoutesOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of a {@link ChatServer}: where it listens, who may call it, how often, and how long
 * an idle connection is kept.
 *
 * <p>By default the server listens on {@code 127.0.0.1} without a token. A token is required on any
 * other host: {@link ChatServer#start} refuses to expose a tokenless server to the network.
 */
public final class ChatServerOptions {

  /** Default host: {@value}. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** Default port: {@value}. */
  public static final int DEFAULT_PORT = 8080;

  /** Default requests per minute of one caller: {@value}. */
  public static final int DEFAULT_RATE_LIMIT = AgentRoutesOptions.DEFAULT_RATE_LIMIT;

  /** Default time a connection without a request in progress is kept open: 60 seconds. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private @Nullable String token;
  private int rateLimit = DEFAULT_RATE_LIMIT;
  private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;

  /** Creates options with the defaults. */
  public ChatServerOptions() {}

  /** Creates a copy of other options. */
  public ChatServerOptions(ChatServerOptions other) {
    host = other.host;
    port = other.port;
    token = other.token;
    rateLimit = other.rateLimit;
    idleTimeout = other.idleTimeout;
  }

  /** The host or address the server binds. */
  public String getHost() {
    return host;
  }

  /**
   * Sets the host or address to bind, e.g. {@code 0.0.0.0} for every interface. Only loopback
   * addresses may be served without a token.
   */
  public ChatServerOptions setHost(String host) {
    Objects.requireNonNull(host, "host == null");
    if (host.isBlank() || host.contains("/")) {
      throw new IllegalArgumentException("host must be a host name or address: " + host);
    }
    this.host = host;
    return this;
  }

  /** Whether the host is a loopback name or address, reachable from this machine only. */
  public boolean isLoopback() {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
  }

  /** The port, 0 for any free one. */
  public int getPort() {
    return port;
  }

  /**
   * Sets the port; 0 picks a free one.
   *
   * @throws IllegalArgumentException when outside 0..65535
   */
  public ChatServerOptions setPort(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 0..65535: " + port);
    }
    this.port = port;
    return this;
  }

  /** The bearer token callers must send, or null for none. */
  public @Nullable String getToken() {
    return token;
  }

  /**
   * Requires {@code Authorization: Bearer <token>} on every API call; the web page asks for it once
   * (or takes it from {@code #token=...} in its URL). Null turns it off, on loopback only.
   *
   * @throws IllegalArgumentException when shorter than 16 characters
   */
  public ChatServerOptions setToken(@Nullable String token) {
    if (token != null && token.length() < 16) {
      throw new IllegalArgumentException(
          "the token must have at least 16 characters: " + token.length());
    }
    this.token = token;
    return this;
  }

  /** Requests one caller may make per minute; 0 means unlimited. */
  public int getRateLimit() {
    return rateLimit;
  }

  /**
   * Sets the requests per minute of one caller (a token, or on loopback without a token, one
   * browser or one SDK key); 0 turns the limit off.
   *
   * @throws IllegalArgumentException when negative
   */
  public ChatServerOptions setRateLimit(int rateLimit) {
    if (rateLimit < 0) {
      throw new IllegalArgumentException("rateLimit must be >= 0: " + rateLimit);
    }
    this.rateLimit = rateLimit;
    return this;
  }

  /** How long a connection without a request in progress is kept open. */
  public Duration getIdleTimeout() {
    return idleTimeout;
  }

  /**
   * Sets how long a connection without a request in progress is kept open; a run in progress is
   * never cut by it.
   *
   * @throws IllegalArgumentException when not positive
   */
  public ChatServerOptions setIdleTimeout(Duration idleTimeout) {
    Objects.requireNonNull(idleTimeout, "idleTimeout == null");
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
    }
    this.idleTimeout = idleTimeout;
    return this;
  }
}
