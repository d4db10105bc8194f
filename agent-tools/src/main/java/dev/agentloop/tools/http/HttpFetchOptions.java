package dev.agentloop.tools.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of {@link HttpFetch}; the defaults are safe for a model-driven agent. Mutable; the
 * tool copies the options it receives.
 *
 * <p>Loopback and private addresses are refused unless {@link #setAllowLoopback(boolean)} or {@link
 * #setAllowPrivate(boolean)} permit them; link-local (including the cloud metadata address {@code
 * 169.254.169.254}), unspecified, multicast and broadcast addresses are always refused. Host
 * patterns are exact names ({@code example.com}), wildcard subdomains ({@code *.example.com}, which
 * matches {@code docs.example.com} but not {@code example.com}) or IP literals, each with an
 * optional port; they are compared with resolved addresses, not only with the URL's spelling.
 */
public class HttpFetchOptions {

  /** Default for {@link #isAllowLoopback()}: {@value}. */
  public static final boolean DEFAULT_ALLOW_LOOPBACK = false;

  /** Default for {@link #isAllowPrivate()}: {@value}. */
  public static final boolean DEFAULT_ALLOW_PRIVATE = false;

  /** Default maximum body bytes read before the download is aborted: {@value} (1 MiB). */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

  /** Default maximum characters of text returned to the model: {@value}. */
  public static final int DEFAULT_MAX_TEXT_CHARS = 20_000;

  /** Default overall timeout per fetch, redirects included, in milliseconds: {@value}. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 10_000;

  /** Default maximum number of redirects followed: {@value}. */
  public static final int DEFAULT_MAX_REDIRECTS = 5;

  /** Default {@code User-Agent} header: {@value}. */
  public static final String DEFAULT_USER_AGENT = "AgentLoop-HttpFetch/0.1";

  private boolean allowLoopback = DEFAULT_ALLOW_LOOPBACK;
  private boolean allowPrivate = DEFAULT_ALLOW_PRIVATE;
  private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
  private int maxTextChars = DEFAULT_MAX_TEXT_CHARS;
  private long timeoutMillis = DEFAULT_TIMEOUT_MILLIS;
  private int maxRedirects = DEFAULT_MAX_REDIRECTS;
  private String userAgent = DEFAULT_USER_AGENT;
  private List<String> allowedHosts = new ArrayList<>();
  private List<String> deniedHosts = new ArrayList<>();

  /** Creates options with the safe defaults. */
  public HttpFetchOptions() {}

  /** Creates a copy of {@code other}. */
  public HttpFetchOptions(HttpFetchOptions other) {
    Objects.requireNonNull(other, "other == null");
    allowLoopback = other.allowLoopback;
    allowPrivate = other.allowPrivate;
    maxResponseBytes = other.maxResponseBytes;
    maxTextChars = other.maxTextChars;
    timeoutMillis = other.timeoutMillis;
    maxRedirects = other.maxRedirects;
    userAgent = other.userAgent;
    allowedHosts = new ArrayList<>(other.allowedHosts);
    deniedHosts = new ArrayList<>(other.deniedHosts);
  }

  /** Whether loopback addresses (127.0.0.0/8, ::1) may be fetched. */
  public boolean isAllowLoopback() {
    return allowLoopback;
  }

  /** Permits loopback addresses; for tests and trusted deployments only. */
  public HttpFetchOptions setAllowLoopback(boolean allowLoopback) {
    this.allowLoopback = allowLoopback;
    return this;
  }

  /**
   * Whether private addresses (10/8, 172.16/12, 192.168/16, fc00::/7, CGNAT 100.64/10) may be
   * fetched.
   */
  public boolean isAllowPrivate() {
    return allowPrivate;
  }

  /** Permits private and CGNAT addresses; for trusted deployments only. */
  public HttpFetchOptions setAllowPrivate(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
    return this;
  }

