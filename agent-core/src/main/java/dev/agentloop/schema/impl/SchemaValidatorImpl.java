package dev.agentloop.schema.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.agentloop.schema.SchemaTimeoutException;
import dev.agentloop.schema.SchemaValidator;
import dev.agentloop.schema.SchemaViolation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Validates with networknt and rewrites its errors into {@link ViolationMessages}. */
public final class SchemaValidatorImpl implements SchemaValidator {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .pathType(PathType.JSON_POINTER)
                          .formatAssertionsEnabled(true)
                          .regularExpressionFactory(BoundedRegex.INSTANCE)
                          .build())
                  // Only the bundled standard meta-schemas load: never a caller-chosen
                  // classpath resource, file or URL.
                  .schemaLoader(
                      loader -> loader.allow(iri -> UntrustedSchemas.loadable(iri.toString()))));

  private static volatile SchemaValidatorImpl metaSchema;

  private static final int CACHED_UNTRUSTED = 64;

  // Keyed by the schema's content (a private copy, never modified); least recently used first.
  private static final Map<JsonNode, SchemaValidatorImpl> UNTRUSTED =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<JsonNode, SchemaValidatorImpl> eldest) {
          return size() > CACHED_UNTRUSTED;
        }
      };

  private final JsonNode schemaNode;
  private final Schema schema;
  private final boolean arguments;
  // Most tools' argument schemas are flat objects; valid arguments skip networknt's walk.
  private final @Nullable FlatObjectCheck quick;

  /** Compiles {@code schemaNode}; {@code arguments} selects tool-argument wording. */
  public SchemaValidatorImpl(JsonNode schemaNode, boolean arguments) {
    this(schemaNode, compile(schemaNode), arguments);
  }

  private SchemaValidatorImpl(JsonNode schemaNode, Schema schema, boolean arguments) {
    this.schemaNode = schemaNode.deepCopy();
    this.schema = schema;
    this.arguments = arguments;
    this.quick = FlatObjectCheck.of(this.schemaNode);
  }

  /** Returns the (lazily loaded) meta-schema validator. */
  public static SchemaValidator metaSchema() {
    SchemaValidatorImpl result = metaSchema;
    if (result == null) {
      Schema meta =
          REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
      meta.initializeValidators();
      result = new SchemaValidatorImpl(meta.getSchemaNode(), meta, false);
      metaSchema = result;
    }
    return result;
  }

  private static Schema compile(JsonNode schemaNode) {
    Objects.requireNonNull(schemaNode, "schema == null");
    try {
      Schema schema = REGISTRY.getSchema(schemaNode);
      schema.initializeValidators();
      return schema;
    } catch (SchemaException | IllegalArgumentException e) {
      // The first line only, cut: the message may quote a whole (caller-chosen) pattern.
      String m = String.valueOf(e.getMessage()).strip();
      int nl = m.indexOf('\n');
      m = nl < 0 ? m : m.substring(0, nl);
      throw new IllegalArgumentException(
          "invalid schema: " + (m.length() > 300 ? m.substring(0, 300) + "..." : m), e);
    }
  }

  @Override
  public JsonNode schema() {
    return schemaNode.deepCopy();
  }

  /**
   * Checks an untrusted schema (see {@link UntrustedSchemas}), then compiles it, or takes it from a
   * small cache of recently compiled schemas: callers of an OpenAI-compatible endpoint send the
   * same {@code response_format} with every request, and the endpoints compile it once on a worker
   * before the run compiles it again on the event loop.
   */
  public static SchemaValidatorImpl untrusted(JsonNode schemaNode) {
    Objects.requireNonNull(schemaNode, "schema == null");
    UntrustedSchemas.check(schemaNode);
    synchronized (UNTRUSTED) {
      SchemaValidatorImpl cached = UNTRUSTED.get(schemaNode);
      if (cached != null) {
        return cached;
      }
    }
    SchemaValidatorImpl compiled = new SchemaValidatorImpl(schemaNode, false);
    synchronized (UNTRUSTED) {
      UNTRUSTED.put(compiled.schemaNode, compiled);
    }
    return compiled;
  }

  @Override
  public List<SchemaViolation> validate(JsonNode instance, Duration budget) {
    Objects.requireNonNull(budget, "budget == null");
    long previous = BoundedRegex.deadline(System.nanoTime() + budget.toNanos());
    try {
      return validate(instance);
    } catch (BoundedRegex.Expired e) {
      throw new SchemaTimeoutException(budget);
    } finally {
      BoundedRegex.deadline(previous);
    }
  }

  @Override
  public List<SchemaViolation> validate(JsonNode instance) {
    Objects.requireNonNull(instance, "instance == null");
    if (quick != null && quick.accepts(instance)) {
      return new ArrayList<>(); // a flat object schema, certainly valid: networknt would agree
    }
    return validateFully(instance);
  }

  /** Validates with networknt alone, without the quick check. */
  List<SchemaViolation> validateFully(JsonNode instance) {
    List<SchemaViolation> violations = new ArrayList<>();
    for (Error error : schema.validate(instance)) {
      violations.add(ViolationMessages.toViolation(error, arguments));
    }
    // networknt reports some keywords (required) in hash order; sort so messages are stable.
    violations.sort(Comparator.comparing(SchemaViolation::path));
    return violations;
  }
}
