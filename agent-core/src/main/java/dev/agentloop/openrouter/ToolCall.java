package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * One tool call requested by the model in an assistant message.
 *
 * @param id the call id, echoed back as {@code tool_call_id} in the tool message
 * @param type always {@code "function"} for function tools
 * @param function the tool name and JSON arguments
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolCall(String id, String type, FunctionCall function) {

  /** Validates the components. */
  public ToolCall {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(function, "function == null");
    if (type == null) {
      type = "function";
    }
  }

  /** Creates a function tool call. */
  public static ToolCall of(String id, String name, String arguments) {
    return new ToolCall(id, "function", new FunctionCall(name, arguments));
  }
}
