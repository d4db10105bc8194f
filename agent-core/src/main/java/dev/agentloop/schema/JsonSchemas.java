package dev.agentloop.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.internal.Generators;
import dev.agentloop.schema.impl.RefInliner;
import dev.agentloop.schema.impl.StrictForm;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Generates JSON Schema 2020-12 for Java types, with one generator configured once.
 *
 * <p>What the generator does: primitives, boxes, {@code String}, {@code BigDecimal}/{@code
 * BigInteger}, enums (by their Jackson names), {@code java.time} types, {@code UUID} and {@code
 * URI} (with {@code format}), arrays and collections, {@code Map<String, V>} ({@code
 * additionalProperties}), {@code Optional<T>} (as {@code T}), records and POJOs (by their Jackson
 * properties: {@code @JsonProperty} names, {@code @JsonIgnore}, {@code @JsonPropertyDescription}),
 * Jakarta constraints ({@code @Min}, {@code @Size}, {@code @Pattern}, {@code @Email}, ...) as
 * keywords. Definitions used once or several times are inlined; only recursive types keep a {@code
 * $ref} into {@code $defs}.
 *
 * <p><b>Required properties.</b> A record component is required unless its type is {@code Optional}
 * or it is annotated {@code @Nullable} (any annotation of that simple name). A POJO field is
 * required only when annotated {@code @JsonProperty(required = true)} or {@code @NotNull}.
 * Validation enforces exactly this, so schema and binding never disagree.
 *
 * <p>All methods are thread-safe and return fresh nodes the caller may modify.
 */
public final class JsonSchemas {

  private JsonSchemas() {}

  /**
   * Returns the shared ObjectMapper used to bind arguments and render results: {@code java.time}
   * and {@code Optional} support, ISO dates, unknown properties ignored. Do not reconfigure it;
   * {@link ObjectMapper#copy()} it instead.
   */
  public static ObjectMapper objectMapper() {
    return Generators.MAPPER;
  }

  /**
   * Returns the schema of a Java type, in the plain (non-strict) form.
   *
   * @param type a class or a parameterized type such as {@code List<Item>}
   * @return a new schema without {@code $schema}
   */
  public static ObjectNode forType(Type type) {
    return forType(type, false);
  }

  /**
   * Returns the schema of a Java type, in strict form if asked (see {@link #strict(JsonNode)}).
   *
   * @param type a class or a parameterized type such as {@code List<Item>}
   * @param strict whether to return the OpenAI strict form
   * @return a new schema without {@code $schema}
   */
  public static ObjectNode forType(Type type, boolean strict) {
    Objects.requireNonNull(type, "type == null");
    ObjectNode schema = Generators.GENERATOR.generateSchema(type);
    RefInliner.inline(schema);
    if (strict) {
      StrictForm.apply(schema);
    }
    return schema;
  }

  /**
   * Returns the OpenAI strict form of a schema: every object lists all of its properties in {@code
   * required}, properties that were optional accept {@code null} ({@code type: [T, "null"]}, or
   * {@code anyOf} with {@code {"type": "null"}} for enums and references), and every object gets
   * {@code additionalProperties: false} unless it is a map.
   *
   * @param schema a schema; it is not modified
   * @return a strict copy
   */
  public static ObjectNode strict(JsonNode schema) {
    Objects.requireNonNull(schema, "schema == null");
    if (!(schema instanceof ObjectNode object)) {
      throw new IllegalArgumentException("a schema must be a JSON object: " + schema);
    }
    ObjectNode copy = object.deepCopy();
    StrictForm.apply(copy);
    return copy;
  }
}
