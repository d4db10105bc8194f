package dev.agentloop.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Describes one request received by {@link FakeOpenRouter} or {@link RecordingProxy}.
 *
 * <p>Immutable: accessors return copies. The {@code Authorization} header is stored redacted as
 * {@code Bearer ***}, so a recorded request never holds an API key.
 */
public final class RecordedRequest {

  /** The value that replaces every recorded {@code Authorization} header. */
  public static final String REDACTED_AUTHORIZATION = "Bearer ***";

  private final int sequenceNumber;
  private final String method;
  private final String path;
  private final String query;
  private final MultiMap headers;
  private final String bodyText;
  private final @Nullable JsonObject body;

  /**
   * Creates a recorded request; {@code headers} are copied and their {@code Authorization} value
   * redacted.
   */
  public RecordedRequest(
      int sequenceNumber,
      String method,
      String path,
      @Nullable String query,
      MultiMap headers,
      String bodyText) {
    this.sequenceNumber = sequenceNumber;
    this.method = Objects.requireNonNull(method, "method == null");
    this.path = Objects.requireNonNull(path, "path == null");
    this.query = query == null ? "" : query;
    this.headers = MultiMap.caseInsensitiveMultiMap().addAll(headers);
    if (this.headers.contains("Authorization")) {
      this.headers.set("Authorization", REDACTED_AUTHORIZATION);
    }
    this.bodyText = Objects.requireNonNull(bodyText, "bodyText == null");
    this.body = parse(bodyText);
  }

  /** Position among all requests received by the server, starting at 0. */
  public int sequenceNumber() {
    return sequenceNumber;
  }

  /** HTTP method, e.g. {@code POST}. */
  public String method() {
    return method;
  }

  /** Full request path without query, e.g. {@code /api/v1/chat/completions}. */
  public String path() {
    return path;
  }

  /** Raw query string without {@code ?}, e.g. {@code id=gen-123}; empty when absent. */
  public String query() {
    return query;
  }

  /** Returns the first value of query parameter {@code name}, or null. */
  public @Nullable String queryParam(String name) {
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        return java.net.URLDecoder.decode(
            eq < 0 ? "" : pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** A copy of the headers (case-insensitive), with {@code Authorization} redacted. */
  public MultiMap headers() {
    return MultiMap.caseInsensitiveMultiMap().addAll(headers);
  }

  /** Returns the first value of header {@code name}, or null. */
  public @Nullable String header(String name) {
    return headers.get(name);
  }

  /** Raw request body as UTF-8 text; empty for a request without body. */
  public String bodyText() {
    return bodyText;
  }

  /** A copy of the body parsed as a JSON object, or null if it is empty or not a JSON object. */
  public @Nullable JsonObject body() {
    return body == null ? null : body.copy();
  }

  /** The {@code messages} array of a chat request; empty when absent. */
  public JsonArray messages() {
    JsonArray messages = body == null ? null : body.getJsonArray("messages");
    return messages == null ? new JsonArray() : messages.copy();
  }

  /** The {@code tools} array of a chat request; empty when absent. */
  public JsonArray tools() {
    JsonArray tools = body == null ? null : body.getJsonArray("tools");
    return tools == null ? new JsonArray() : tools.copy();
  }

  /** The {@code model} of a chat request, or null when absent. */
  public @Nullable String model() {
    return body == null ? null : body.getString("model");
  }

  /** Whether the body has {@code "stream": true}. */
  public boolean isStream() {
    return body != null && Boolean.TRUE.equals(body.getValue("stream"));
  }

  /** Counts the messages with {@code role} {@code role}, e.g. {@code "tool"}. */
  public int countMessages(String role) {
    int n = 0;
    for (Object m : messages()) {
      if (m instanceof JsonObject o && role.equals(o.getString("role"))) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query);
  }

  private static @Nullable JsonObject parse(String text) {
    if (text.isBlank() || text.strip().charAt(0) != '{') {
      return null;
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException e) {
      return null;
    }
  }
}
