package dev.agentloop.schema.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.schema.SchemaDialect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-keyword rules of {@link SchemaDialect#PORTABLE} and {@link SchemaDialect#OPENAI_STRICT}:
 * what providers document they refuse, rewritten where a lossless or checked equivalent exists
 * (each rewrite adds a note), rejected otherwise.
 */
public final class DialectRules {

  /** The string formats OpenAI strict mode documents; any other is removed. */
  static final Set<String> OPENAI_FORMATS =
      Set.of("date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid");

  /** Keywords OpenAI strict mode documents as unsupported; they are removed. */
  static final List<String> OPENAI_UNSUPPORTED =
      List.of(
          "allOf",
          "not",
          "if",
          "then",
          "else",
          "dependentRequired",
          "dependentSchemas",
          "patternProperties",
          "unevaluatedProperties",
          "propertyNames",
          "minProperties",
          "maxProperties",
          "unevaluatedItems",
          "contains",
          "minContains",
          "maxContains",
          "uniqueItems",
          "contentEncoding",
          "contentMediaType",
          "default");

  /** Formats Gemini lacks, replaced by a pattern that checks the same text. */
  static final Map<String, String> PORTABLE_PATTERNS =
      Map.of("date", JavaTypes.DATE, "time", JavaTypes.OFFSET_TIME, "uuid", JavaTypes.UUID);

  /** OpenAI strict mode's documented limit on object nesting. */
  static final int OPENAI_MAX_DEPTH = 10;

  private final SchemaDialect dialect;
  private final List<String> notes = new ArrayList<>();

  /** Creates the rules of one dialect (not NONE). */
  public DialectRules(SchemaDialect dialect) {
    this.dialect = dialect;
  }

  /** The notes on what was rewritten, in document order. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** Applies the rules to a schema node in place and returns its replacement. */
  public ObjectNode apply(ObjectNode node, String pointer, boolean optional, int depth) {
    if (dialect == SchemaDialect.OPENAI_STRICT) {
      if (node.has("properties") && depth > OPENAI_MAX_DEPTH) {
        throw new IllegalArgumentException(
            "the schema nests objects "
                + depth
                + " deep at `"
                + pointer
                + "`, and OpenAI strict mode allows "
                + OPENAI_MAX_DEPTH
                + "; flatten the type, or use SchemaDialect.PORTABLE");
      }
      for (String key : OPENAI_UNSUPPORTED) {
        if (node.remove(key) != null) {
          notes.add(
              "`" + pointer + "`: `" + key + "` removed; OpenAI strict mode does not support it");
        }
      }
    }
    formats(node, pointer);
    if (dialect == SchemaDialect.PORTABLE) {
      JsonNode constant = node.remove("const");
      if (constant != null) {
        node.putArray("enum").add(constant);
        notes.add("`" + pointer + "`: `const` written as a one-value enum; Gemini lacks const");
      }
      if (node.remove("contentEncoding") != null) {
        notes.add("`" + pointer + "`: `contentEncoding` removed; Gemini does not support it");
      }
      return singleType(node, pointer, optional);
    }
    return node;
  }

  private void formats(ObjectNode node, String pointer) {
    JsonNode format = node.get("format");
    if (format == null || !"string".equals(node.path("type").asText("string"))) {
      return;
    }
    String name = format.asText();
    if (dialect == SchemaDialect.OPENAI_STRICT && !OPENAI_FORMATS.contains(name)) {
      node.remove("format");
      notes.add("`" + pointer + "`: format `" + name + "` removed; OpenAI strict mode rejects it");
    } else if (dialect == SchemaDialect.PORTABLE && !name.equals("date-time")) {
      node.remove("format");
      String pattern = PORTABLE_PATTERNS.get(name);
      if (pattern != null && !node.has("pattern")) {
        node.put("pattern", pattern);
        notes.add(
            "`"
                + pointer
                + "`: format `"
                + name
                + "` written as a pattern; Gemini knows"
                + " only date-time");
      } else {
        notes.add("`" + pointer + "`: format `" + name + "` removed; Gemini knows only date-time");
      }
    }
  }

  /**
   * Gemini takes one type per schema: {@code [T, "null"]} becomes {@code T} where the property may
   * be left out anyway, and {@code anyOf: [{T}, {null}]} where it must be sent.
   */
  private ObjectNode singleType(ObjectNode node, String pointer, boolean optional) {
    if (!(node.get("type") instanceof ArrayNode types)) {
      return node;
    }
    List<String> named = new ArrayList<>();
    boolean nullable = false;
    for (JsonNode each : types) {
      if (each.asText().equals("null")) {
        nullable = true;
      } else {
        named.add(each.asText());
      }
    }
    if (named.size() == 1 && (optional || !nullable)) {
      node.put("type", named.get(0));
      if (nullable) {
        notes.add(
            "`"
                + pointer
                + "`: null dropped from the type; Gemini takes one type, and an"
                + " optional property may be left out instead");
      }
      return node;
    }
    ObjectNode wrapper = node.objectNode();
    JsonNode description = node.remove("description");
    if (description != null) {
      wrapper.set("description", description);
    }
    node.remove("type");
    ArrayNode anyOf = wrapper.putArray("anyOf");
    for (String type : named) {
      anyOf.add(node.deepCopy().put("type", type));
    }
    if (nullable) {
      anyOf.addObject().put("type", "null");
    }
    notes.add("`" + pointer + "`: type list written as anyOf; Gemini takes one type per schema");
    return wrapper;
  }

  /** Returns the names in {@code required}. */
  static Set<String> required(JsonNode schema) {
    Set<String> required = new HashSet<>();
    for (Iterator<JsonNode> it = schema.path("required").elements(); it.hasNext(); ) {
      required.add(it.next().asText());
    }
    return required;
  }
}
