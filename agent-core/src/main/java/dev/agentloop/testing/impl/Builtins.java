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
import java.util.Map;
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
   * Returns the {@code GET /models} answer for {@code models}, filtered by the request's query
   * parameters: {@code supported_parameters} and {@code input_modalities} (comma-separated, all
   * must hold), {@code output_modalities} (any must hold; default {@code text}, {@code all} for
   * every model), {@code q} (case-insensitive substring of id or name) and {@code context} (least
   * context length). {@code category} and {@code sort} are accepted and ignored.
   */
  public static MockResponse models(JsonArray models, RecordedRequest request) {
    List<String> wanted = list(request.queryParam("supported_parameters"));
    List<String> inputs = list(request.queryParam("input_modalities"));
    List<String> outputs = list(request.queryParam("output_modalities"));
    List<String> outs = outputs.isEmpty() ? List.of("text") : outputs;
    String q = request.queryParam("q");
    String context = request.queryParam("context");
    long minContext = context == null ? 0 : Long.parseLong(context);
    JsonArray data = new JsonArray();
    for (Object m : models) {
      JsonObject model = (JsonObject) m;
      JsonArray supported = model.getJsonArray("supported_parameters", new JsonArray());
      JsonObject arch = model.getJsonObject("architecture", new JsonObject());
      JsonArray in = arch.getJsonArray("input_modalities", new JsonArray());
      JsonArray out = arch.getJsonArray("output_modalities", new JsonArray().add("text"));
      if (wanted.stream().allMatch(supported::contains)
          && inputs.stream().allMatch(in::contains)
          && (outs.contains("all") || outs.stream().anyMatch(out::contains))
          && (q == null || matches(model, q))
          && model.getLong("context_length", 0L) >= minContext) {
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

  /**
   * Returns the {@code GET /models/{author}/{slug}/endpoints} answer: the scripted endpoints of the
   * model if any, else one endpoint derived from its catalogue entry; a 404 for a model not in the
   * catalogue.
   */
  public static MockResponse endpoints(JsonArray models, String id, @Nullable JsonArray scripted) {
    JsonObject model = null;
    for (Object m : models) {
      if (id.equals(((JsonObject) m).getString("id"))) {
        model = (JsonObject) m;
      }
    }
    if (model == null) {
      return MockResponse.error(
          404, "Model not found: " + id, new JsonObject().put("error_type", "not_found"));
    }
    JsonArray endpoints = scripted != null ? scripted.copy() : new JsonArray().add(endpoint(model));
    JsonObject data =
        new JsonObject()
            .put("id", id)
            .put("name", model.getString("name", id))
            .put("created", model.getLong("created", 0L))
            .put("description", model.getString("description", ""))
            .put("architecture", model.getJsonObject("architecture", new JsonObject()).copy())
            .put("endpoints", endpoints);
    return MockResponse.json(200, new JsonObject().put("data", data));
  }

  /** Returns the endpoint the fake derives from a catalogue entry. */
  public static JsonObject endpoint(JsonObject model) {
    String id = model.getString("id");
    String author = id.substring(0, id.indexOf('/'));
    // provider_name is an enumeration in the spec: map the catalogue's authors onto it.
    String provider =
        Map.of(
                "openai", "OpenAI",
                "anthropic", "Anthropic",
                "google", "Google",
                "mistralai", "Mistral",
                "meta-llama", "Meta")
            .getOrDefault(author, "FakeProvider");
    JsonObject top = model.getJsonObject("top_provider", new JsonObject());
    JsonObject stats =
        new JsonObject().put("p50", 0.5).put("p75", 0.75).put("p90", 0.9).put("p99", 1.5);
    JsonObject pricing = model.getJsonObject("pricing", new JsonObject()).copy();
    pricing.fieldNames().removeIf(k -> !(pricing.getValue(k) instanceof String));
    return new JsonObject()
        .put("name", provider + ": " + model.getString("name", id))
        .put("model_id", model.getString("canonical_slug", id))
        .put("model_name", model.getString("name", id))
        .put("provider_name", provider)
        .put("tag", author)
        .put("quantization", "fp16")
        .put("context_length", model.getLong("context_length", 0L))
        .put("max_completion_tokens", top.getValue("max_completion_tokens"))
        .put("max_prompt_tokens", null)
        .put("pricing", pricing)
        .put("status", 0)
        .put("supported_parameters", model.getJsonArray("supported_parameters", new JsonArray()))
        .put("supports_implicit_caching", false)
        .put("uptime_last_30m", 99.5)
        .put("uptime_last_5m", 100.0)
        .put("uptime_last_1d", 99.8)
        .put("latency_last_30m", stats)
        .put("throughput_last_30m", stats.copy().put("p50", 80.0));
  }

  private static List<String> list(@Nullable String csv) {
    return csv == null || csv.isBlank()
        ? List.of()
        : Arrays.stream(csv.split(",")).map(String::strip).toList();
  }

  private static boolean matches(JsonObject model, String q) {
    String t = q.toLowerCase(java.util.Locale.ROOT);
    return model.getString("id", "").toLowerCase(java.util.Locale.ROOT).contains(t)
        || model.getString("name", "").toLowerCase(java.util.Locale.ROOT).contains(t);
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
