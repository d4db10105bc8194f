package dev.agentloop.schema.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a schema into OpenAI strict form: every object lists all its properties in {@code
 * required}, the ones that were optional become nullable, and every object without a schema for
 * extra properties gets {@code additionalProperties: false}.
 */
public final class StrictForm {

  private static final List<String> SCHEMA_ARRAYS =
      List.of("anyOf", "oneOf", "allOf", "prefixItems");
  private static final List<String> SCHEMA_VALUES = List.of("items", "not", "additionalProperties");

  private StrictForm() {}

  /** Rewrites {@code schema} in place. */
  public static void apply(JsonNode schema) {
    if (!(schema instanceof ObjectNode node)) {
      return;
    }
    for (String key : SCHEMA_VALUES) {
      apply(node.get(key));
    }
    for (String key : SCHEMA_ARRAYS) {
      JsonNode array = node.get(key);
      if (array != null) {
        array.forEach(StrictForm::apply);
      }
    }
    JsonNode defs = node.get("$defs");
    if (defs != null) {
      defs.forEach(StrictForm::apply);
    }
    if (node.get("properties") instanceof ObjectNode properties) {
      Set<String> required = new HashSet<>();
      node.path("required").forEach(name -> required.add(name.asText()));
      ArrayNode all = node.putArray("required");
      List<String> names = new ArrayList<>();
      properties.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        apply(properties.get(name));
        all.add(name);
        if (!required.contains(name) && properties.get(name) instanceof ObjectNode property) {
          properties.set(name, nullable(property));
        }
      }
    }
    if (isObjectType(node) && !node.has("additionalProperties")) {
      node.put("additionalProperties", false);
    }
  }

  private static boolean isObjectType(ObjectNode node) {
    JsonNode type = node.get("type");
    if (type == null) {
      return node.has("properties");
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

  private static boolean acceptsNull(ObjectNode schema) {
    JsonNode type = schema.get("type");
    if (type != null
        && (type.asText().equals("null")
            || (type.isArray() && type.toString().contains("\"null\"")))) {
      return true;
    }
    for (String key : List.of("anyOf", "oneOf")) {
      for (JsonNode branch : schema.path(key)) {
        if (branch instanceof ObjectNode object && acceptsNull(object)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Returns a schema that also accepts null, keeping the description on the outside. */
  public static ObjectNode nullable(ObjectNode schema) {
    if (acceptsNull(schema)) {
      return schema;
    }
    JsonNode type = schema.get("type");
    boolean plain = !schema.has("enum") && !schema.has("const");
    if (type != null && type.isTextual() && plain) {
      ArrayNode types = schema.arrayNode().add(type.asText()).add("null");
      schema.set("type", types);
      return schema;
    }
    if (type != null && type.isArray() && plain) {
      for (JsonNode each : type) {
        if (each.asText().equals("null")) {
          return schema;
        }
      }
      ((ArrayNode) type).add("null");
      return schema;
    }
    ObjectNode wrapper = schema.objectNode();
    JsonNode description = schema.remove("description");
    if (description != null) {
      wrapper.set("description", description);
    }
    ArrayNode anyOf = wrapper.putArray("anyOf");
    anyOf.add(schema);
    anyOf.addObject().put("type", "null");
    return wrapper;
  }
}
