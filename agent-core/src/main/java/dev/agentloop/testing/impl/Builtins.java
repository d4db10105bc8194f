package dev.agentloop.testing.impl;

import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The built-in answers of the fake: model catalogue, key info, and error bodies. */
public final class Builtins {

  private static final String MODELS_RESOURCE = "models.json";
  private static final JsonArray MODELS = loadModels();

  private Builtins() {}

  /** Returns a copy of the built-in model catalogue. */
  public static JsonArray defaultModels() {
    return MODELS.copy();
  }

  /** Returns the built-in {@code data} object of {@code GET /key}. */
  public static JsonObject defaultKey() {
    return new JsonObject()
        .put("label", "sk-or-v1-fak...e00")
        .put("limit", 100)
        .put("limit_remaining", 74.5)
        .put("limit_reset", "monthly")
        .put("include_byok_in_limit", false)
        .put("usage", 25.5)
        .put("usage_daily", 0.5)
        .put("usage_weekly", 5.5)
        .put("usage_monthly", 25.5)
        .put("byok_usage", 0)
        .put("byok_usage_daily", 0)
        .put("byok_usage_weekly", 0)
        .put("byok_usage_monthly", 0)
        .put("is_free_tier", false)
        .put("is_management_key", false)
        .put("is_provisioning_key", false)
        .put("creator_user_id", "user_fake")
        .put("expires_at", null)
        .put(
            "rate_limit",
            new JsonObject()
                .put("requests", 1000)
                .put("interval", "1h")
                .put("note", "This field is deprecated and safe to ignore."));
  }

  /**
   * Returns the {@code GET /models} answer for {@code models}, filtered by the request's {@code
   * supported_parameters} query parameter (comma-separated, all must be supported).
   */
  public static MockResponse models(JsonArray models, RecordedRequest request) {
    String filter = request.queryParam("supported_parameters");
    List<String> wanted =
        filter == null || filter.isBlank() ? List.of() : Arrays.asList(filter.split(","));
    JsonArray data = new JsonArray();
    for (Object m : models) {
      JsonObject model = (JsonObject) m;
      JsonArray supported = model.getJsonArray("supported_parameters", new JsonArray());
      if (wanted.stream().allMatch(p -> supported.contains(p.strip()))) {
        data.add(model.copy());
      }
    }
    return MockResponse.json(
        200,
        new JsonObject()
            .put("data", data)
            .put("total_count", data.size())
            .put("links", new JsonObject().put("next", null)));
  }

  /** Returns the answer for {@code GET /generation}: the stored record, or a 404. */
  public static MockResponse generation(@Nullable JsonObject data, @Nullable String id) {
    if (data == null) {
      return MockResponse.error(
          404, "Generation not found: " + id, new JsonObject().put("error_type", "not_found"));
    }
    return MockResponse.json(200, new JsonObject().put("data", data.copy()));
  }

  /** Returns the 500 sent when nothing is scripted for a chat request. */
  public static MockResponse nothingScripted(RecordedRequest request) {
    return MockResponse.error(
        500,
        "FakeOpenRouter has nothing scripted for "
            + request
            + " (request #"
            + request.sequenceNumber()
            + "): enqueue a MockResponse or set a dispatcher",
        new JsonObject().put("error_type", "server"));
  }

  /** Returns the 404 sent for a path the fake does not serve. */
  public static MockResponse noRoute(RecordedRequest request) {
    return MockResponse.error(
        404,
        "FakeOpenRouter has no route for " + request,
        new JsonObject().put("error_type", "not_found"));
  }

  /** Returns the 401 sent when the API key is missing ({@code missing}) or wrong. */
  public static MockResponse unauthorized(boolean missing) {
    return MockResponse.error(401, missing ? "No auth credentials found" : "User not found.");
  }

  private static JsonArray loadModels() {
    try (InputStream in = Builtins.class.getResourceAsStream(MODELS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource: " + MODELS_RESOURCE);
      }
      return new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
