package dev.agentloop.vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of {@link AgentRoutes}: who may call (bearer tokens), how often (a token bucket per
 * caller), how large a request may be, and how many server-side conversations are kept.
 *
 * <p>Authentication is required by default: with no token configured every request is refused with
 * 401 until {@link #addToken} is called, or {@link #setAuthRequired} turns it off (for a
 * loopback-only demo, say). Tokens are never logged nor returned.
 *
 * <p>Browsers are kept out by default: requests must carry {@code Content-Type: application/json}
 * (415 otherwise, so a plain HTML form on another site cannot post), no CORS headers are sent
 * unless {@link #addCorsOrigin origins are allowed}, and {@link #addAllowedHost} restricts the
 * {@code Host} header against DNS rebinding.
 */
public final class AgentRoutesOptions {

  /** Default request budget of one caller per {@link #DEFAULT_RATE_LIMIT_WINDOW}: {@value}. */
  public static final int DEFAULT_RATE_LIMIT = 60;

  /** Default rate limit window: one minute. */
  public static final Duration DEFAULT_RATE_LIMIT_WINDOW = Duration.ofMinutes(1);

  /** Default largest request body in bytes: {@value} (1 MiB). */
  public static final long DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

  /** Default interval of SSE keep-alive comments during silent gaps of a stream: 15 seconds. */
  public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(15);

  private final Map<String, String> tokens = new LinkedHashMap<>();
  private final Set<String> allowedHosts = new LinkedHashSet<>();
  private final List<String> corsOrigins = new ArrayList<>();
  private Duration keepAliveInterval = DEFAULT_KEEP_ALIVE_INTERVAL;
  private boolean authRequired = true;
  private int rateLimit = DEFAULT_RATE_LIMIT;
  private Duration rateLimitWindow = DEFAULT_RATE_LIMIT_WINDOW;
  private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
  private int maxConversations = AgentServiceOptions.DEFAULT_MAX_CONVERSATIONS;
  private int memoryMaxTokens = AgentServiceOptions.DEFAULT_MEMORY_MAX_TOKENS;

  /** Creates options with the defaults. */
  public AgentRoutesOptions() {}

  /** Creates a copy of other options. */
  public AgentRoutesOptions(AgentRoutesOptions other) {
    tokens.putAll(other.tokens);
    allowedHosts.addAll(other.allowedHosts);
    corsOrigins.addAll(other.corsOrigins);
    keepAliveInterval = other.keepAliveInterval;
    authRequired = other.authRequired;
    rateLimit = other.rateLimit;
    rateLimitWindow = other.rateLimitWindow;
    maxBodySize = other.maxBodySize;
    maxConversations = other.maxConversations;
    memoryMaxTokens = other.memoryMaxTokens;
  }

  /** The bearer tokens, mapped to the caller names they authenticate. */
  public Map<String, String> getTokens() {
    return Map.copyOf(tokens);
  }

  /**
   * Accepts a bearer token for a caller. Rate limits and conversations are kept per caller name.
   *
   * @throws IllegalArgumentException when the token is shorter than 16 characters
   */
  public AgentRoutesOptions addToken(String token, String caller) {
    Objects.requireNonNull(token, "token == null");
    Objects.requireNonNull(caller, "caller == null");
    if (token.length() < 16) {
      throw new IllegalArgumentException(
          "tokens must have at least 16 characters: " + token.length());
    }
    tokens.put(token, caller);
    return this;
  }

  /** Whether requests must carry a configured bearer token. */
  public boolean isAuthRequired() {
    return authRequired;
  }

  /**
   * Sets whether requests must carry a configured bearer token. When off, a request without a token
   * is served as the caller {@code anonymous} and rate limited per remote address.
   */
  public AgentRoutesOptions setAuthRequired(boolean authRequired) {
    this.authRequired = authRequired;
    return this;
  }

  /** Requests one caller may make per window, or 0 for no limit. */
  public int getRateLimit() {
    return rateLimit;
  }

  /** The window the rate limit refills over. */
  public Duration getRateLimitWindow() {
    return rateLimitWindow;
  }

  /**
   * Limits each caller to {@code requests} per {@code window} with a token bucket: a caller may
   * burst up to {@code requests}, refilled evenly over the window. Refused requests get 429 with
   * {@code Retry-After}.
   *
   * @param requests the budget, or 0 for no limit
   * @throws IllegalArgumentException when a value is negative or the window is not positive
   */
  public AgentRoutesOptions setRateLimit(int requests, Duration window) {
    if (requests < 0) {
      throw new IllegalArgumentException("rate limit must be >= 0: " + requests);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("rate limit window must be positive: " + window);
    }
    this.rateLimit = requests;
    this.rateLimitWindow = window;
    return this;
  }

  /** The largest request body in bytes. */
  public long getMaxBodySize() {
    return maxBodySize;
  }

  /**
   * Sets the largest request body in bytes; larger requests get 413.
   *
   * @throws IllegalArgumentException when not positive
   */
  public AgentRoutesOptions setMaxBodySize(long maxBodySize) {
    if (maxBodySize <= 0) {
      throw new IllegalArgumentException("maxBodySize must be > 0: " + maxBodySize);
    }
    this.maxBodySize = maxBodySize;
    return this;
  }

  /** The number of server-side conversations kept. */
  public int getMaxConversations() {
    return maxConversations;
  }

  /** Sets the number of server-side conversations kept; see {@link AgentServiceOptions}. */
  public AgentRoutesOptions setMaxConversations(int maxConversations) {
    new AgentServiceOptions().setMaxConversations(maxConversations);
    this.maxConversations = maxConversations;
    return this;
  }

  /** The token budget of one conversation. */
  public int getMemoryMaxTokens() {
    return memoryMaxTokens;
  }

  /** Sets the token budget of one conversation; see {@link AgentServiceOptions}. */
  public AgentRoutesOptions setMemoryMaxTokens(int memoryMaxTokens) {
    new AgentServiceOptions().setMemoryMaxTokens(memoryMaxTokens);
    this.memoryMaxTokens = memoryMaxTokens;
    return this;
  }

  /** The host names the {@code Host} header may carry; empty allows any. */
  public Set<String> getAllowedHosts() {
    return Set.copyOf(allowedHosts);
  }

  /**
   * Accepts a host name in the {@code Host} header (compared without port, case-insensitively).
   * Once a host is added, requests naming another host get 403: a web page whose domain was
   * re-bound to this server's address (DNS rebinding) cannot drive it. A server on loopback
   * typically allows {@code 127.0.0.1}, {@code localhost} and {@code [::1]}.
   */
  public AgentRoutesOptions addAllowedHost(String host) {
    Objects.requireNonNull(host, "host == null");
    if (host.isBlank() || host.contains("/")) {
      throw new IllegalArgumentException("host must be a host name without scheme: " + host);
    }
    allowedHosts.add(host.toLowerCase(Locale.ROOT));
    return this;
  }

  /** The origins allowed to call from a browser (CORS); empty sends no CORS headers. */
  public List<String> getCorsOrigins() {
    return List.copyOf(corsOrigins);
  }

  /**
   * Allows browser pages of an origin such as {@code https://app.example.com} to call the routes:
   * preflight {@code OPTIONS} requests are answered and CORS headers sent for that origin only. Off
   * by default; {@code *} allows any origin (bearer tokens are still required).
   */
  public AgentRoutesOptions addCorsOrigin(String origin) {
    Objects.requireNonNull(origin, "origin == null");
    if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
      throw new IllegalArgumentException("origin must be scheme://host[:port] or *: " + origin);
    }
    corsOrigins.add(origin);
    return this;
  }

  /** The interval of SSE keep-alive comments during silent gaps; zero sends none. */
  public Duration getKeepAliveInterval() {
    return keepAliveInterval;
  }

  /**
   * Sets how long a stream may stay silent (tools running, a slow model) before a {@code :
   * keep-alive} comment is sent, so proxies and clients do not time the connection out.
   *
   * @param interval the interval; zero sends no comments
   * @throws IllegalArgumentException when negative
   */
  public AgentRoutesOptions setKeepAliveInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval == null");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("keepAliveInterval must be >= 0: " + interval);
    }
    this.keepAliveInterval = interval;
    return this;
  }
}
