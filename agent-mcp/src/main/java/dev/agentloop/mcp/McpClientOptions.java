package dev.agentloop.mcp;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to reach one MCP server: a child process speaking stdio, or a Streamable HTTP endpoint; and
 * the limits the client enforces. Header values (such as {@code Authorization}) are never logged.
 *
 * <pre>{@code
 * McpClientOptions everything =
 *     McpClientOptions.stdio("everything", "npx", "-y", "@modelcontextprotocol/server-everything");
 * McpClientOptions remote =
 *     McpClientOptions.http("weather", "http://localhost:8080/mcp").putHeader("Authorization", "Bearer t");
 * }</pre>
 */
public final class McpClientOptions {

  /** The default timeout of requests other than {@code tools/call}: 60 seconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** The default limit of one message from the server: 4 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  /** The default number of stderr characters kept for error messages: 2,000. */
  public static final int DEFAULT_MAX_STDERR_CHARS = 2_000;

  /** The default limit of listed tools: 1,000. */
  public static final int DEFAULT_MAX_TOOLS = 1_000;

  private static final java.util.Set<String> LAUNCHERS =
      java.util.Set.of("npx", "uvx", "bunx", "pnpx", "node", "deno", "python", "python3", "java");

  private String name;
  private List<String> command = List.of();
  private @Nullable URI url;
  private Map<String, String> env = new LinkedHashMap<>();
  private Map<String, String> headers = new LinkedHashMap<>();
  private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
  private int maxStderrChars = DEFAULT_MAX_STDERR_CHARS;
  private int maxTools = DEFAULT_MAX_TOOLS;
  private boolean requireApproval;

  /** Creates options for a server called {@code name}, with neither command nor url yet. */
  public McpClientOptions(String name) {
    this.name = checkName(name);
  }

  /** Copies other options. */
  public McpClientOptions(McpClientOptions other) {
    name = other.name;
    command = other.command;
    url = other.url;
    env = new LinkedHashMap<>(other.env);
    headers = new LinkedHashMap<>(other.headers);
    requestTimeout = other.requestTimeout;
    maxMessageBytes = other.maxMessageBytes;
    maxStderrChars = other.maxStderrChars;
    maxTools = other.maxTools;
    requireApproval = other.requireApproval;
  }

  /** Options for a server run as a child process that speaks MCP on its stdin and stdout. */
  public static McpClientOptions stdio(String name, String... command) {
    return new McpClientOptions(name).setCommand(List.of(command));
  }

  /** Options for a Streamable HTTP server at {@code url}. */
  public static McpClientOptions http(String name, String url) {
    return new McpClientOptions(name).setUrl(url);
  }

