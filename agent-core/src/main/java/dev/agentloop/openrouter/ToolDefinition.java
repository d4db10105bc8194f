package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tool offered to the model in a request's {@code tools} array.
 *
 * @param type {@code "function"}
 * @param function the function's name, description and parameter schema
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolDefinition(String type, FunctionDefinition function) {

  /** Validates the components. */
  public ToolDefinition {
    Objects.requireNonNull(function, "function == null");
    if (type == null) {
      type = "function";
    }
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

  /** The function's name. */
  public String name() {
    return function.name();
  }
}
