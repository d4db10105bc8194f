package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A function the model may call: name, description and a JSON Schema of its arguments.
 *
 * @param name matches {@code ^[a-zA-Z0-9_-]{1,64}$}
 * @param description what the function does, for the model
 * @param parameters a JSON Schema object for the arguments
 * @param strict whether the provider should enforce the schema exactly (OpenAI strict mode)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionDefinition(
    String name,
    @Nullable String description,
    @Nullable JsonNode parameters,
    @Nullable Boolean strict) {

  /** Validates the components. */
  public FunctionDefinition {
    Objects.requireNonNull(name, "name == null");
  }
}
