package dev.agentloop.vertx.impl;

import dev.agentloop.openrouter.ChatParameters;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Maps the sampling parameters of a chat completion request onto a per-run {@link ChatParameters}
 * override: each one the caller sets replaces the agent's own for that run only.
 */
final class ClientParameters {

  /** The longest {@code user} accepted. */
  static final int MAX_USER_LENGTH = 256;

  private ClientParameters() {}

  /**
   * Reads the parameters.
   *
   * @return the override, or null when the caller set none
   * @throws ChatCompletionRequest.BadRequest naming the first parameter of the wrong type or out of
   *     range
   */
  static @Nullable ChatParameters parse(JsonObject body) {
    ChatParameters.Builder all = ChatParameters.builder();
    boolean any = false;
    any |= integer(body, "max_tokens", all, ChatParameters.Builder::maxTokens);
    any |= integer(body, "max_completion_tokens", all, ChatParameters.Builder::maxCompletionTokens);
    any |= number(body, "temperature", all, ChatParameters.Builder::temperature);
    any |= number(body, "top_p", all, ChatParameters.Builder::topP);
    any |= number(body, "frequency_penalty", all, ChatParameters.Builder::frequencyPenalty);
    any |= number(body, "presence_penalty", all, ChatParameters.Builder::presencePenalty);
    any |= set(body, "seed", all, seed(body.getValue("seed")), ChatParameters.Builder::seed);
    any |= set(body, "stop", all, stop(body.getValue("stop")), ChatParameters.Builder::stop);
    any |= set(body, "user", all, user(body.getValue("user")), ChatParameters.Builder::user);
    return any ? all.build() : null;
  }

  private static boolean integer(
      JsonObject body,
      String param,
      ChatParameters.Builder all,
      BiConsumer<ChatParameters.Builder, Integer> setter) {
    Object v = body.getValue(param);
    if (v == null) {
      return false;
    }
    if (!(v instanceof Integer i)) {
      throw invalid(param, "must be a positive integer", v);
    }
    return set(body, param, all, i, setter);
  }

  private static boolean number(
      JsonObject body,
      String param,
      ChatParameters.Builder all,
      BiConsumer<ChatParameters.Builder, Double> setter) {
    Object v = body.getValue(param);
    if (v == null) {
      return false;
    }
    if (!(v instanceof Number n)) {
      throw invalid(param, "must be a number", v);
    }
    return set(body, param, all, n.doubleValue(), setter);
  }

  /** Checks the value alone (so a range error names its parameter), then adds it. */
  private static <T> boolean set(
      JsonObject body,
      String param,
      ChatParameters.Builder all,
      @Nullable T value,
      BiConsumer<ChatParameters.Builder, T> setter) {
    if (value == null) {
      return false;
    }
    ChatParameters.Builder alone = ChatParameters.builder();
    setter.accept(alone, value);
    try {
      alone.build();
    } catch (IllegalArgumentException e) {
      throw invalid(param, "is out of range (" + e.getMessage() + ")", body.getValue(param));
    }
    setter.accept(all, value);
    return true;
  }

  private static @Nullable Long seed(@Nullable Object v) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof Integer || v instanceof Long)) {
      throw invalid("seed", "must be an integer", v);
    }
    return ((Number) v).longValue();
  }

  private static @Nullable List<String> stop(@Nullable Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (!(v instanceof JsonArray array)) {
      throw invalid("stop", "must be a string or an array of strings", v);
    }
    List<String> stops = new ArrayList<>();
    for (Object s : array) {
      if (!(s instanceof String text)) {
        throw invalid("stop", "must be a string or an array of strings", v);
      }
      stops.add(text);
    }
    return stops;
  }

  private static @Nullable String user(@Nullable Object v) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s) || s.length() > MAX_USER_LENGTH) {
      throw invalid("user", "must be a string of at most " + MAX_USER_LENGTH + " characters", v);
    }
    return s;
  }

  private static ChatCompletionRequest.BadRequest invalid(String param, String what, Object value) {
    String shown = String.valueOf(value);
    if (shown.length() > 100) {
      shown = shown.substring(0, 100) + "…";
    }
    return new ChatCompletionRequest.BadRequest(
        "'" + param + "' " + what + ": " + shown, param, null);
  }
}
