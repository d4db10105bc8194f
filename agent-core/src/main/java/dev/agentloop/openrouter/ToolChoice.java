package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The request's {@code tool_choice}: {@code "none"}, {@code "auto"}, {@code "required"}, or a named
 * function {@code {"type":"function","function":{"name":...}}}.
 *
 * @param mode {@code none}, {@code auto}, {@code required}, or {@code function}
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
    if (mode.equals("function") && functionName == null) {
      throw new IllegalArgumentException("a function tool choice needs a function name");
    }
  }

  /** Forces a call of the named function. */
  public static ToolChoice function(String name) {
    return new ToolChoice("function", Objects.requireNonNull(name, "name == null"));
  }

  /** Returns {@code true} when this choice forces a tool call ({@code required} or a function). */
  public boolean forcesCall() {
    return mode.equals("required") || mode.equals("function");
  }

  /** Returns the JSON form: a string, or the function object. */
  @JsonValue
  public Object toJson() {
    if (functionName == null) {
      return mode;
    }
    return Map.of("type", "function", "function", Map.of("name", functionName));
  }

  /** Reads the JSON form. */
  @JsonCreator
  public static ToolChoice fromJson(JsonNode node) {
    if (node.isTextual()) {
      return new ToolChoice(node.asText(), null);
    }
    return function(node.path("function").path("name").asText());
  }
}