  /**
   * Parses a command-line spec: an {@code http://} or {@code https://} URL, or a command line split
   * at spaces (double quotes group words). The name is the URL's host, or the program (for {@code
   * npx}, {@code uvx}, {@code node} and other launchers, the first word after them that is not an
   * option) without path, scope and version, e.g. {@code server-everything}.
   *
   * @throws IllegalArgumentException if the spec is blank
   */
  public static McpClientOptions parse(String spec) {
    String s = Objects.requireNonNull(spec, "spec == null").strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("mcp server spec must not be blank");
    }
    if (s.startsWith("http://") || s.startsWith("https://")) {
      URI uri = URI.create(s);
      return http(sanitize(String.valueOf(uri.getHost())), s);
    }
    List<String> words = split(s);
    String last = words.get(0);
    if (LAUNCHERS.contains(last.substring(last.lastIndexOf('/') + 1))) {
      last = words.stream().skip(1).filter(w -> !w.startsWith("-")).findFirst().orElse(last);
    }
    last = last.substring(last.lastIndexOf('/') + 1);
    int at = last.indexOf('@');
    if (at > 0) {
      last = last.substring(0, at);
    }
    return stdio(sanitize(last), words.toArray(String[]::new));
  }

  /** The server's name: it prefixes its tools' names when they clash with others. */
  public String getName() {
    return name;
  }

  /** Sets the server's name: letters, digits, {@code _} and {@code -}, 1 to 32 characters. */
  public McpClientOptions setName(String name) {
    this.name = checkName(name);
    return this;
  }

  /** The command of a stdio server (empty for an HTTP server). */
  public List<String> getCommand() {
    return command;
  }

  /** Sets the command of a stdio server: the program and its arguments. */
  public McpClientOptions setCommand(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command must not be empty");
    }
    this.command = List.copyOf(command);
    this.url = null;
    return this;
  }

  /** The URL of a Streamable HTTP server, or null for a stdio server. */
  public @Nullable URI getUrl() {
    return url;
  }

  /** Sets the URL of a Streamable HTTP server. */
  public McpClientOptions setUrl(String url) {
    URI uri = URI.create(Objects.requireNonNull(url, "url == null"));
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("url must be http or https: " + url);
    }
    this.url = uri;
    this.command = List.of();
    return this;
  }

  /** Extra environment variables of a stdio server. */
  public Map<String, String> getEnv() {
    return env;
  }

  /** Adds an environment variable for a stdio server. */
  public McpClientOptions putEnv(String name, String value) {
    env.put(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** Extra HTTP headers sent to an HTTP server. */
  public Map<String, String> getHeaders() {
    return headers;
  }

  /** Adds an HTTP header, e.g. {@code Authorization: Bearer ...}; values are never logged. */
  public McpClientOptions putHeader(String name, String value) {
    headers.put(
        Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** The timeout of requests other than {@code tools/call} (whose timeout is the agent's). */
  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  /** Sets the timeout of requests other than {@code tools/call}; must be positive. */
  public McpClientOptions setRequestTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be > 0: " + timeout);
    }
    this.requestTimeout = timeout;
    return this;
  }

  /** The size limit of one message from the server, in bytes. */
  public int getMaxMessageBytes() {
    return maxMessageBytes;
  }

  /** Sets the size limit of one message from the server; larger ones fail the request. */
  public McpClientOptions setMaxMessageBytes(int maxMessageBytes) {
    if (maxMessageBytes < 1024) {
      throw new IllegalArgumentException("maxMessageBytes must be >= 1024: " + maxMessageBytes);
    }
    this.maxMessageBytes = maxMessageBytes;
    return this;
  }

  /** How many characters of a stdio server's stderr are kept for error messages. */
  public int getMaxStderrChars() {
    return maxStderrChars;
  }

  /** Sets how many of the last stderr characters are kept; must be >= 0. */
  public McpClientOptions setMaxStderrChars(int maxStderrChars) {
    if (maxStderrChars < 0) {
      throw new IllegalArgumentException("maxStderrChars must be >= 0: " + maxStderrChars);
    }
    this.maxStderrChars = maxStderrChars;
    return this;
  }

  /** The limit of tools taken from the server's list. */
  public int getMaxTools() {
    return maxTools;
  }

  /** Sets the limit of tools taken from the server's list; further pages fail the listing. */
  public McpClientOptions setMaxTools(int maxTools) {
    if (maxTools < 1) {
      throw new IllegalArgumentException("maxTools must be > 0: " + maxTools);
    }
    this.maxTools = maxTools;
    return this;
  }

  /** Whether every call to this server's tools needs the agent's approver. */
  public boolean isRequireApproval() {
    return requireApproval;
  }

  /** Sets whether every call to this server's tools needs the agent's approver. */
  public McpClientOptions setRequireApproval(boolean requireApproval) {
    this.requireApproval = requireApproval;
    return this;
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "name == null");
    if (!name.matches("[A-Za-z0-9_-]{1,32}")) {
      throw new IllegalArgumentException("name must be 1 to 32 letters, digits, _ or -: " + name);
    }
    return name;
  }

  private static String sanitize(String raw) {
    String s = raw.replaceAll("[^A-Za-z0-9_-]", "_");
    s = s.isEmpty() ? "mcp" : s;
    return s.length() > 32 ? s.substring(0, 32) : s;
  }

  private static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          words.add(word.toString());
          word.setLength(0);
          any = false;
        }
      } else {
        word.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unbalanced quote in mcp server spec: " + line);
    }
    if (any) {
      words.add(word.toString());
    }
    return words;
  }
}
