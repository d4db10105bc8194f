package dev.agentloop.schema.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Makes "absent" and "null" mean the same for properties that may be either, before a value is
 * validated against the exact schema that was sent, and finds properties the schema does not
 * declare.
 *
 * <p>Strict schemas list every property as required and let the optional ones be null; plain
 * schemas leave them out of {@code required} and do not accept null. Models write both forms
 * whatever they were sent, so: a missing property that is required but accepts null becomes null,
 * and a null property that is optional but does not accept null is removed. The work is linear in
 * the size of the value (whose depth the JSON parser already bounds).
 */
public final class NullsAndUnknowns {

  /** At most this many unknown properties are reported. */
  static final int MAX_REPORTED = 10;

  private NullsAndUnknowns() {}

  /**
   * Rewrites {@code value} in place.
   *
   * @param root the schema (for {@code $ref} resolution)
   * @param value the value to rewrite
   * @return the JSON pointers of properties no object schema declares (when the schema has no
   *     {@code additionalProperties} schema), at most {@value #MAX_REPORTED}
   */
  public static List<String> apply(JsonNode root, JsonNode value) {
    List<String> unknown = new ArrayList<>();
    walk(root, root, value, "", unknown);
    return unknown;
  }

  private static void walk(
      JsonNode root, JsonNode schema, JsonNode value, String pointer, List<String> unknown) {
    if (!value.isContainerNode()) {
      return; // a scalar has no properties to reconcile or report, whatever its schema
    }
    schema = resolve(root, schema);
    if (value instanceof ObjectNode object
        && schema.get("properties") instanceof ObjectNode props) {
      object(root, schema, props, object, pointer, unknown);
    } else if (value instanceof ObjectNode object && schema.get("additionalProperties") != null) {
      JsonNode additional = schema.get("additionalProperties");
      if (additional.isObject()) {
        object
            .fields()
            .forEachRemaining(
                e -> walk(root, additional, e.getValue(), pointer + "/" + e.getKey(), unknown));
      }
    } else if (value instanceof ArrayNode array && schema.has("items")) {
      for (int i = 0; i < array.size(); i++) {
        walk(root, schema.get("items"), array.get(i), pointer + "/" + i, unknown);
      }
    } else {
      JsonNode only = onlyNonNullBranch(root, schema);
      if (only != null) {
        walk(root, only, value, pointer, unknown);
      }
    }
  }

  private static void object(
      JsonNode root,
      JsonNode schema,
      ObjectNode props,
      ObjectNode object,
      String pointer,
      List<String> unknown) {
    Set<String> required = null; // read only when a property is absent or null
    for (Iterator<String> names = props.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode value = object.get(name);
      if (value == null || value.isNull()) {
        if (required == null) {
          required = new HashSet<>();
          for (JsonNode each : schema.path("required")) {
            required.add(each.asText());
          }
        }
        JsonNode property = resolve(root, props.get(name));
        if (value == null) {
          if (required.contains(name) && acceptsNull(root, property)) {
            object.putNull(name);
          }
        } else if (!required.contains(name) && !acceptsNull(root, property)) {
          object.remove(name);
        }
      } else if (value.isContainerNode()) {
        walk(root, resolve(root, props.get(name)), value, pointer + "/" + name, unknown);
      }
    }
    JsonNode additional = schema.get("additionalProperties");
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (props.has(name)) {
        continue;
      }
      if (additional != null && additional.isObject()) {
        walk(root, additional, object.get(name), pointer + "/" + name, unknown);
      } else if (unknown.size() < MAX_REPORTED) {
        unknown.add(pointer + "/" + name);
      }
    }
  }

  /** Returns whether {@code schema} accepts null. */
  public static boolean acceptsNull(JsonNode root, JsonNode schema) {
    schema = resolve(root, schema);
    JsonNode type = schema.get("type");
    if (type != null) {
      if (type.isArray()) {
        for (JsonNode each : type) {
          if (each.asText().equals("null")) {
            return true;
          }
        }
      } else if (type.asText().equals("null")) {
        return true;
      }
    }
    for (String key : new String[] {"anyOf", "oneOf"}) {
      for (JsonNode branch : schema.path(key)) {
        if (acceptsNull(root, branch)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The one branch of {@code anyOf}/{@code oneOf} that is not {@code type: null}, if unique. */
  private static @Nullable JsonNode onlyNonNullBranch(JsonNode root, JsonNode schema) {
    for (String key : new String[] {"anyOf", "oneOf"}) {
      JsonNode only = null;
      int count = 0;
      for (JsonNode branch : schema.path(key)) {
        JsonNode resolved = resolve(root, branch);
        if (!"null".equals(resolved.path("type").asText())) {
          only = resolved;
          count++;
        }
      }
      if (count == 1) {
        return only;
      }
    }
    return null;
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    // Each step follows one reference; a chain of plain aliases longer than this is not generated.
    for (int i = 0; i < 8 && schema.has("$ref"); i++) {
      String ref = schema.get("$ref").asText();
      if (ref.equals("#")) {
        schema = root;
      } else if (ref.startsWith("#/$defs/")) {
        schema = root.path("$defs").path(ref.substring("#/$defs/".length()));
      } else {
        break;
      }
    }
    return schema;
  }
}
