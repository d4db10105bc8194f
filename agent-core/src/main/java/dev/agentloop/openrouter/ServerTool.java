package dev.agentloop.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An OpenRouter server tool: a tool that OpenRouter itself runs inside the request (search the web,
 * fetch a page, tell the time), so its calls never reach the agent's loop. Offer one next to the
 * toolbox with {@code AgentOptions.setServerTools(...)}, or in a raw request with {@link
 * #toDefinition()}; force one with {@link ToolChoice#serverTool(String)}.
 *
 * <pre>{@code
 * options.setServerTools(List.of(
 *     ServerTool.webSearch().maxResults(5).allowedDomains(List.of("vertx.io")),
 *     ServerTool.datetime("Europe/Paris")));
 * }</pre>
 *
 * <p>Immutable: every setting method returns a changed copy. A setting that the known tool types
 * ({@code openrouter:web_search}, {@code openrouter:web_fetch}, {@code openrouter:datetime}) do not
 * take is refused; other types accept any {@link #parameter(String, Object)}.
 *
 * @param type the tool type, e.g. {@code openrouter:web_search}
 * @param parameters the tool's settings (snake_case names as on the wire); at most {@value
 *     #MAX_PARAMETERS}
 */
public record ServerTool(String type, Map<String, Object> parameters) {

  /** The web search tool type. */
  public static final String WEB_SEARCH = "openrouter:web_search";

  /** The web fetch tool type. */
  public static final String WEB_FETCH = "openrouter:web_fetch";

  /** The date and time tool type. */
  public static final String DATETIME = "openrouter:datetime";

  /** The most settings one server tool may carry. */
  public static final int MAX_PARAMETERS = 32;

  private static final Pattern TYPE = Pattern.compile("[a-z0-9_-]+:[a-z0-9_.-]+");

  private static final Map<String, Set<String>> KNOWN =
      Map.of(
          WEB_SEARCH,
          Set.of(
              "engine",
              "max_results",
              "max_total_results",
              "max_uses",
              "max_characters",
              "search_context_size",
              "allowed_domains",
              "excluded_domains",
              "user_location"),
          WEB_FETCH,
          Set.of("engine", "max_uses", "max_content_tokens", "allowed_domains", "blocked_domains"),
          DATETIME,
          Set.of("timezone"));

  /**
   * Validates the type and the settings and copies them.
   *
   * @throws IllegalArgumentException when the type is not {@code <vendor>:<name>}, a known type
   *     does not take a setting, or there are too many settings
   */
  public ServerTool {
    Objects.requireNonNull(type, "type == null");
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          "server tool type must look like openrouter:web_search: " + type);
    }
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    if (parameters.size() > MAX_PARAMETERS) {
      throw new IllegalArgumentException(
          "server tool parameters must be at most " + MAX_PARAMETERS + ": " + parameters.size());
    }
    Set<String> known = KNOWN.get(type);
    if (known != null) {
      for (String name : parameters.keySet()) {
        if (!known.contains(name)) {
          throw new IllegalArgumentException(type + " takes no parameter: " + name);
        }
      }
    }
  }

  /** Returns a server tool of the given type, without settings. */
  public static ServerTool of(String type) {
    return new ServerTool(type, Map.of());
  }

  /** Returns the web search tool ({@code openrouter:web_search}), without settings. */
  public static ServerTool webSearch() {
    return of(WEB_SEARCH);
  }

  /** Returns the web fetch tool ({@code openrouter:web_fetch}): reads a web page or a PDF. */
  public static ServerTool webFetch() {
    return of(WEB_FETCH);
  }

  /** Returns the date and time tool ({@code openrouter:datetime}), in UTC. */
  public static ServerTool datetime() {
    return of(DATETIME);
  }

  /** Returns the date and time tool in an IANA time zone, e.g. {@code Europe/Paris}. */
  public static ServerTool datetime(String timezone) {
    return datetime().parameter("timezone", Objects.requireNonNull(timezone, "timezone == null"));
  }

  /**
   * Returns a copy with the setting {@code name} (snake_case, as on the wire); null removes it.
   *
   * @throws IllegalArgumentException when this tool type does not take that setting
   */
  public ServerTool parameter(String name, @org.jspecify.annotations.Nullable Object value) {
    Objects.requireNonNull(name, "name == null");
    Map<String, Object> next = new LinkedHashMap<>(parameters);
    if (value == null) {
      next.remove(name);
    } else {
      next.put(name, value);
    }
    return new ServerTool(type, next);
  }

  /** Returns a copy with {@code max_results}, the results per search (web search), &gt; 0. */
  public ServerTool maxResults(int maxResults) {
    return parameter("max_results", positive("maxResults", maxResults));
  }

  /** Returns a copy with {@code max_uses}, the calls allowed per request, &gt; 0. */
  public ServerTool maxUses(int maxUses) {
    return parameter("max_uses", positive("maxUses", maxUses));
  }

  /** Returns a copy with {@code max_content_tokens}, the content kept per fetch (web fetch). */
  public ServerTool maxContentTokens(int maxContentTokens) {
    return parameter("max_content_tokens", positive("maxContentTokens", maxContentTokens));
  }

  /** Returns a copy with {@code engine}, e.g. {@code exa} or {@code native}. */
  public ServerTool engine(String engine) {
    return parameter("engine", Objects.requireNonNull(engine, "engine == null"));
  }

  /** Returns a copy limited to these domains ({@code allowed_domains}). */
  public ServerTool allowedDomains(List<String> domains) {
    return parameter("allowed_domains", List.copyOf(domains));
  }

  /** Returns a copy excluding these domains ({@code excluded_domains}, web search). */
  public ServerTool excludedDomains(List<String> domains) {
    return parameter("excluded_domains", List.copyOf(domains));
  }

  /** Returns a copy never fetching from these domains ({@code blocked_domains}, web fetch). */
  public ServerTool blockedDomains(List<String> domains) {
    return parameter("blocked_domains", List.copyOf(domains));
  }

  /** Returns the entry of a request's {@code tools} array. */
  public ToolDefinition toDefinition() {
    JsonNode params = parameters.isEmpty() ? null : Json.MAPPER.valueToTree(parameters);
    return new ToolDefinition(type, null, params, null);
  }

  private static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0: " + value);
    }
    return value;
  }
}
