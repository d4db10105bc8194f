package dev.agentloop.agent.impl;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.internal.Json;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ResponseFormat;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.schema.SchemaValidator;
import dev.agentloop.schema.SchemaViolation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The structured answer a run asks for: its schema (sent as a strict {@code json_schema} response
 * format, or written into the instructions for {@code json_object}), validation of the answer, and
 * binding to the Java type. Non-object roots (lists, enums, strings) are wrapped as {@code
 * {"value": ...}} because strict mode requires an object at the root.
 */
final class StructuredOutput {

  private static final Pattern FENCE =
      Pattern.compile("```(?:json|JSON)?\\s*\\n?(.*?)\\n?```", Pattern.DOTALL);

  private final @Nullable JavaType javaType;
  private final JsonNode schema;
  private final boolean wrapped;
  private final String name;
  private final SchemaValidator validator;

  private StructuredOutput(@Nullable JavaType javaType, JsonNode rawSchema, String name) {
    this.javaType = javaType;
    this.wrapped = !"object".equals(rawSchema.path("type").asText());
    this.schema = wrapped ? wrap(rawSchema) : rawSchema;
    this.name = name;
    this.validator = SchemaValidator.of(schema);
  }

  /** Describes a structured answer of a Java type. */
  static StructuredOutput forType(Type type) {
    JavaType javaType = JsonSchemas.objectMapper().constructType(type);
    String simple = javaType.getRawClass().getSimpleName().replaceAll("[^A-Za-z0-9_-]", "_");
    return new StructuredOutput(
        javaType, JsonSchemas.forType(type, true), simple.isEmpty() ? "output" : simple);
  }

  /** Describes a structured answer matching an explicit schema. */
  static StructuredOutput forSchema(JsonNode schema) {
    String title = schema.path("title").asText("output").replaceAll("[^A-Za-z0-9_-]", "_");
    return new StructuredOutput(null, schema, title.isEmpty() ? "output" : title);
  }

  /** The response format: strict {@code json_schema}, or {@code json_object} as the fallback. */
  ResponseFormat responseFormat(boolean jsonSchema) {
    return jsonSchema ? ResponseFormat.jsonSchema(name, schema, true) : ResponseFormat.jsonObject();
  }

  /** The instruction added to the system prompt in {@code json_object} mode. */
  String instructions() {
    return "Answer only with a JSON object that matches this JSON schema, without any other text:\n"
        + schema.toPrettyString();
  }

  /** The user message asking the model to correct an invalid answer. */
  Message repairMessage(List<String> errors) {
    return Message.user(
        "Your answer is not valid against the required JSON schema:\n- "
            + String.join("\n- ", errors)
            + "\nReply again with only the corrected JSON, matching the schema exactly.");
  }

  /**
   * Validates an answer: extracts the JSON (tolerating a fenced block), validates it against the
   * schema and binds it to the Java type.
   */
  Outcome check(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return Outcome.invalid(List.of("the answer is empty; a JSON value was expected"));
    }
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(extract(text));
    } catch (Exception e) {
      return Outcome.invalid(List.of("the answer is not valid JSON: " + firstLine(e.getMessage())));
    }
    List<String> errors = validator.validate(json).stream().map(SchemaViolation::message).toList();
    if (!errors.isEmpty()) {
      return Outcome.invalid(errors);
    }
    JsonNode value = wrapped ? json.path("value") : json;
    if (javaType == null) {
      return new Outcome(value, null, List.of());
    }
    try {
      return new Outcome(
          value, JsonSchemas.objectMapper().convertValue(value, javaType), List.of());
    } catch (IllegalArgumentException e) {
      return Outcome.invalid(
          List.of("the JSON does not fit the expected type: " + firstLine(e.getMessage())));
    }
  }

  private static String extract(String text) {
    Matcher m = FENCE.matcher(text);
    return m.find() ? m.group(1).trim() : text.trim();
  }

  private static String firstLine(@Nullable String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static JsonNode wrap(JsonNode schema) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("type", "object");
    ObjectNode props = root.putObject("properties");
    ObjectNode value = schema.deepCopy();
    // $defs must stay at the root for $ref resolution.
    JsonNode defs = value.remove("$defs");
    value.remove("$schema");
    props.set("value", value);
    root.putArray("required").add("value");
    root.put("additionalProperties", false);
    if (defs != null) {
      root.set("$defs", defs);
    }
    return root;
  }

  /**
   * The result of checking an answer.
   *
   * @param json the valid JSON value, or null
   * @param value the bound Java value, or null
   * @param errors the validation errors; empty when valid
   */
  record Outcome(@Nullable JsonNode json, @Nullable Object value, List<String> errors) {
    static Outcome invalid(List<String> errors) {
      return new Outcome(null, null, errors);
    }

    boolean valid() {
      return errors.isEmpty();
    }
  }
}
