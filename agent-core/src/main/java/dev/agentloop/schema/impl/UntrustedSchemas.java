package dev.agentloop.schema.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks a schema that comes from an untrusted caller before it is compiled: its size and depth are
 * bounded, every reference stays inside the schema, and {@code $schema} names a standard dialect. A
 * {@code $ref} to {@code classpath:}, {@code file:} or {@code http:} would otherwise make the
 * validator read local resources or fetch URLs chosen by the caller.
 */
public final class UntrustedSchemas {

  /** The most JSON nodes an untrusted schema may have. */
  public static final int MAX_NODES = 10_000;

  /** The deepest nesting an untrusted schema may have. */
  public static final int MAX_DEPTH = 64;

  /** The longest regular expression ({@code pattern}, {@code patternProperties}) it may have. */
  public static final int MAX_PATTERN_LENGTH = 1_000;

  private UntrustedSchemas() {}

  /**
   * Checks the schema.
   *
   * @throws IllegalArgumentException saying what is refused
   */
  public static void check(JsonNode schema) {
    if (!schema.isObject() && !schema.isBoolean()) {
      throw new IllegalArgumentException("a schema must be a JSON object");
    }
    // Iterative, so a deeply nested schema is refused rather than overflowing the stack.
    Deque<JsonNode> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(schema);
    depths.push(1);
    int count = 0;
    while (!nodes.isEmpty()) {
      JsonNode node = nodes.pop();
      int depth = depths.pop();
      if (++count > MAX_NODES) {
        throw new IllegalArgumentException(
            "the schema is too large: more than " + MAX_NODES + " JSON nodes");
      }
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException(
            "the schema is nested too deeply: more than " + MAX_DEPTH + " levels");
      }
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          checkKeyword(field.getKey(), field.getValue());
          if (field.getKey().equals("patternProperties") && field.getValue().isObject()) {
            field.getValue().fieldNames().forEachRemaining(UntrustedSchemas::checkPattern);
          }
        }
      }
      for (JsonNode child : node) {
        if (child.isContainerNode()) {
          nodes.push(child);
          depths.push(depth + 1);
        } else if (++count > MAX_NODES) {
          throw new IllegalArgumentException(
              "the schema is too large: more than " + MAX_NODES + " JSON nodes");
        }
      }
    }
  }

  private static void checkKeyword(String name, JsonNode value) {
    if (!value.isTextual()) {
      return; // a property named like a keyword, or a value inside enum/const
    }
    String text = value.asText();
    switch (name) {
      case "$ref", "$dynamicRef", "$recursiveRef" -> {
        if (!text.startsWith("#")) {
          throw new IllegalArgumentException(
              name
                  + " must point inside the schema (start with #); references to other"
                  + " documents are refused: "
                  + abbreviate(text));
        }
      }
      case "pattern" -> checkPattern(text);
      case "$schema" -> {
        if (SpecificationVersion.fromDialectId(text).isEmpty()
            && SpecificationVersion.fromDialectId(text + "#").isEmpty()
            && !(text.endsWith("#")
                && SpecificationVersion.fromDialectId(text.substring(0, text.length() - 1))
                    .isPresent())) {
          throw new IllegalArgumentException(
              "$schema must name a standard JSON Schema dialect"
                  + " (e.g. https://json-schema.org/draft/2020-12/schema): "
                  + abbreviate(text));
        }
      }
      default -> {}
    }
  }

  private static void checkPattern(String pattern) {
    if (pattern.length() > MAX_PATTERN_LENGTH) {
      throw new IllegalArgumentException(
          "a pattern is too long: "
              + pattern.length()
              + " characters, at most "
              + MAX_PATTERN_LENGTH);
    }
  }

  /** Whether the validator may load this resource: only the bundled standard meta-schemas. */
  static boolean loadable(String iri) {
    return (iri.startsWith("https://json-schema.org/draft")
            || iri.startsWith("http://json-schema.org/draft"))
        && !iri.contains("..");
  }

  private static String abbreviate(String s) {
    return s.length() > 100 ? s.substring(0, 100) + "..." : s;
  }
}
