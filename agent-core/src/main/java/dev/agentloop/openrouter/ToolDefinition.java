package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tool offered to the model in a request's {@code tools} array: a function the client runs
 * ({@code {"type":"function","function":{...}}}), or an OpenRouter server tool that OpenRouter runs
 * inside the same request ({@code {"type":"openrouter:web_search","parameters":{...}}}, see {@link
 * ServerTool}).
 *
 * @param type {@code "function"}, or a server tool type such as {@code openrouter:web_search}
 * @param function the function's name, description and parameter schema; null for a server tool
 * @param parameters a server tool's settings, or null; always null for a function
 * @param cacheControl a prompt-cache breakpoint after this tool (caches the tool definitions up to
 *     here), or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolDefinition(
    String type,
    @Nullable FunctionDefinition function,
    @Nullable JsonNode parameters,
    @Nullable CacheControl cacheControl) {

  /**
   * Validates the components: a function tool needs its function, a server tool has none.
   *
   * @throws IllegalArgumentException when the function is missing or misplaced
   */
  public ToolDefinition {
    if (type == null) {
      type = "function";
    }
    if (type.equals("function")) {
      Objects.requireNonNull(function, "function == null");
      if (parameters != null) {
        throw new IllegalArgumentException("a function tool has no top-level parameters");
      }
    } else if (function != null) {
      throw new IllegalArgumentException("a server tool has no function: " + type);
    }
  }

  /** Creates a definition without cache control (the form before prompt caching). */
  public ToolDefinition(String type, FunctionDefinition function) {
    this(type, function, null, null);
  }

  /** Creates a function tool definition. */
  public static ToolDefinition function(
      String name,
      @Nullable String description,
      @Nullable JsonNode parameters,
      @Nullable Boolean strict) {
    return new ToolDefinition(
        "function", new FunctionDefinition(name, description, parameters, strict));
  }

  /** The function's name, or a server tool's type. */
  public String name() {
    return function == null ? type : function.name();
  }

  /** Returns {@code true} for a server tool, run by OpenRouter rather than by the client. */
  @JsonIgnore
  public boolean isServerTool() {
    return function == null;
  }

  /** Returns a copy with a prompt-cache breakpoint after this tool; null removes it. */
  public ToolDefinition withCacheControl(@Nullable CacheControl cacheControl) {
    return new ToolDefinition(type, function, parameters, cacheControl);
  }
}
