package dev.agentloop.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.schema.impl.DialectRules;
import dev.agentloop.schema.impl.RefInliner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
   * A schema adapted to a dialect, with what was changed.
   *
   * @param schema the adapted copy
   * @param notes one line per rewrite ({@code `/properties/site`: format `uri` removed; ...}), in
   *     document order; empty when nothing changed
   */
  public record Adapted(ObjectNode schema, List<String> notes) {
    /** Copies the notes. */
    public Adapted {
      notes = List.copyOf(notes);
    }
  }

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
    return lint(schema, dialect).schema();
  }

  /**
   * Returns a copy of {@code schema} adapted to {@code dialect}, with a note for each rewrite
   * (formats a provider lacks, type lists, unsupported keywords).
   *
   * @param schema a JSON Schema; it is not modified
   * @param dialect the providers to satisfy
   * @return the adapted copy and the notes
   * @throws IllegalArgumentException if the schema breaks a rule that cannot be fixed safely; the
   *     message names the rule and a JSON pointer into the schema
   */
  public static Adapted lint(JsonNode schema, SchemaDialect dialect) {
    Objects.requireNonNull(schema, "schema == null");
    Objects.requireNonNull(dialect, "dialect == null");
    if (!(schema instanceof ObjectNode original)) {
      throw new IllegalArgumentException("a schema must be a JSON object: " + schema);
    }
    ObjectNode copy = original.deepCopy();
    if (dialect == SchemaDialect.NONE) {
      return new Adapted(copy, List.of());
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
    for (String key : List.of("anyOf", "oneOf", "allOf")) {
      if (copy.has(key)) {
        throw new IllegalArgumentException(
            "the root of the schema has `"
                + key
                + "`, which Anthropic and OpenAI reject at the"
                + " root; wrap the alternatives in a property");
      }
    }
    DialectRules rules = new DialectRules(dialect);
    ObjectNode adapted = check(copy, "", dialect, rules, true, false, 1);
    List<String> notes = new ArrayList<>(rules.notes());
    if (dialect == SchemaDialect.PORTABLE
        && adapted.path("properties").isObject()
        && adapted.path("properties").isEmpty()) {
      // Gemini refuses `properties: {}` ("should be non-empty for OBJECT type"); a tool without
      // arguments is then sent without parameters, which OpenRouter's API allows.
      adapted.remove("properties");
      adapted.remove("required");
      notes.add("``: empty `properties` removed; Gemini rejects an empty properties object");
    }
    return new Adapted(adapted, notes);
  }

  private static ObjectNode check(
      ObjectNode schema,
      String pointer,
      SchemaDialect dialect,
      DialectRules rules,
      boolean root,
      boolean optional,
      int depth) {
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
    if (isMap) {
      throw new IllegalArgumentException(
          "the schema at `"
              + pointer
              + "` is a free-form map (additionalProperties with a schema), which "
              + (dialect == SchemaDialect.OPENAI_STRICT ? "OpenAI strict mode" : "Gemini")
              + " rejects; use a record or a list of entries, or SchemaDialect.NONE");
    }
    Set<String> declared = new HashSet<>();
    if (properties != null) {
      properties.fieldNames().forEachRemaining(declared::add);
    }
    Set<String> required = new HashSet<>();
    for (JsonNode name : schema.path("required")) {
      required.add(name.asText());
      if (!declared.contains(name.asText())) {
        throw new IllegalArgumentException(
            "the schema at `"
                + pointer
                + "` requires `"
                + name.asText()
                + "`, which is not among its properties; Gemini rejects that");
      }
    }
    ObjectNode node = rules.apply(schema, pointer, optional, depth);
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      JsonNode value = node.get(key);
      String at = pointer + "/" + key;
      if (key.equals("properties") || key.equals("$defs")) {
        ObjectNode children = (ObjectNode) value;
        List<String> names = new ArrayList<>();
        children.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
          if (children.get(name) instanceof ObjectNode child) {
            boolean leftOut = key.equals("properties") && !required.contains(name);
            int next = key.equals("properties") ? depth + 1 : depth;
            children.set(name, check(child, at + "/" + name, dialect, rules, false, leftOut, next));
          }
        }
      } else if ((key.equals("items") || key.equals("not")) && value instanceof ObjectNode child) {
        node.set(key, check(child, at, dialect, rules, false, false, depth));
      } else if (value instanceof ArrayNode array
          && (key.endsWith("Of") || key.equals("prefixItems"))) {
        for (int i = 0; i < array.size(); i++) {
          if (array.get(i) instanceof ObjectNode child) {
            array.set(i, check(child, at + "/" + i, dialect, rules, false, false, depth));
          }
        }
      }
    }
    return node;
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
