package dev.agentloop.tools.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;

/**
 * Picks values out of a JSON document with JSON Pointer (RFC 6901) or JsonPath, so a model can work
 * with API payloads without reading them whole.
 *
 * <p>Results are compact JSON text ({@code "\"Ada\""} for a string, {@code "[1,2]"} for an array).
 * Invalid JSON fails with {@link IllegalArgumentException} naming the line and column; invalid or
 * unmatched expressions fail with {@link IllegalArgumentException} and an example of valid syntax.
 * JsonPath runs on Jackson's tree model (Jayway json-path with the Jackson JSON provider).
 *
 * <pre>{@code
 * JsonQuery json = new JsonQuery();
 * json.pointer("{\"user\":{\"name\":\"Ada\"}}", "/user/name");       // "\"Ada\""
 * json.path("{\"items\":[{\"id\":1},{\"id\":2}]}", "$.items[*].id"); // "[1,2]"
 * Toolbox tools = Toolbox.builder().add(json).build();
 * }</pre>
 */
public final class JsonQuery {

  private final JsonQueryOptions options;
  private final ObjectMapper mapper =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final Configuration jsonPath =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(mapper))
          .mappingProvider(new JacksonMappingProvider(mapper))
          .build();

  /** Creates the tool with default caps. */
  public JsonQuery() {
    this(new JsonQueryOptions());
  }

  /** Creates the tool with the given caps (copied). */
  public JsonQuery(JsonQueryOptions options) {
    this.options = new JsonQueryOptions(options);
  }

  /**
   * Returns the value at a JSON Pointer, as JSON text.
   *
   * @throws IllegalArgumentException for invalid JSON, an invalid pointer, or no value there
   */
  @Tool(
      name = "json_pointer",
      description =
          "Returns the value at a JSON Pointer (RFC 6901) in a JSON document, as JSON."
              + " Example pointer: /items/0/name ('' is the whole document).")
  public String pointer(
      @Param(description = "The JSON document") String json,
      @Param(description = "JSON Pointer, e.g. /items/0/name") String pointer) {
    JsonNode root = parse(json);
    JsonPointer compiled;
    try {
      compiled = JsonPointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid JSON Pointer '"
              + pointer
              + "': it must be empty or start with '/',"
              + " e.g. /items/0/name");
    }
    JsonNode value = root.at(compiled);
    if (value.isMissingNode()) {
      throw new IllegalArgumentException("no value at JSON Pointer " + pointer);
    }
    return render(value);
  }

  /**
   * Evaluates a JsonPath expression and returns the result as JSON text: a single value for a
   * definite path, an array for paths with wildcards, filters or deep scans.
   *
   * @throws IllegalArgumentException for invalid JSON, an invalid path, or a definite path with no
   *     value
   */
  @Tool(
      name = "json_path",
      description =
          "Evaluates a JsonPath expression on a JSON document and returns the matches as JSON."
              + " Examples: $.items[*].name, $..id, $.items[?(@.price < 10)].name, $.items.length()")
  public String path(
      @Param(description = "The JSON document") String json,
      @Param(description = "JsonPath expression starting with $, e.g. $.items[*].name")
          String path) {
    JsonNode root = parse(json);
    Object result;
    try {
      result = JsonPath.using(jsonPath).parse(root).read(path);
    } catch (PathNotFoundException e) {
      throw new IllegalArgumentException("no value at JsonPath " + path + ": " + e.getMessage());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "invalid JsonPath '" + path + "': " + e.getMessage() + "; e.g. $.items[*].name");
    }
    return render(result instanceof JsonNode node ? node : mapper.valueToTree(result));
  }

  private JsonNode parse(String json) {
    if (json.length() > options.getMaxJsonChars()) {
      throw new IllegalArgumentException(
          "JSON document is "
              + json.length()
              + " characters, above the limit of "
              + options.getMaxJsonChars());
    }
    try {
      JsonNode node = mapper.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("invalid JSON: the document is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String reason = e.getOriginalMessage().lines().findFirst().orElse("malformed");
      throw new IllegalArgumentException("invalid JSON" + where + ": " + reason);
    }
  }

  private String render(JsonNode value) {
    String text = value.toString();
    if (text.length() > options.getMaxResultChars()) {
      return text.substring(0, options.getMaxResultChars())
          + "… [result truncated at "
          + options.getMaxResultChars()
          + " characters]";
    }
    return text;
  }
}
