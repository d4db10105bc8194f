package dev.agentloop.openrouter.impl;

import static dev.agentloop.openrouter.impl.WireReader.API_ERROR;
import static dev.agentloop.openrouter.impl.WireReader.IMAGES;
import static dev.agentloop.openrouter.impl.WireReader.LOGPROBS;
import static dev.agentloop.openrouter.impl.WireReader.NODES;
import static dev.agentloop.openrouter.impl.WireReader.USAGE;
import static dev.agentloop.openrouter.impl.WireReader.expect;
import static dev.agentloop.openrouter.impl.WireReader.function;
import static dev.agentloop.openrouter.impl.WireReader.intValue;
import static dev.agentloop.openrouter.impl.WireReader.longValue;
import static dev.agentloop.openrouter.impl.WireReader.once;
import static dev.agentloop.openrouter.impl.WireReader.start;
import static dev.agentloop.openrouter.impl.WireReader.string;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.ApiError;
import dev.agentloop.openrouter.ChatChunk;
import dev.agentloop.openrouter.Delta;
import dev.agentloop.openrouter.FunctionCall;
import dev.agentloop.openrouter.Logprobs;
import dev.agentloop.openrouter.OutputImage;
import dev.agentloop.openrouter.ToolCallDelta;
import dev.agentloop.openrouter.Usage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The stream-chunk half of {@link WireReader}: one {@link ChatChunk} per event, from tokens. */
final class ChunkReader {

  private ChunkReader() {}

  static ChatChunk read(JsonParser p) throws IOException {
    start(p);
    String id = null, object = null, model = null, provider = null, fingerprint = null;
    String tier = null;
    Long created = null;
    List<ChatChunk.Choice> choices = null;
    Usage usage = null;
    ApiError error = null;
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "id" -> {
          seen = once(seen, 1);
          id = string(p, t);
        }
        case "object" -> {
          seen = once(seen, 2);
          object = string(p, t);
        }
        case "created" -> {
          seen = once(seen, 4);
          created = longValue(p, t);
        }
        case "model" -> {
          seen = once(seen, 8);
          model = string(p, t);
        }
        case "provider" -> {
          seen = once(seen, 16);
          provider = string(p, t);
        }
        case "choices" -> {
          seen = once(seen, 32);
          choices = chunkChoices(p, t);
        }
        case "usage" -> {
          seen = once(seen, 64);
          usage = t == JsonToken.VALUE_NULL ? null : USAGE.readValue(p);
        }
        case "error" -> {
          seen = once(seen, 128);
          error = t == JsonToken.VALUE_NULL ? null : API_ERROR.readValue(p);
        }
        case "system_fingerprint" -> {
          seen = once(seen, 256);
          fingerprint = string(p, t);
        }
        case "service_tier" -> {
          seen = once(seen, 512);
          tier = string(p, t);
        }
        default -> p.skipChildren();
      }
    }
    return new ChatChunk(
        id, object, created, model, provider, choices, usage, error, fingerprint, tier);
  }

  private static @Nullable List<ChatChunk.Choice> chunkChoices(JsonParser p, JsonToken t)
      throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(t, JsonToken.START_ARRAY);
    List<ChatChunk.Choice> out = new ArrayList<>(1);
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      expect(t, JsonToken.START_OBJECT);
      int index = 0;
      Delta delta = null;
      String finish = null, nativeFinish = null;
      ApiError error = null;
      Logprobs logprobs = null;
      int seen = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "index" -> {
            seen = once(seen, 1);
            index = intValue(p, v);
          }
          case "delta" -> {
            seen = once(seen, 2);
            delta = delta(p, v);
          }
          case "finish_reason" -> {
            seen = once(seen, 4);
            finish = string(p, v);
          }
          case "native_finish_reason" -> {
            seen = once(seen, 8);
            nativeFinish = string(p, v);
          }
          case "error" -> {
            seen = once(seen, 16);
            error = v == JsonToken.VALUE_NULL ? null : API_ERROR.readValue(p);
          }
          case "logprobs" -> {
            seen = once(seen, 32);
            logprobs = v == JsonToken.VALUE_NULL ? null : LOGPROBS.readValue(p);
          }
          default -> p.skipChildren();
        }
      }
      out.add(new ChatChunk.Choice(index, delta, finish, nativeFinish, error, logprobs));
    }
    return out;
  }

  private static @Nullable Delta delta(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(t, JsonToken.START_OBJECT);
    String role = null, content = null, reasoning = null, refusal = null;
    List<JsonNode> details = null, annotations = null;
    List<ToolCallDelta> calls = null;
    List<OutputImage> images = null;
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "role" -> {
          seen = once(seen, 1);
          role = string(p, v);
        }
        case "content" -> {
          seen = once(seen, 2);
          content = string(p, v);
        }
        case "reasoning" -> {
          seen = once(seen, 4);
          reasoning = string(p, v);
        }
        case "reasoning_details" -> {
          seen = once(seen, 8);
          details = v == JsonToken.VALUE_NULL ? null : NODES.readValue(p);
        }
        case "tool_calls" -> {
          seen = once(seen, 16);
          calls = toolCallDeltas(p, v);
        }
        case "refusal" -> {
          seen = once(seen, 32);
          refusal = string(p, v);
        }
        case "annotations" -> {
          seen = once(seen, 64);
          annotations = v == JsonToken.VALUE_NULL ? null : NODES.readValue(p);
        }
        case "images" -> {
          seen = once(seen, 128);
          images = v == JsonToken.VALUE_NULL ? null : IMAGES.readValue(p);
        }
        default -> p.skipChildren();
      }
    }
    return new Delta(role, content, reasoning, details, calls, refusal, annotations, images);
  }

  private static @Nullable List<ToolCallDelta> toolCallDeltas(JsonParser p, JsonToken t)
      throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(t, JsonToken.START_ARRAY);
    List<ToolCallDelta> out = new ArrayList<>(1);
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      expect(t, JsonToken.START_OBJECT);
      Integer index = null;
      String id = null, type = null;
      FunctionCall function = null;
      int seen = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "index" -> {
            seen = once(seen, 1);
            index = v == JsonToken.VALUE_NULL ? null : intValue(p, v);
          }
          case "id" -> {
            seen = once(seen, 2);
            id = string(p, v);
          }
          case "type" -> {
            seen = once(seen, 4);
            type = string(p, v);
          }
          case "function" -> {
            seen = once(seen, 8);
            function = function(p, v);
          }
          default -> p.skipChildren();
        }
      }
      out.add(new ToolCallDelta(index, id, type, function));
    }
    return out;
  }
}
