package dev.agentloop.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.ToolDefinition;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a toolbox knows about one tool: its definition as sent to the model and how it must be run.
 *
 * @param name the tool name
 * @param description the description for the model
 * @param parameters the JSON Schema of the arguments, exactly as sent to the model and validated
 * @param strict whether the schema is in OpenAI strict form
 * @param timeout the per-call timeout, or null for the caller's default
 * @param sequential whether the call is a side-effect barrier within a step
 * @param requiresApproval whether each call needs approval before it runs
 * @param idempotent whether a call may run again after a crash (see {@link Tool#idempotent()})
 */
public record ToolSpec(
    String name,
    String description,
    JsonNode parameters,
    boolean strict,
    @Nullable Duration timeout,
    boolean sequential,
    boolean requiresApproval,
    boolean idempotent) {

  /** Creates a spec of a tool that is not idempotent. */
  public ToolSpec(
      String name,
      String description,
      JsonNode parameters,
      boolean strict,
      @Nullable Duration timeout,
      boolean sequential,
      boolean requiresApproval) {
    this(name, description, parameters, strict, timeout, sequential, requiresApproval, false);
  }

  /**
   * The definition sent in a request's {@code tools}. A tool without arguments whose schema is the
   * bare {@code {"type": "object"}} ({@link dev.agentloop.schema.SchemaDialect#PORTABLE}) is sent
   * without {@code parameters}: Gemini rejects an empty {@code properties} object.
   */
  public ToolDefinition definition() {
    boolean bare =
        !strict && parameters.size() == 1 && "object".equals(parameters.path("type").asText());
    return ToolDefinition.function(
        name,
        description.isEmpty() ? null : description,
        bare ? null : parameters,
        strict ? Boolean.TRUE : null);
  }
}
