package dev.agentloop.openrouter.impl;

import static dev.agentloop.openrouter.impl.WireReader.IMAGES;
import static dev.agentloop.openrouter.impl.WireReader.NODES;
import static dev.agentloop.openrouter.impl.WireReader.expect;
import static dev.agentloop.openrouter.impl.WireReader.function;
import static dev.agentloop.openrouter.impl.WireReader.intValue;
import static dev.agentloop.openrouter.impl.WireReader.list;
import static dev.agentloop.openrouter.impl.WireReader.once;
import static dev.agentloop.openrouter.impl.WireReader.string;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.ChatChunk;
import dev.agentloop.openrouter.Delta;
import dev.agentloop.openrouter.FunctionCall;
import dev.agentloop.openrouter.OutputImage;
import dev.agentloop.openrouter.ToolCallDelta;
import java.io.IOException;
import java.util.List;

/** The stream-chunk half of {@link WireReader}: one {@link ChatChunk} per event, from tokens. */
final class ChunkReader {

  private ChunkReader() {}

  static ChatChunk read(JsonParser p) throws IOException {
    WireReader.Envelope<ChatChunk.Choice> e = WireReader.envelope(p, ChunkReader::choice);
    return new ChatChunk(
        e.id,
        e.object,
        e.created,
        e.model,
        e.provider,
        e.choices,
        e.usage,
        e.error,
        e.fingerprint,
        e.tier);
  }

  private static ChatChunk.Choice choice(JsonParser p, JsonToken t) throws IOException {
    WireReader.ChoiceFields<Delta> c = WireReader.choice(p, "delta", ChunkReader::delta);
    return new ChatChunk.Choice(c.index, c.body, c.finish, c.nativeFinish, c.error, c.logprobs);
  }

  private static Delta delta(JsonParser p, JsonToken t) throws IOException {
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
          calls = list(p, v, ChunkReader::toolCallDelta);
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

  private static ToolCallDelta toolCallDelta(JsonParser p, JsonToken t) throws IOException {
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
    return new ToolCallDelta(index, id, type, function);
  }
}
