package dev.agentloop.openrouter;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of an {@link OpenRouterClient}: key, base URL, attribution, timeouts, retries, the
 * client-side limiter and connection settings.
 *
 * <pre>{@code
 * OpenRouterOptions options = OpenRouterOptions.fromEnv()
 *     .setRequestTimeout(Duration.ofMinutes(2))
 *     .setMaxInFlight(64);
 * }</pre>
 *
 * <p>Not thread-safe while being configured; the client copies it at creation. {@link #toString()}
 * never shows the API key.
 */
public class OpenRouterOptions {

  /** OpenRouter's API base URL. */
  public static final String DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";

  /** Default time to establish a connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Default longest silence (no bytes received) before a call fails as a timeout. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);

  /** Default overall time of a non-streaming call, or of a stream until its headers arrive. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(10);

  /** Default: no limit on requests in flight. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 0;

  /** Default: no limit on requests per window. */
  public static final int DEFAULT_MAX_REQUESTS_PER_WINDOW = 0;

  /** Default rate window. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

  /** Default: use HTTP/2 when the TLS server offers it via ALPN. */
  public static final boolean DEFAULT_HTTP2 = true;

  /** Default: do not speak HTTP/2 to cleartext ({@code http:}) servers. */
  public static final boolean DEFAULT_HTTP2_PRIOR_KNOWLEDGE = false;

  /** Default HTTP/1.1 connections per server. */
  public static final int DEFAULT_HTTP1_POOL_SIZE = 64;

  /** Default HTTP/2 connections per server; each multiplexes many streams. */
  public static final int DEFAULT_HTTP2_POOL_SIZE = 2;

  /** Default largest response body, after decompression, and largest whole stream: 64 MiB. */
  public static final long DEFAULT_MAX_BODY_SIZE = 64L * 1024 * 1024;

  /** Default longest line of an event stream: 4 MiB. */
  public static final int DEFAULT_MAX_SSE_LINE_SIZE = 4 * 1024 * 1024;

  /** Default largest event of an event stream (its data lines together): 8 MiB. */
  public static final int DEFAULT_MAX_SSE_EVENT_SIZE = 8 * 1024 * 1024;

  private @Nullable String apiKey;
  private String baseUrl = DEFAULT_BASE_URL;
  private @Nullable String siteUrl;
  private @Nullable String siteName;
  private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
  private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
  private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  private RetryOptions retry = new RetryOptions();
  private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
  private int maxRequestsPerWindow = DEFAULT_MAX_REQUESTS_PER_WINDOW;
  private Duration window = DEFAULT_WINDOW;
  private boolean http2 = DEFAULT_HTTP2;
  private boolean http2PriorKnowledge = DEFAULT_HTTP2_PRIOR_KNOWLEDGE;
  private int http1PoolSize = DEFAULT_HTTP1_POOL_SIZE;
  private int http2PoolSize = DEFAULT_HTTP2_POOL_SIZE;
  private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
  private int maxSseLineSize = DEFAULT_MAX_SSE_LINE_SIZE;
  private int maxSseEventSize = DEFAULT_MAX_SSE_EVENT_SIZE;

  /** Creates options with the defaults and no API key. */
  public OpenRouterOptions() {}

  /** Creates a copy of other options. */
  public OpenRouterOptions(OpenRouterOptions other) {
    apiKey = other.apiKey;
    baseUrl = other.baseUrl;
    siteUrl = other.siteUrl;
    siteName = other.siteName;
    connectTimeout = other.connectTimeout;
    idleTimeout = other.idleTimeout;
    requestTimeout = other.requestTimeout;
    retry = new RetryOptions(other.retry);
    maxInFlight = other.maxInFlight;
    maxRequestsPerWindow = other.maxRequestsPerWindow;
    window = other.window;
    http2 = other.http2;
    http2PriorKnowledge = other.http2PriorKnowledge;
    http1PoolSize = other.http1PoolSize;
    http2PoolSize = other.http2PoolSize;
    maxBodySize = other.maxBodySize;
    maxSseLineSize = other.maxSseLineSize;
    maxSseEventSize = other.maxSseEventSize;
  }

  /** Returns options read from the process environment; see {@link #fromEnv(Map)}. */
  public static OpenRouterOptions fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Returns options read from {@code OPENROUTER_API_KEY}, {@code OPENROUTER_BASE_URL}, {@code
   * OPENROUTER_SITE_URL} and {@code OPENROUTER_SITE_NAME}; blank or missing variables keep the
   * defaults. A missing key is not an error here: calls then fail with a 401 explanation.
   */
  public static OpenRouterOptions fromEnv(Map<String, String> env) {
    Objects.requireNonNull(env, "env == null");
    OpenRouterOptions o = new OpenRouterOptions();
    String key = blankToNull(env.get("OPENROUTER_API_KEY"));
    if (key != null) {
      o.setApiKey(key);
    }
    String base = blankToNull(env.get("OPENROUTER_BASE_URL"));
    if (base != null) {
      o.setBaseUrl(base);
    }
    o.setSiteUrl(blankToNull(env.get("OPENROUTER_SITE_URL")));
    o.setSiteName(blankToNull(env.get("OPENROUTER_SITE_NAME")));
    return o;
  }

  /** The API key, or null when none is set. */
  public @Nullable String getApiKey() {
    return apiKey;
  }

  /** Sets the API key ({@code sk-or-v1-...}); null removes it. */
  public OpenRouterOptions setApiKey(@Nullable String apiKey) {
    this.apiKey = blankToNull(apiKey);
    return this;
  }

  /** The base URL, without a trailing slash. */
  public String getBaseUrl() {
    return baseUrl;
  }

  /** Sets the base URL ({@code http} or {@code https}); a trailing slash is removed. */
  public OpenRouterOptions setBaseUrl(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    String scheme;
    try {
      scheme = URI.create(baseUrl).getScheme();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("baseUrl is not a URL: " + baseUrl, e);
    }
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("baseUrl must be an http or https URL: " + baseUrl);
    }
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return this;
  }

  /** The app URL sent as {@code HTTP-Referer}, or null. */
  public @Nullable String getSiteUrl() {
    return siteUrl;
  }

  /** Sets the app URL sent as {@code HTTP-Referer}; null sends none. */
  public OpenRouterOptions setSiteUrl(@Nullable String siteUrl) {
    this.siteUrl = siteUrl;
    return this;
  }

  /** The app name sent as {@code X-OpenRouter-Title} and {@code X-Title}, or null. */
  public @Nullable String getSiteName() {
    return siteName;
  }

  /** Sets the app name sent as {@code X-OpenRouter-Title} and {@code X-Title}; null sends none. */
  public OpenRouterOptions setSiteName(@Nullable String siteName) {
    this.siteName = siteName;
    return this;
  }

  /** The time allowed to establish a connection. */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /** Sets the time allowed to establish a connection; must be positive. */
  public OpenRouterOptions setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = positive(connectTimeout, "connectTimeout");
    return this;
  }

  /** The longest silence, in a response or a stream, before the call fails with a timeout. */
  public Duration getIdleTimeout() {
    return idleTimeout;
  }

  /** Sets the longest silence before a call fails with a timeout; must be positive. */
  public OpenRouterOptions setIdleTimeout(Duration idleTimeout) {
    this.idleTimeout = positive(idleTimeout, "idleTimeout");
    return this;
  }

  /** The overall time of a non-streaming call (per attempt), or of a stream until its headers. */
  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  /** Sets the overall time of one attempt; must be positive. */
  public OpenRouterOptions setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = positive(requestTimeout, "requestTimeout");
    return this;
  }

  /** The retry policy. */
  public RetryOptions getRetry() {
    return retry;
  }

  /** Sets the retry policy. */
  public OpenRouterOptions setRetry(RetryOptions retry) {
    this.retry = Objects.requireNonNull(retry, "retry == null");
    return this;
  }

  /** The most requests in flight at once (streams count until they end); 0 means no limit. */
  public int getMaxInFlight() {
    return maxInFlight;
  }

  /** Sets the most requests in flight at once; 0 means no limit. Excess requests queue (FIFO). */
  public OpenRouterOptions setMaxInFlight(int maxInFlight) {
    this.maxInFlight = notNegative(maxInFlight, "maxInFlight");
    return this;
  }

  /** The most requests started per {@link #getWindow() window}; 0 means no limit. */
  public int getMaxRequestsPerWindow() {
    return maxRequestsPerWindow;
  }

  /** Sets the most requests started per window (a sliding window); 0 means no limit. */
  public OpenRouterOptions setMaxRequestsPerWindow(int maxRequestsPerWindow) {
    this.maxRequestsPerWindow = notNegative(maxRequestsPerWindow, "maxRequestsPerWindow");
    return this;
  }

  /** The rate-limit window. */
  public Duration getWindow() {
    return window;
  }

  /** Sets the rate-limit window; must be positive. */
  public OpenRouterOptions setWindow(Duration window) {
    this.window = positive(window, "window");
    return this;
  }

  /** Whether HTTP/2 is used when a TLS server offers it via ALPN. */
  public boolean isHttp2() {
    return http2;
  }

  /**
   * Sets whether HTTP/2 is used when a TLS server offers it. With HTTP/2 many concurrent calls
   * share few connections; calls beyond the server's stream limit wait in the pool, they never
   * fail.
   */
  public OpenRouterOptions setHttp2(boolean http2) {
    this.http2 = http2;
    return this;
  }

  /** Whether HTTP/2 is spoken directly (h2c, prior knowledge) to {@code http:} base URLs. */
  public boolean isHttp2PriorKnowledge() {
    return http2PriorKnowledge;
  }

  /**
   * Sets whether HTTP/2 is spoken directly to {@code http:} base URLs (needs {@link #isHttp2()}).
   */
  public OpenRouterOptions setHttp2PriorKnowledge(boolean http2PriorKnowledge) {
    this.http2PriorKnowledge = http2PriorKnowledge;
    return this;
  }

  /** HTTP/1.1 connections per server. */
  public int getHttp1PoolSize() {
    return http1PoolSize;
  }

  /** Sets the HTTP/1.1 connections per server; must be at least 1. */
  public OpenRouterOptions setHttp1PoolSize(int http1PoolSize) {
    this.http1PoolSize = atLeastOne(http1PoolSize, "http1PoolSize");
    return this;
  }

  /** HTTP/2 connections per server. */
  public int getHttp2PoolSize() {
    return http2PoolSize;
  }

  /** Sets the HTTP/2 connections per server; must be at least 1. */
  public OpenRouterOptions setHttp2PoolSize(int http2PoolSize) {
    this.http2PoolSize = atLeastOne(http2PoolSize, "http2PoolSize");
    return this;
  }

  /**
   * The most bytes read from one response: a whole body (after gzip/deflate decompression), or all
   * the bytes of one stream together.
   */
  public long getMaxBodySize() {
    return maxBodySize;
  }

  /**
   * Sets the most bytes read from one response, counted after decompression; must be at least 1. A
   * larger body or stream fails the call with a non-retryable {@link
   * OpenRouterException.Kind#RESPONSE_TOO_LARGE} and the connection is reset.
   */
  public OpenRouterOptions setMaxBodySize(long maxBodySize) {
    if (maxBodySize < 1) {
      throw new IllegalArgumentException("maxBodySize must be >= 1: " + maxBodySize);
    }
    this.maxBodySize = maxBodySize;
    return this;
  }

  /** The most bytes of one line of an event stream. */
  public int getMaxSseLineSize() {
    return maxSseLineSize;
  }

  /**
   * Sets the most bytes of one event-stream line; must be at least 1. A longer line (or one that
   * never ends) fails the stream with {@link OpenRouterException.Kind#RESPONSE_TOO_LARGE}.
   */
  public OpenRouterOptions setMaxSseLineSize(int maxSseLineSize) {
    this.maxSseLineSize = atLeastOne(maxSseLineSize, "maxSseLineSize");
    return this;
  }

  /** The most bytes of the data lines of one event of an event stream. */
  public int getMaxSseEventSize() {
    return maxSseEventSize;
  }

  /**
   * Sets the most bytes of the data lines of one event; must be at least 1. A larger event fails
   * the stream with {@link OpenRouterException.Kind#RESPONSE_TOO_LARGE}.
   */
  public OpenRouterOptions setMaxSseEventSize(int maxSseEventSize) {
    this.maxSseEventSize = atLeastOne(maxSseEventSize, "maxSseEventSize");
    return this;
  }

  @Override
  public String toString() {
    return "OpenRouterOptions{apiKey="
        + (apiKey == null ? "null" : "<redacted>")
        + ", baseUrl="
        + baseUrl
        + ", siteUrl="
        + siteUrl
        + ", siteName="
        + siteName
        + ", connectTimeout="
        + connectTimeout
        + ", idleTimeout="
        + idleTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", retry="
        + retry
        + ", maxInFlight="
        + maxInFlight
        + ", maxRequestsPerWindow="
        + maxRequestsPerWindow
        + ", window="
        + window
        + ", http2="
        + http2
        + ", http2PriorKnowledge="
        + http2PriorKnowledge
        + ", http1PoolSize="
        + http1PoolSize
        + ", http2PoolSize="
        + http2PoolSize
        + ", maxBodySize="
        + maxBodySize
        + ", maxSseLineSize="
        + maxSseLineSize
        + ", maxSseEventSize="
        + maxSseEventSize
        + '}';
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return d;
  }

  private static int notNegative(int v, String name) {
    if (v < 0) {
      throw new IllegalArgumentException(name + " must be >= 0: " + v);
    }
    return v;
  }

  private static int atLeastOne(int v, String name) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be >= 1: " + v);
    }
    return v;
  }
}
