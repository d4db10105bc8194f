package dev.agentloop.openrouter.impl;

import static dev.agentloop.openrouter.impl.WireReader.UNEXPECTED;
import static dev.agentloop.openrouter.impl.WireReader.expect;
import static dev.agentloop.openrouter.impl.WireReader.intValue;
import static dev.agentloop.openrouter.impl.WireReader.once;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.agentloop.openrouter.Usage;
import java.io.IOException;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link Usage} object, which OpenRouter puts on every buffered response and on the last
 * chunk of every stream, with the streaming parser; a profile of buffered runs had binding it at 4%
 * of the client thread. Like the rest of {@link WireReader}, it throws {@link
 * WireReader#UNEXPECTED} on any value data binding would coerce or reject, and on a repeated key.
 */
final class UsageReader {

  private static final String[] PROMPT = {
    "cached_tokens", "cache_write_tokens", "audio_tokens", "video_tokens"
  };
  private static final String[] COMPLETION = {
    "reasoning_tokens",
    "audio_tokens",
    "image_tokens",
    "accepted_prediction_tokens",
    "rejected_prediction_tokens"
  };
  private static final String[] COST = {
    "upstream_inference_cost",
    "upstream_inference_prompt_cost",
    "upstream_inference_completions_cost"
  };
  private static final String[] SERVER_TOOLS = {
    "web_search_requests", "tool_calls_requested", "tool_calls_executed"
  };

  private UsageReader() {}

  /** Reads the usage whose first token is {@code t} (null for a JSON null). */
  static @Nullable Usage read(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(t, JsonToken.START_OBJECT);
    int prompt = 0, completion = 0, total = 0;
    BigDecimal cost = null;
    Boolean byok = null;
    Usage.PromptTokensDetails promptDetails = null;
    Usage.CompletionTokensDetails completionDetails = null;
    Usage.CostDetails costDetails = null;
    Usage.ServerToolUseDetails serverTools = null;
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "prompt_tokens" -> {
          seen = once(seen, 1);
          prompt = intValue(p, v);
        }
        case "completion_tokens" -> {
          seen = once(seen, 2);
          completion = intValue(p, v);
        }
        case "total_tokens" -> {
          seen = once(seen, 4);
          total = intValue(p, v);
        }
        case "cost" -> {
          seen = once(seen, 8);
          cost = decimal(p, v);
        }
        case "is_byok" -> {
          seen = once(seen, 16);
          byok = bool(v);
        }
        case "prompt_tokens_details" -> {
          seen = once(seen, 32);
          Object[] n = numbers(p, v, PROMPT, false);
          promptDetails =
              n == null
                  ? null
                  : new Usage.PromptTokensDetails(
                      (Integer) n[0], (Integer) n[1], (Integer) n[2], (Integer) n[3]);
        }
        case "completion_tokens_details" -> {
          seen = once(seen, 64);
          Object[] n = numbers(p, v, COMPLETION, false);
          completionDetails =
              n == null
                  ? null
                  : new Usage.CompletionTokensDetails(
                      (Integer) n[0],
                      (Integer) n[1],
                      (Integer) n[2],
                      (Integer) n[3],
                      (Integer) n[4]);
        }
        case "cost_details" -> {
          seen = once(seen, 128);
          Object[] n = numbers(p, v, COST, true);
          costDetails =
              n == null
                  ? null
                  : new Usage.CostDetails((BigDecimal) n[0], (BigDecimal) n[1], (BigDecimal) n[2]);
        }
        // the older name is an alias of the newer: both in one object is a repeated property
        case "server_tool_use_details", "server_tool_use" -> {
          seen = once(seen, 256);
          Object[] n = numbers(p, v, SERVER_TOOLS, false);
          serverTools =
              n == null
                  ? null
                  : new Usage.ServerToolUseDetails((Integer) n[0], (Integer) n[1], (Integer) n[2]);
        }
        default -> p.skipChildren();
      }
    }
    return new Usage(
        prompt,
        completion,
        total,
        promptDetails,
        completionDetails,
        cost,
        byok,
        costDetails,
        serverTools);
  }

  /**
   * Reads an object whose known fields are all nullable integers (or all nullable decimals), in the
   * order of {@code names}; null for a JSON null. Unknown fields are skipped, as data binding does.
   */
  private static @Nullable Object @Nullable [] numbers(
      JsonParser p, JsonToken t, String[] names, boolean decimals) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(t, JsonToken.START_OBJECT);
    Object[] values = new Object[names.length];
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      int i = indexOf(names, name);
      if (i < 0) {
        p.skipChildren();
        continue;
      }
      seen = once(seen, 1 << i);
      values[i] = decimals ? decimal(p, v) : integer(p, v);
    }
    return values;
  }

  private static int indexOf(String[] names, String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static @Nullable Integer integer(JsonParser p, JsonToken t) throws IOException {
    return t == JsonToken.VALUE_NULL ? null : intValue(p, t);
  }

  private static @Nullable BigDecimal decimal(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      return p.getDecimalValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw UNEXPECTED; // data binding coerces text to a number
  }

  private static @Nullable Boolean bool(JsonToken t) {
    return switch (t) {
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw UNEXPECTED; // data binding coerces numbers and text to a boolean
    };
  }
}
