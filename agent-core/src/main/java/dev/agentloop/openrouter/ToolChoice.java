package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The request's {@code tool_choice}: {@code "none"}, {@code "auto"}, {@code "required"}, a named
 * function {@code {"type":"function","function":{"name":...}}}, or a server tool {@code
 * {"type":"openrouter:web_search"}}.
 *
 * @param mode {@code none}, {@code auto}, {@code required}, {@code function}, or the type of the
 *     forced server tool (e.g. {@code openrouter:web_search})
 * @param functionName the forced function's name when {@code mode} is {@code function}
 */
public record ToolChoice(String mode, @Nullable String functionName) {

  /** The model must not call tools. */
  public static final ToolChoice NONE = new ToolChoice("none", null);

  /** The model decides (the default). */
  public static final ToolChoice AUTO = new ToolChoice("auto", null);

  /** The model must call at least one tool. */
  public static final ToolChoice REQUIRED = new ToolChoice("required", null);

  /** Validates the components. */
  public ToolChoice {
    Objects.requireNonNull(mode, "mode == null");
    if (mode.equals("function") && (functionName == null || functionName.isEmpty())) {
      throw new IllegalArgumentException("a function tool choice needs a function name");
    }
    if (!mode.equals("function") && functionName != null) {
      throw new IllegalArgumentException(
          "only a function tool choice has a function name: " + mode);
    }
    if (mode.isBlank()) {
      throw new IllegalArgumentException("tool choice mode must not be blank");
    }
  }

  /**
   * Forces a call of the server tool of this type, e.g. {@code openrouter:web_search} (see {@link
   * ServerTool}).
   */
  public static ToolChoice serverTool(String type) {
    Objects.requireNonNull(type, "type == null");
    if (isPlain(type) || type.equals("function")) {
      throw new IllegalArgumentException("not a server tool type: " + type);
    }
    return new ToolChoice(type, null);
  }

  /** The forced server tool's type, or null when this choice does not force one. */
  public @Nullable String serverToolType() {
    return isPlain(mode) || mode.equals("function") ? null : mode;
  }

  private static boolean isPlain(String mode) {
    return mode.equals("none") || mode.equals("auto") || mode.equals("required");
  }

  /** Forces a call of the named function. */
  public static ToolChoice function(String name) {
    return new ToolChoice("function", Objects.requireNonNull(name, "name == null"));
  }

  /**
   * Returns {@code true} when this choice forces a tool call ({@code required}, a function or a
   * server tool).
   */
  public boolean forcesCall() {
    return !mode.equals("none") && !mode.equals("auto");
  }

  /** Returns the JSON form: a string, or the function object. */
  @JsonValue
  public Object toJson() {
    if (functionName != null) {
      return Map.of("type", "function", "function", Map.of("name", functionName));
    }
    return isPlain(mode) ? mode : Map.of("type", mode);
  }

  /** Reads the JSON form. */
  @JsonCreator
  public static ToolChoice fromJson(JsonNode node) {
    if (node.isTextual()) {
      return new ToolChoice(node.asText(), null);
    }
    String type = node.path("type").asText("function");
    if (!type.equals("function")) {
      return new ToolChoice(type, null);
    }
    return function(node.path("function").path("name").asText());
  }
}
