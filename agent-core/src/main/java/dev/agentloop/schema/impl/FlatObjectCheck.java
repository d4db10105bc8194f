package dev.agentloop.schema.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A quick check of an instance against a flat object schema, the shape most tools take: an object
 * whose properties are strings, numbers, integers, booleans or null, with type, enum, range and
 * length keywords, {@code required}, and {@code additionalProperties} true or false. It answers
 * "valid" or "cannot tell", never "invalid": when it cannot tell, networknt validates as always and
 * words the violations. A schema with any other keyword gets no check at all ({@link #of} returns
 * null). {@code FlatObjectCheckTest} checks on generated schemas and instances that whatever this
 * accepts, networknt accepts.
 */
final class FlatObjectCheck {

  private static final int STRING = 1, INTEGER = 2, NUMBER = 4, BOOLEAN = 8, NULL = 16, ANY = -1;

  // Keywords that only annotate: they never make an instance invalid.
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "title",
          "description",
          "default",
          "examples",
          "deprecated",
          "readOnly",
          "writeOnly",
          "$comment");

  private final Map<String, Property> properties;
  private final String[] required;
  private final boolean closed;

  private FlatObjectCheck(Map<String, Property> properties, String[] required, boolean closed) {
    this.properties = properties;
    this.required = required;
    this.closed = closed;
  }

  /** The check for {@code schema}, or null when the schema is not of the shape it handles. */
  static @Nullable FlatObjectCheck of(JsonNode schema) {
    if (!schema.isObject()) {
      return null;
    }
    Map<String, Property> properties = new HashMap<>();
    String[] required = new String[0];
    boolean closed = false;
    for (Map.Entry<String, JsonNode> e : schema.properties()) {
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "type" -> {
          if (!v.isTextual() || !v.textValue().equals("object")) {
            return null;
          }
        }
        case "properties" -> {
          if (!v.isObject()) {
            return null;
          }
          for (Map.Entry<String, JsonNode> property : v.properties()) {
            Property check = Property.of(property.getValue());
            if (check == null) {
              return null;
            }
            properties.put(property.getKey(), check);
          }
        }
        case "required" -> {
          if (!v.isArray()) {
            return null;
          }
          List<String> names = new ArrayList<>();
          for (JsonNode name : v) {
            if (!name.isTextual()) {
              return null;
            }
            names.add(name.textValue());
          }
          required = names.toArray(new String[0]);
        }
        case "additionalProperties" -> {
          if (!v.isBoolean()) {
            return null;
          }
          closed = !v.booleanValue();
        }
        default -> {
          if (!ANNOTATIONS.contains(e.getKey())) {
            return null;
          }
        }
      }
    }
    return new FlatObjectCheck(Map.copyOf(properties), required, closed);
  }

  /** True when the instance is certainly valid; false when networknt must decide. */
  boolean accepts(JsonNode instance) {
    if (!instance.isObject()) {
      return false;
    }
    for (String name : required) {
      if (!instance.has(name)) {
        return false;
      }
    }
    for (Map.Entry<String, JsonNode> field : instance.properties()) {
      Property property = properties.get(field.getKey());
      if (property == null ? closed : !property.accepts(field.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** The keywords of one property; each one applies only to instances of its own type. */
  private record Property(
      int types,
      @Nullable List<JsonNode> values,
      @Nullable BigDecimal minimum,
      @Nullable BigDecimal exclusiveMinimum,
      @Nullable BigDecimal maximum,
      @Nullable BigDecimal exclusiveMaximum,
      int minLength,
      int maxLength) {

    static @Nullable Property of(JsonNode schema) {
      if (!schema.isObject()) {
        return null;
      }
      int types = ANY;
      List<JsonNode> values = null;
      BigDecimal minimum = null, exclusiveMinimum = null, maximum = null, exclusiveMaximum = null;
      int minLength = -1, maxLength = -1;
      for (Map.Entry<String, JsonNode> e : schema.properties()) {
        JsonNode v = e.getValue();
        // each keyword either takes a usable value or makes the whole schema unsupported
        boolean usable =
            switch (e.getKey()) {
              case "type" -> (types = types(v)) != 0;
              case "enum" -> (values = scalars(v)) != null;
              case "minimum" -> (minimum = bound(v)) != null;
              case "exclusiveMinimum" -> (exclusiveMinimum = bound(v)) != null;
              case "maximum" -> (maximum = bound(v)) != null;
              case "exclusiveMaximum" -> (exclusiveMaximum = bound(v)) != null;
              case "minLength" -> (minLength = length(v)) >= 0;
              case "maxLength" -> (maxLength = length(v)) >= 0;
              default -> ANNOTATIONS.contains(e.getKey());
            };
        if (!usable) {
          return null;
        }
      }
      return new Property(
          types,
          values,
          minimum,
          exclusiveMinimum,
          maximum,
          exclusiveMaximum,
          minLength,
          maxLength);
    }

    /** The values of an {@code enum} of scalars; null for anything else. */
    private static @Nullable List<JsonNode> scalars(JsonNode values) {
      if (!values.isArray()) {
        return null;
      }
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode value : values) {
        if (!value.isValueNode()) {
          return null;
        }
        out.add(value);
      }
      return out;
    }

    /** A finite numeric bound; null for anything else. */
    private static @Nullable BigDecimal bound(JsonNode v) {
      return v.isNumber() && (!v.isDouble() || Double.isFinite(v.doubleValue()))
          ? v.decimalValue()
          : null;
    }

    /** A non-negative integer length; -1 for anything else. */
    private static int length(JsonNode v) {
      return v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0 ? v.intValue() : -1;
    }

    /** The type bits of a {@code type} keyword; 0 for one this check does not handle. */
    private static int types(JsonNode type) {
      if (type.isTextual()) {
        return type(type.textValue());
      }
      if (!type.isArray() || type.isEmpty()) {
        return 0;
      }
      int bits = 0;
      for (JsonNode t : type) {
        int bit = t.isTextual() ? type(t.textValue()) : 0;
        if (bit == 0) {
          return 0;
        }
        bits |= bit;
      }
      return bits;
    }

    private static int type(String name) {
      return switch (name) {
        case "string" -> STRING;
        case "integer" -> INTEGER;
        case "number" -> NUMBER;
        case "boolean" -> BOOLEAN;
        case "null" -> NULL;
        default -> 0; // objects and arrays have keywords of their own: networknt decides
      };
    }

    boolean accepts(JsonNode v) {
      if ((v.isDouble() || v.isFloat()) && !Double.isFinite(v.doubleValue())) {
        return false; // not JSON: networknt decides
      }
      if (types != ANY && !hasType(v)) {
        return false;
      }
      if (values != null && !values.contains(v)) {
        return false; // equal as nodes is enough; anything else networknt decides
      }
      if (v.isNumber()) {
        return inRange(v);
      }
      if (v.isTextual() && (minLength >= 0 || maxLength >= 0)) {
        String text = v.textValue();
        // chars are never fewer than code points (what the keywords count): either bound holds
        // for code points when it holds for the count used here
        return (minLength < 0 || text.codePointCount(0, text.length()) >= minLength)
            && (maxLength < 0 || text.length() <= maxLength);
      }
      return true;
    }

    private boolean hasType(JsonNode v) {
      return (types & STRING) != 0 && v.isTextual()
          || (types & INTEGER) != 0 && v.isIntegralNumber()
          || (types & NUMBER) != 0 && v.isNumber()
          || (types & BOOLEAN) != 0 && v.isBoolean()
          || (types & NULL) != 0 && v.isNull();
    }

    private boolean inRange(JsonNode v) {
      if (minimum == null
          && exclusiveMinimum == null
          && maximum == null
          && exclusiveMaximum == null) {
        return true;
      }
      BigDecimal d = v.decimalValue();
      return (minimum == null || d.compareTo(minimum) >= 0)
          && (exclusiveMinimum == null || d.compareTo(exclusiveMinimum) > 0)
          && (maximum == null || d.compareTo(maximum) <= 0)
          && (exclusiveMaximum == null || d.compareTo(exclusiveMaximum) < 0);
    }
  }
}
