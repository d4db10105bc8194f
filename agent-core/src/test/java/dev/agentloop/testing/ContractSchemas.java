package dev.agentloop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against OpenRouter's own contract: the schemas extracted from its OpenAPI spec
 * into {@code openrouter-contract/openrouter-schemas.json} (see the NOTICE.md beside it).
 *
 * <p>Schema names are the spec's component names: {@code ChatRequest}, {@code ChatResult}, {@code
 * ChatStreamChunk}, {@code ModelsListResponse}, {@code GenerationResponse}, {@code KeyResponse},
 * and the error envelopes such as {@code UnauthorizedResponse} or {@code TooManyRequestsResponse}.
 */
public final class ContractSchemas {

  private static final String RESOURCE = "/openrouter-contract/openrouter-schemas.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectNode DOCUMENT = load();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private ContractSchemas() {}

  /**
   * Validates {@code body} against the schema {@code schemaName}.
   *
   * @return readable errors, each {@code "<json pointer>: <message>"}; empty when valid
   * @throws IllegalArgumentException if the schema name is unknown
   */
  public static List<String> validate(String schemaName, JsonNode body) {
    Schema schema = SCHEMAS.computeIfAbsent(schemaName, ContractSchemas::compile);
    List<Error> errors = schema.validate(body);
    return errors.stream().map(e -> pointer(e) + ": " + e.getMessage()).toList();
  }

  /** Validates JSON text; see {@link #validate(String, JsonNode)}. */
  public static List<String> validate(String schemaName, String json) {
    try {
      return validate(schemaName, MAPPER.readTree(json));
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
  }

  /** Returns whether the contract has a schema called {@code schemaName}. */
  public static boolean has(String schemaName) {
    return DOCUMENT.get("$defs").has(schemaName);
  }

  private static Schema compile(String name) {
    if (!has(name)) {
      throw new IllegalArgumentException("no schema in the OpenRouter contract: " + name);
    }
    ObjectNode root = DOCUMENT.deepCopy();
    root.put("$ref", "#/$defs/" + name);
    return REGISTRY.getSchema(root);
  }

  private static String pointer(Error e) {
    String path = e.getInstanceLocation().toString();
    return path.isEmpty() ? "/" : path;
  }

  private static ObjectNode load() {
    try (InputStream in = ContractSchemas.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource: " + RESOURCE);
      }
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
