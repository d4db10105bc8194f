package dev.agentloop.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.schema.impl.SchemaValidatorImpl;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Validates JSON values against one JSON Schema (2020-12, formats asserted), compiled once.
 * Instances are immutable and thread-safe.
 *
 * <p>Messages name the place with a JSON pointer and say what was expected and what came: {@code
 * `/items/0/qty` must be >= 1; got 0}. A validator made by {@link #forArguments} speaks of the
 * root's properties as arguments: {@code missing required argument `city`}, {@code argument `unit`
 * must be one of celsius, fahrenheit; got "kelvin"}.
 */
public interface SchemaValidator {

  /**
   * Compiles a validator for {@code schema}.
   *
   * @throws IllegalArgumentException if the schema cannot be compiled
   */
  static SchemaValidator of(JsonNode schema) {
    return new SchemaValidatorImpl(schema, false);
  }

  /**
   * Compiles a validator for tool arguments: like {@link #of} but the root's properties are called
   * arguments in messages.
   *
   * @throws IllegalArgumentException if the schema cannot be compiled
   */
  static SchemaValidator forArguments(JsonNode schema) {
    return new SchemaValidatorImpl(schema, true);
  }

  /**
   * Compiles a validator for a schema from an untrusted caller (a request body, say). Before
   * compiling it refuses: a schema of more than 10,000 JSON nodes or 64 levels, a {@code $ref} (or
   * {@code $dynamicRef}, {@code $recursiveRef}) that does not start with {@code #}, since it would
   * load a {@code classpath:} resource, a file or a URL, and a {@code $schema} that is not a
   * standard dialect. Validate its values with {@link #validate(JsonNode, Duration)}, off the event
   * loop.
   *
   * @throws IllegalArgumentException saying what is refused, or why the schema cannot be compiled
   */
  static SchemaValidator ofUntrusted(JsonNode schema) {
    return SchemaValidatorImpl.untrusted(schema);
  }

  /** Returns a validator for the JSON Schema 2020-12 meta-schema: it checks schemas themselves. */
  static SchemaValidator metaSchema() {
    return SchemaValidatorImpl.metaSchema();
  }

  /** The schema this validator checks against. */
  JsonNode schema();

  /**
   * Validates a value.
   *
   * @param instance the value
   * @return the violations, in document order; empty when the value is valid
   */
  List<SchemaViolation> validate(JsonNode instance);

  /**
   * Validates a value within a time budget: a {@code pattern} that backtracks catastrophically on
   * the value is stopped once the budget is spent. The check runs on the calling thread, so call it
   * from a worker when the schema or the value comes from an untrusted caller.
   *
   * @param instance the value
   * @param budget the longest time the check may take
   * @return the violations, in document order; empty when the value is valid
   * @throws SchemaTimeoutException when the check took longer than the budget
   */
  List<SchemaViolation> validate(JsonNode instance, Duration budget);

  /** Returns the violations' messages joined by {@code "; "}, or {@code ""} when valid. */
  static String describe(List<SchemaViolation> violations) {
    return violations.stream().map(SchemaViolation::message).collect(Collectors.joining("; "));
  }
}
