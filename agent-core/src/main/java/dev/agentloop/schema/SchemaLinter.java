package dev.agentloop.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.schema.impl.RefInliner;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Adapts a schema to a {@link SchemaDialect}, or rejects it with a message naming the rule and the
 * place. The rules are listed on {@link SchemaDialect}. Tool schemas go through it when a toolbox
 * is built, so a schema a provider would refuse fails at startup, not at the first model call.
 */
public final class SchemaLinter {

  private SchemaLinter() {}

  /**
   * Returns a copy of {@code schema} adapted to {@code dialect}.
   *
   * @param schema a JSON Schema; it is not modified
   * @param dialect the providers to satisfy
   * @return the adapted copy
   * @throws IllegalArgumentException if the schema breaks a rule that cannot be fixed safely; the
   *     message names the rule and a JSON pointer into the schema
   */
  public static ObjectNode adapt(JsonNode schema, SchemaDialect dialect) {
    Objects.requireNonNull(schema, "schema == null");
    Objects.requireNonNull(dialect, "dialect == null");
    if (!(schema instanceof ObjectNode original)) {
      throw new IllegalArgumentException("a schema must be a JSON object: " + schema);
    }
    ObjectNode copy = original.deepCopy();
    if (dialect == SchemaDialect.NONE) {
      return copy;
    }
    Set<String> recursive = RefInliner.inline(copy);
    if (!recursive.isEmpty() && dialect == SchemaDialect.PORTABLE) {
      throw new IllegalArgumentException(
          "the schema needs $ref for the recursive type `"
              + recursive.iterator().next()
              + "`, and some providers reject $ref; use SchemaDialect.OPENAI_STRICT or NONE, or"
              + " make the type non-recursive");
    }
    if (!"object".equals(copy.path("type").asText())) {
      throw new IllegalArgumentException(
          "the root of the schema must be `type: object`, as providers require; got "
              + copy.path("type"));
    }
    check(copy, "", dialect, true);
    return copy;
  }

  private static void check(JsonNode node, String pointer, SchemaDialect dialect, boolean root) {
    if (!(node instanceof ObjectNode schema)) {
      return;
    }
    JsonNode properties = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    boolean hasProperties = properties != null && properties.size() > 0;
    boolean isMap = additional != null && additional.isObject();
    if (!root && isObject(schema) && !hasProperties && !isMap) {
      throw new IllegalArgumentException(
          "the object schema at `"
              + pointer
              + "` has no properties, which Gemini rejects; give the type properties, or use"
              + " SchemaDialect.NONE");
    }
    if (!root && schema.isEmpty()) {
      throw new IllegalArgumentException(
          "the schema at `"
              + pointer
              + "` accepts any value (a parameter of type Object or JsonNode?), which several"
              + " providers reject; use a concrete type, or SchemaDialect.NONE");
    }
    if (isMap && dialect == SchemaDialect.OPENAI_STRICT) {
      throw new IllegalArgumentException(
          "the schema at `"
              + pointer
              + "` is a free-form map (additionalProperties with a schema), which OpenAI strict"
              + " mode rejects; use a record or a list of entries, or SchemaDialect.PORTABLE");
    }
    Set<String> declared = new HashSet<>();
    if (properties != null) {
      properties.fieldNames().forEachRemaining(declared::add);
    }
    for (JsonNode name : schema.path("required")) {
      if (!declared.contains(name.asText())) {
        throw new IllegalArgumentException(
            "the schema at `"
                + pointer
                + "` requires `"
                + name.asText()
                + "`, which is not among its properties; Gemini rejects that");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      String at = pointer + "/" + key;
      if (key.equals("properties") || key.equals("$defs")) {
        value
            .fields()
            .forEachRemaining(e -> check(e.getValue(), at + "/" + e.getKey(), dialect, false));
      } else if (key.equals("items") || key.equals("not") || key.equals("additionalProperties")) {
        check(value, at, dialect, false);
      } else if (value.isArray() && (key.endsWith("Of") || key.equals("prefixItems"))) {
        for (int i = 0; i < value.size(); i++) {
          check(value.get(i), at + "/" + i, dialect, false);
        }
      }
    }
  }

  private static boolean isObject(ObjectNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode each : type) {
        if (each.asText().equals("object")) {
          return true;
        }
      }
      return false;
    }
    return type.asText().equals("object");
  }
}
