package dev.agentloop.tools.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.EvaluationListener;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import java.io.IOException;
import java.io.Writer;

/**
 * Picks values out of a JSON document with JSON Pointer (RFC 6901) or JsonPath, so a model can work
 * with API payloads without reading them whole.
 *
 * <p>Results are compact JSON text ({@code "\"Ada\""} for a string, {@code "[1,2]"} for an array).
 * Invalid JSON fails with {@link IllegalArgumentException} naming the line and column; invalid or
 * unmatched expressions fail with {@link IllegalArgumentException} and an example of valid syntax.
 * JsonPath runs on Jackson's tree model (Jayway json-path with the Jackson JSON provider).
 *
 * <p>Every cost is bounded (see {@link JsonQueryOptions}): the document size and nesting depth, the
 * expression length, the number of node visits one evaluation may make, the number of matches, and
 * the characters serialised. Regex filters ({@code =~}) are refused because Java regex matching can
 * backtrack for hours and cannot be interrupted.
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
  private final ObjectMapper mapper;
  private final JacksonMappingProvider mappingProvider;

  /** Creates the tool with default caps. */
  public JsonQuery() {
    this(new JsonQueryOptions());
  }

  /** Creates the tool with the given caps (copied). */
  public JsonQuery(JsonQueryOptions options) {
    this.options = new JsonQueryOptions(options);
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(this.options.getMaxJsonDepth())
                    .build())
            .build();
    this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.mappingProvider = new JacksonMappingProvider(mapper);
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
    checkLength("JSON Pointer", pointer);
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
    checkLength("JsonPath", path);
    if (path.contains("=~")) {
      // java.util.regex backtracks without bound and cannot be interrupted
      throw new IllegalArgumentException(
          "refused: regex filters (=~) are not supported, their running time cannot be bounded;"
              + " use ==, in, contains or a plain path, e.g. $.items[?(@.name == 'Ada')]");
    }
    JsonNode root = parse(json);
    int maxMatches = options.getMaxMatches();
    int[] matches = {0};
    Configuration config =
        Configuration.builder()
            .jsonProvider(new BoundedJsonProvider(mapper, options.getMaxSteps()))
            .mappingProvider(mappingProvider)
            .evaluationListener(
                found -> {
                  if (++matches[0] > maxMatches) {
                    throw new TooManyMatches();
                  }
                  return EvaluationListener.EvaluationContinuation.CONTINUE;
                })
            .build();
    Object result;
    try {
      result = JsonPath.using(config).parse(root).read(path);
    } catch (PathNotFoundException e) {
      throw new IllegalArgumentException("no value at JsonPath " + path + ": " + e.getMessage());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "invalid JsonPath '" + path + "': " + e.getMessage() + "; e.g. $.items[*].name");
    } catch (RuntimeException e) {
      throw budgetError(e, path);
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException("JsonPath is nested too deeply: " + abbreviate(path));
    }
    return render(result instanceof JsonNode node ? node : mapper.valueToTree(result));
  }

  /** Stops an evaluation at the first match past the cap. */
  private static final class TooManyMatches extends RuntimeException {
    TooManyMatches() {
      super(null, null, false, false);
    }
  }

  private RuntimeException budgetError(RuntimeException e, String path) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BoundedJsonProvider.BudgetExceeded) {
        return new IllegalArgumentException(
            "JsonPath "
                + abbreviate(path)
                + " needs more than "
                + options.getMaxSteps()
                + " steps on this document; narrow it (fewer deep scans .., wildcards, unions)");
      }
      if (t instanceof TooManyMatches) {
        return new IllegalArgumentException(
            "JsonPath "
                + abbreviate(path)
                + " matches more than "
                + options.getMaxMatches()
                + " values; narrow it, e.g. with an index range [0:10]");
      }
    }
    return e;
  }

  private void checkLength(String what, String expression) {
    if (expression.length() > options.getMaxPathChars()) {
      throw new IllegalArgumentException(
          what
              + " is "
              + expression.length()
              + " characters, above the limit of "
              + options.getMaxPathChars());
    }
  }

  private static String abbreviate(String path) {
    return path.length() <= 80 ? path : path.substring(0, 80) + "…";
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
    } catch (StreamConstraintsException e) {
      throw new IllegalArgumentException(
          "JSON document is nested deeper than the limit of " + options.getMaxJsonDepth());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String reason = e.getOriginalMessage().lines().findFirst().orElse("malformed");
      throw new IllegalArgumentException("invalid JSON" + where + ": " + reason);
    }
  }

  /**
   * Serialises at most {@code maxResultChars + 1} characters: a result that shares subtrees (as
   * {@code $..*} does) can be far larger as text than the document it came from.
   */
  private String render(JsonNode value) {
    int max = options.getMaxResultChars();
    StringBuilder out = new StringBuilder();
    Writer capped =
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) throws IOException {
            int room = max + 1 - out.length();
            out.append(buf, off, Math.min(len, room));
            if (len > room) {
              throw new ResultFull();
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    try {
      mapper.writeValue(capped, value);
    } catch (ResultFull e) {
      // enough text for the cut below
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise result: " + e.getMessage(), e);
    }
    if (out.length() > max) {
      return out.substring(0, max) + "… [result truncated at " + max + " characters]";
    }
    return out.toString();
  }

  /** Stops serialisation once the result has more characters than can be returned. */
  private static final class ResultFull extends IOException {
    ResultFull() {
      super(null, null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
