package dev.agentloop.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.agent.Agent;
import dev.agentloop.mcp.impl.OutputSchemas;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of an {@link McpServer}: who may call (bearer tokens, allowed origins and hosts),
 * the limits, and what is served besides the toolbox (agents as tools, output schemas).
 *
 * <p>Origins: a request with an {@code Origin} header is refused with 403 unless the origin is a
 * loopback one ({@code http://localhost:*}, {@code http://127.0.0.1:*}, {@code http://[::1]:*}) or
 * was added with {@link #addAllowedOrigin}. Hosts: when any were added with {@link
 * #addAllowedHost}, a request whose {@code Host} is not among them is refused with 421 (DNS
 * rebinding protection). Tokens: when any were added, requests need {@code Authorization: Bearer
 * <token>} (401 otherwise). Tokens are never logged.
 */
public final class McpServerOptions {

  /** The default server name announced in {@code serverInfo}: {@code agentloop}. */
  public static final String DEFAULT_NAME = "agentloop";

  /** The default size limit of one request body: 1 MiB. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

  /** The default limit of live HTTP sessions: 1,000 (the least recently used one is dropped). */
  public static final int DEFAULT_MAX_SESSIONS = 1_000;

  /** The default interval of progress notifications for a running tool: 1 second. */
  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(1);

  private String name = DEFAULT_NAME;
  private String version = "0.1.0";
  private @Nullable String instructions;
  private Set<String> allowedOrigins = new LinkedHashSet<>();
  private Set<String> allowedHosts = new LinkedHashSet<>();
  private Set<String> tokens = new LinkedHashSet<>();
  private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
  private int maxSessions = DEFAULT_MAX_SESSIONS;
  private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;
  private Map<String, JsonNode> outputSchemas = new LinkedHashMap<>();
  private Map<String, AgentTool> agents = new LinkedHashMap<>();

  /**
   * An agent served as a tool: its input is {@code {"input": "..."}}, its result the run's text.
   *
   * @param name the tool name
   * @param description what the agent does, for the calling model
   * @param agent the agent
   */
  public record AgentTool(String name, String description, Agent agent) {
    /** Validates the components. */
    public AgentTool {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(description, "description == null");
      Objects.requireNonNull(agent, "agent == null");
    }
  }

  /** Creates options with the defaults. */
  public McpServerOptions() {}

  /** Copies other options. */
  public McpServerOptions(McpServerOptions other) {
    name = other.name;
    version = other.version;
    instructions = other.instructions;
    allowedOrigins = new LinkedHashSet<>(other.allowedOrigins);
    allowedHosts = new LinkedHashSet<>(other.allowedHosts);
    tokens = new LinkedHashSet<>(other.tokens);
    maxRequestBytes = other.maxRequestBytes;
    maxSessions = other.maxSessions;
    progressInterval = other.progressInterval;
    outputSchemas = new LinkedHashMap<>(other.outputSchemas);
    agents = new LinkedHashMap<>(other.agents);
  }

  /** The name announced in {@code serverInfo}. */
  public String getName() {
    return name;
  }

  /** Sets the name announced in {@code serverInfo}. */
  public McpServerOptions setName(String name) {
    if (Objects.requireNonNull(name, "name == null").isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    this.name = name;
    return this;
  }

  /** The version announced in {@code serverInfo}. */
  public String getVersion() {
    return version;
  }

  /** Sets the version announced in {@code serverInfo}. */
  public McpServerOptions setVersion(String version) {
    this.version = Objects.requireNonNull(version, "version == null");
    return this;
  }

  /** The instructions sent to clients at initialisation, or null. */
  public @Nullable String getInstructions() {
    return instructions;
  }

  /** Sets the instructions sent to clients at initialisation. */
  public McpServerOptions setInstructions(@Nullable String instructions) {
    this.instructions = instructions;
    return this;
  }

  /** The origins allowed besides loopback ones; {@code *} allows every origin. */
  public Set<String> getAllowedOrigins() {
    return allowedOrigins;
  }

  /** Allows an origin such as {@code https://app.example.com}; {@code *} allows every origin. */
  public McpServerOptions addAllowedOrigin(String origin) {
    allowedOrigins.add(Objects.requireNonNull(origin, "origin == null"));
    return this;
  }

  /** The allowed {@code Host} names; empty means any. */
  public Set<String> getAllowedHosts() {
    return allowedHosts;
  }

  /** Allows a {@code Host} name (without port); once any is added, others get 421. */
  public McpServerOptions addAllowedHost(String host) {
    allowedHosts.add(
        Objects.requireNonNull(host, "host == null").toLowerCase(java.util.Locale.ROOT));
    return this;
  }

  /** Whether requests need a bearer token (true once one was added). */
  public boolean isAuthRequired() {
    return !tokens.isEmpty();
  }

  /** The accepted bearer tokens. */
  public Set<String> getTokens() {
    return tokens;
  }

  /** Accepts a bearer token; once any is added, requests without one get 401. */
  public McpServerOptions addToken(String token) {
    if (Objects.requireNonNull(token, "token == null").isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    tokens.add(token);
    return this;
  }

  /** The size limit of one request body, in bytes. */
  public int getMaxRequestBytes() {
    return maxRequestBytes;
  }

  /** Sets the size limit of one request body; larger ones get 413. */
  public McpServerOptions setMaxRequestBytes(int maxRequestBytes) {
    if (maxRequestBytes < 1024) {
      throw new IllegalArgumentException("maxRequestBytes must be >= 1024: " + maxRequestBytes);
    }
    this.maxRequestBytes = maxRequestBytes;
    return this;
  }

  /** The limit of live HTTP sessions. */
  public int getMaxSessions() {
    return maxSessions;
  }

  /** Sets the limit of live HTTP sessions; past it the least recently used one is dropped. */
  public McpServerOptions setMaxSessions(int maxSessions) {
    if (maxSessions < 1) {
      throw new IllegalArgumentException("maxSessions must be > 0: " + maxSessions);
    }
    this.maxSessions = maxSessions;
    return this;
  }

  /** How often a running tool reports progress when the client asked for it. */
  public Duration getProgressInterval() {
    return progressInterval;
  }

  /** Sets how often a running tool reports progress when the client asked for it. */
  public McpServerOptions setProgressInterval(Duration interval) {
    if (interval.toMillis() < 10) {
      throw new IllegalArgumentException("progressInterval must be >= 10 ms: " + interval);
    }
    this.progressInterval = interval;
    return this;
  }

  /** The output schemas, by tool name. */
  public Map<String, JsonNode> getOutputSchemas() {
    return outputSchemas;
  }

  /**
   * Sets a tool's output schema (an object schema): {@code tools/list} shows it and {@code
   * tools/call} returns the result as {@code structuredContent} too.
   */
  public McpServerOptions putOutputSchema(String tool, JsonNode schema) {
    if (!"object".equals(schema.path("type").asText())) {
      throw new IllegalArgumentException("an output schema must have type object: " + tool);
    }
    outputSchemas.put(Objects.requireNonNull(tool, "tool == null"), schema);
    return this;
  }

  /**
   * Adds the output schemas of the {@code @Tool} methods of these objects (or classes) whose
   * results are JSON objects (records, beans, maps), generated from their return types ({@code
   * Future<T>} and {@code CompletionStage<T>} are unwrapped).
   */
  public McpServerOptions addOutputSchemasOf(Object... tools) {
    for (Object t : tools) {
      outputSchemas.putAll(OutputSchemas.of(t instanceof Class<?> c ? c : t.getClass()));
    }
    return this;
  }

  /** The agents served as tools. */
  public Map<String, AgentTool> getAgents() {
    return agents;
  }

  /** Serves an agent as a tool that takes {@code {"input": "..."}} and returns the run's text. */
  public McpServerOptions addAgent(String name, String description, Agent agent) {
    if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException(
          "agent tool name must be 1 to 64 letters, digits, _ or -: " + name);
    }
    agents.put(name, new AgentTool(name, description, agent));
    return this;
  }
}
