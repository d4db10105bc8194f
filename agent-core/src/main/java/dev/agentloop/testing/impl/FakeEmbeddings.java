package dev.agentloop.testing.impl;

import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake's {@code POST /embeddings}: a deterministic hashed bag-of-words vector per text, so that
 * texts sharing words are close (cosine similarity) and the same text always gives the same vector.
 */
public final class FakeEmbeddings {

  /** The vector size when the request does not ask for {@code dimensions}: {@value}. */
  public static final int DEFAULT_DIMENSIONS = 256;

  /** The largest {@code dimensions} the fake serves: {@value}. */
  public static final int MAX_DIMENSIONS = 8192;

  /** The most texts the fake embeds in one request: {@value}. */
  public static final int MAX_INPUTS = 2048;

  /** USD per input token the fake bills: {@value}. */
  public static final String PRICE_PER_TOKEN = "0.00000002";

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private FakeEmbeddings() {}

  /** Answers one embeddings request, or a 400 in OpenRouter's error format when it is invalid. */
  public static MockResponse answer(RecordedRequest request) {
    JsonObject body = request.body();
    Object input = body == null ? null : body.getValue("input");
    List<String> texts = new ArrayList<>();
    if (input instanceof String s) {
      texts.add(s);
    } else if (input instanceof JsonArray a) {
      for (Object o : a) {
        if (!(o instanceof String s)) {
          return bad("input must be a string or an array of strings");
        }
        texts.add(s);
      }
    }
    if (texts.isEmpty() || texts.size() > MAX_INPUTS || texts.contains("")) {
      return bad("input must hold 1 to " + MAX_INPUTS + " non-empty texts");
    }
    String model = body.getString("model");
    if (model == null) {
      return bad("model is required");
    }
    Object dims = body.getValue("dimensions", DEFAULT_DIMENSIONS);
    if (!(dims instanceof Integer d) || d < 1 || d > MAX_DIMENSIONS) {
      return bad("dimensions must be an integer in 1.." + MAX_DIMENSIONS);
    }
    JsonArray data = new JsonArray();
    long tokens = 0;
    for (int i = 0; i < texts.size(); i++) {
      List<String> words = words(texts.get(i));
      tokens += Math.max(1, words.size());
      JsonArray vector = new JsonArray();
      for (float v : vector(words, d)) {
        vector.add(v);
      }
      data.add(
          new JsonObject().put("object", "embedding").put("index", i).put("embedding", vector));
    }
    BigDecimal cost = new BigDecimal(PRICE_PER_TOKEN).multiply(BigDecimal.valueOf(tokens));
    return MockResponse.json(
        200,
        new JsonObject()
            .put("id", "embd-fake-" + Integer.toHexString(texts.hashCode()))
            .put("object", "list")
            .put("model", model)
            .put("data", data)
            .put(
                "usage",
                new JsonObject()
                    .put("prompt_tokens", tokens)
                    .put("total_tokens", tokens)
                    .put("cost", cost.doubleValue())));
  }

  /** Returns the unit-length hashed bag-of-words vector of a text (all zeros without words). */
  public static float[] vector(String text, int dimensions) {
    return vector(words(text), dimensions);
  }

  private static float[] vector(List<String> words, int dimensions) {
    float[] v = new float[dimensions];
    for (String w : words) {
      int h = mix(w.hashCode());
      v[Math.floorMod(h, dimensions)] += (h & 0x80000000) == 0 ? 1f : -1f;
    }
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm > 0) {
      float n = (float) Math.sqrt(norm);
      for (int i = 0; i < v.length; i++) {
        v[i] /= n;
      }
    }
    return v;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  // String.hashCode spreads short words poorly over the low bits; a murmur finaliser fixes that.
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private static MockResponse bad(String message) {
    return MockResponse.error(400, message, new JsonObject().put("error_type", "bad_request"));
  }
}
