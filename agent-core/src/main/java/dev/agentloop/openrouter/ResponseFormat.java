package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The request's {@code response_format}: plain text, any JSON object, or JSON matching a schema.
 *
 * @param type {@code text}, {@code json_object} or {@code json_schema}
 * @param jsonSchema the schema, for {@code json_schema}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponseFormat(String type, @Nullable JsonSchemaSpec jsonSchema) {

  /** Validates the components. */
  public ResponseFormat {
    Objects.requireNonNull(type, "type == null");
  }

  /** Asks for any valid JSON object. */
  public static ResponseFormat jsonObject() {
    return new ResponseFormat("json_object", null);
  }

  /** Asks for JSON matching the schema; {@code strict} makes supporting providers enforce it. */
  public static ResponseFormat jsonSchema(String name, JsonNode schema, boolean strict) {
    return new ResponseFormat("json_schema", new JsonSchemaSpec(name, null, schema, strict));
  }

  /**
   * A named JSON schema for structured output.
   *
   * @param name a name for the schema ({@code [a-zA-Z0-9_-]}, up to 64 characters)
   * @param description optional description
   * @param schema the JSON Schema
   * @param strict whether the provider should enforce the schema exactly
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record JsonSchemaSpec(
      String name, @Nullable String description, JsonNode schema, @Nullable Boolean strict) {
    /** Validates the components. */
    public JsonSchemaSpec {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(schema, "schema == null");
    }
  }
}
