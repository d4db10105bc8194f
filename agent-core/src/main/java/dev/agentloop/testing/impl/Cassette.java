package dev.agentloop.testing.impl;

import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A cassette: recorded exchanges stored as JSON Lines, one exchange per line: {@code
 * {"request":{"method","path","body"},"response":{"status","headers","body"}}}, or with {@code
 * "sse":[data...]} instead of {@code "body"} for a stream. Request headers are never stored.
 */
public final class Cassette {

  /** Top-level request fields ignored when bodies are compared: they vary between runs. */
  public static final Set<String> VOLATILE_FIELDS = Set.of("session_id", "user");

  /** Response headers not stored: connection-level, or recomputed when replayed. */
  private static final Set<String> SKIPPED_HEADERS =
      Set.of(
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "date",
          "set-cookie",
          "content-encoding",
          "server");

  /** One recorded request/response pair; {@code sse} is non-null for a stream. */
  public record Exchange(
      String method,
      String path,
      @Nullable Object requestBody,
      int status,
      JsonObject headers,
      @Nullable Object body,
      @Nullable List<String> sse) {

    /** Returns the exchange as one cassette line (without newline). */
    public String toLine() {
      JsonObject request =
          new JsonObject().put("method", method).put("path", path).put("body", requestBody);
      JsonObject response = new JsonObject().put("status", status).put("headers", headers);
      if (sse != null) {
        response.put("sse", new JsonArray(new ArrayList<>(sse)));
      } else {
        response.put("body", body);
      }
      return new JsonObject().put("request", request).put("response", response).encode();
    }

    /** Returns the response this exchange replays. */
    public MockResponse toResponse() {
      MockResponse.Builder b = MockResponse.builder().status(status);
      headers.forEach(e -> b.header(e.getKey(), String.valueOf(e.getValue())));
      if (sse != null) {
        sse.forEach(d -> b.part("data: " + d + "\n\n"));
      } else if (body != null) {
        b.body(body instanceof String s ? Buffer.buffer(s) : Buffer.buffer(Json.encode(body)));
      }
      return b.build();
    }
  }

  private Cassette() {}

  /** Parses a cassette file's content; blank lines are skipped. */
  public static List<Exchange> parse(Buffer content) {
    List<Exchange> out = new ArrayList<>();
    String[] lines = content.toString(StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        JsonObject line = new JsonObject(lines[i]);
        JsonObject req = line.getJsonObject("request");
        JsonObject resp = line.getJsonObject("response");
        JsonArray sse = resp.getJsonArray("sse");
        out.add(
            new Exchange(
                req.getString("method"),
                req.getString("path"),
                req.getValue("body"),
                resp.getInteger("status"),
                resp.getJsonObject("headers", new JsonObject()),
                resp.getValue("body"),
                sse == null ? null : sse.stream().map(String::valueOf).toList()));
      } catch (DecodeException | NullPointerException | ClassCastException e) {
        throw new IllegalArgumentException("bad cassette line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** Returns a body as stored: parsed JSON when it is JSON, the text otherwise, null when empty. */
  public static @Nullable Object storedBody(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return Json.decodeValue(text);
    } catch (DecodeException e) {
      return text;
    }
  }

  /** Returns the response headers worth storing, names in lower case. */
  public static JsonObject storedHeaders(MultiMap headers) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, String> h : headers) {
      String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
      if (!SKIPPED_HEADERS.contains(name) && !name.equals("authorization")) {
        out.put(name, h.getValue());
      }
    }
    return out;
  }

  /**
   * Returns why {@code actual} does not match {@code expected}, or null when it does. Method and
   * path (with query) must be equal; with {@code matchBody}, JSON bodies must be equal once the
   * {@link #VOLATILE_FIELDS} are removed from both.
   */
  public static @Nullable String mismatch(
      Exchange expected, String actualPath, RecordedRequest actual, boolean matchBody) {
    if (!expected.method().equals(actual.method()) || !expected.path().equals(actualPath)) {
      return "expected "
          + expected.method()
          + " "
          + expected.path()
          + " but got "
          + actual.method()
          + " "
          + actualPath;
    }
    if (matchBody) {
      Object want = withoutVolatile(expected.requestBody());
      Object got = withoutVolatile(storedBody(actual.bodyText()));
      if (!Objects.equals(want, got)) {
        return "request body differs from the recorded one; expected body "
            + Json.encode(want)
            + " but got "
            + Json.encode(got);
      }
    }
    return null;
  }

  private static @Nullable Object withoutVolatile(@Nullable Object body) {
    if (body instanceof JsonObject o) {
      JsonObject copy = o.copy();
      VOLATILE_FIELDS.forEach(copy::remove);
      return copy;
    }
    return body;
  }
}