  /** Maximum body bytes read; the download is aborted beyond it. */
  public int getMaxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * Sets the maximum body bytes read; the download is aborted beyond it and the result marked
   * truncated.
   *
   * @throws IllegalArgumentException if not positive
   */
  public HttpFetchOptions setMaxResponseBytes(int maxResponseBytes) {
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException("maxResponseBytes must be > 0: " + maxResponseBytes);
    }
    this.maxResponseBytes = maxResponseBytes;
    return this;
  }

  /** Maximum characters of text returned. */
  public int getMaxTextChars() {
    return maxTextChars;
  }

  /**
   * Sets the maximum characters of text returned.
   *
   * @throws IllegalArgumentException if not positive
   */
  public HttpFetchOptions setMaxTextChars(int maxTextChars) {
    if (maxTextChars <= 0) {
      throw new IllegalArgumentException("maxTextChars must be > 0: " + maxTextChars);
    }
    this.maxTextChars = maxTextChars;
    return this;
  }

  /** Overall timeout per fetch in milliseconds, redirects included. */
  public long getTimeoutMillis() {
    return timeoutMillis;
  }

  /**
   * Sets the overall timeout per fetch in milliseconds, redirects included.
   *
   * @throws IllegalArgumentException if not positive
   */
  public HttpFetchOptions setTimeoutMillis(long timeoutMillis) {
    if (timeoutMillis <= 0) {
      throw new IllegalArgumentException("timeoutMillis must be > 0: " + timeoutMillis);
    }
    this.timeoutMillis = timeoutMillis;
    return this;
  }

  /** Maximum number of redirects followed. */
  public int getMaxRedirects() {
    return maxRedirects;
  }

  /**
   * Sets the maximum number of redirects followed; {@code 0} returns the redirect response itself.
   *
   * @throws IllegalArgumentException if negative
   */
  public HttpFetchOptions setMaxRedirects(int maxRedirects) {
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("maxRedirects must be >= 0: " + maxRedirects);
    }
    this.maxRedirects = maxRedirects;
    return this;
  }

  /** The {@code User-Agent} header sent. */
  public String getUserAgent() {
    return userAgent;
  }

  /** Sets the {@code User-Agent} header sent. */
  public HttpFetchOptions setUserAgent(String userAgent) {
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent == null");
    return this;
  }

  /** Host patterns that may be fetched; empty means any host not denied. */
  public List<String> getAllowedHosts() {
    return List.copyOf(allowedHosts);
  }

  /**
   * Adds a host pattern that may be fetched; once any is added, all other hosts are refused. A
   * pattern is a name ({@code example.com}), a wildcard subdomain ({@code *.example.com}) or an IP
   * literal ({@code 10.0.0.1}, {@code [::1]}), optionally with a port ({@code example.com:8443});
   * without a port every port matches. A URL is allowed when its host name matches, or when the
   * address it connects to is the address of an IP pattern or of an exact name pattern.
   *
   * @throws IllegalArgumentException if the pattern is blank or malformed
   */
  public HttpFetchOptions addAllowedHost(String pattern) {
    allowedHosts.add(checkPattern(pattern));
    return this;
  }

  /** Host patterns that are always refused. */
  public List<String> getDeniedHosts() {
    return List.copyOf(deniedHosts);
  }

  /**
   * Adds a host pattern that is always refused, in the forms {@link #addAllowedHost(String)}
   * accepts. Denial is decided on resolved addresses too: a URL is refused when its host name
   * matches, or when any address it resolves to is the address of an IP pattern or one of the
   * addresses of an exact name pattern, so {@code 2130706433}, {@code [::ffff:127.0.0.1]} and
   * hosts-file aliases of a denied {@code localhost} are refused as well.
   *
   * @throws IllegalArgumentException if the pattern is blank or malformed
   */
  public HttpFetchOptions addDeniedHost(String pattern) {
    deniedHosts.add(checkPattern(pattern));
    return this;
  }

  private static String checkPattern(String pattern) {
    return HostPattern.parse(pattern).text();
  }
}
