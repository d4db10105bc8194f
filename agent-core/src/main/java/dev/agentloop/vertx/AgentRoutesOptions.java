package dev.agentloop.vertx;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of {@link AgentRoutes}: who may call (bearer tokens), how often (a token bucket per
 * caller), how large a request may be, and how many server-side conversations are kept.
 *
 * <p>Authentication is required by default: with no token configured every request is refused with
 * 401 until {@link #addToken} is called, or {@link #setAuthRequired} turns it off (for a
 * loopback-only demo, say). Tokens are never logged nor returned.
 */
public final class AgentRoutesOptions {

  /** Default request budget of one caller per {@link #DEFAULT_RATE_LIMIT_WINDOW}: {@value}. */
  public static final int DEFAULT_RATE_LIMIT = 60;

  /** Default rate limit window: one minute. */
  public static final Duration DEFAULT_RATE_LIMIT_WINDOW = Duration.ofMinutes(1);

  /** Default largest request body in bytes: {@value} (1 MiB). */
  public static final long DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

  private final Map<String, String> tokens = new LinkedHashMap<>();
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
}
