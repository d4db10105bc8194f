package dev.agentloop.openrouter.impl;

import static dev.agentloop.openrouter.impl.WireReader.IMAGES;
import static dev.agentloop.openrouter.impl.WireReader.NODES;
import static dev.agentloop.openrouter.impl.WireReader.UNEXPECTED;
import static dev.agentloop.openrouter.impl.WireReader.expect;
import static dev.agentloop.openrouter.impl.WireReader.function;
import static dev.agentloop.openrouter.impl.WireReader.list;
import static dev.agentloop.openrouter.impl.WireReader.once;
import static dev.agentloop.openrouter.impl.WireReader.string;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.Choice;
import dev.agentloop.openrouter.FunctionCall;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.OutputImage;
import dev.agentloop.openrouter.ToolCall;
import java.io.IOException;
import java.util.List;

/** The buffered-response half of {@link WireReader}: a {@link ChatResponse}, from tokens. */
final class ResponseReader {

  private ResponseReader() {}

  static ChatResponse read(JsonParser p) throws IOException {
    WireReader.Envelope<Choice> e = WireReader.envelope(p, ResponseReader::choice);
    return new ChatResponse(
        e.id,
        e.object,
        e.created,
        e.model,
        e.provider,
        e.choices,
        e.usage,
        e.fingerprint,
        e.error,
        e.tier);
  }

  private static Choice choice(JsonParser p, JsonToken t) throws IOException {
    WireReader.ChoiceFields<Message> c = WireReader.choice(p, "message", ResponseReader::message);
    return new Choice(c.index, c.body, c.finish, c.nativeFinish, c.error, c.logprobs);
  }

  private static Message message(JsonParser p, JsonToken t) throws IOException {
    expect(t, JsonToken.START_OBJECT);
    String role = null, content = null, name = null, callId = null, reasoning = null;
    String refusal = null;
    List<JsonNode> details = null, annotations = null;
    List<ToolCall> calls = null;
    List<OutputImage> images = null;
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "role" -> {
          seen = once(seen, 1);
          role = string(p, v);
        }
        case "content" -> content = string(p, v); // multi-part content: data binding
        case "name" -> {
          seen = once(seen, 2);
          name = string(p, v);
        }
        case "tool_calls" -> {
          seen = once(seen, 4);
          calls = list(p, v, ResponseReader::toolCall);
        }
        case "tool_call_id" -> {
          seen = once(seen, 8);
          callId = string(p, v);
        }
        case "reasoning" -> {
          seen = once(seen, 16);
          reasoning = string(p, v);
        }
        case "reasoning_details" -> {
          seen = once(seen, 32);
          details = v == JsonToken.VALUE_NULL ? null : NODES.readValue(p);
        }
        case "refusal" -> {
          seen = once(seen, 64);
          refusal = string(p, v);
        }
        case "annotations" -> {
          seen = once(seen, 128);
          annotations = v == JsonToken.VALUE_NULL ? null : NODES.readValue(p);
        }
        case "images" -> {
          seen = once(seen, 256);
          images = v == JsonToken.VALUE_NULL ? null : IMAGES.readValue(p);
        }
        default -> p.skipChildren();
      }
    }
    if (role == null) {
      throw UNEXPECTED; // data binding says why
    }
    return new Message(
        role, content, name, calls, callId, reasoning, details, refusal, annotations, images);
  }

  private static ToolCall toolCall(JsonParser p, JsonToken t) throws IOException {
    String id = null, type = null;
    FunctionCall function = null;
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "id" -> {
          seen = once(seen, 1);
          id = string(p, v);
        }
        case "type" -> {
          seen = once(seen, 2);
          type = string(p, v);
        }
        case "function" -> {
          seen = once(seen, 4);
          function = function(p, v);
        }
        default -> p.skipChildren();
      }
    }
    if (id == null || function == null) {
      throw UNEXPECTED;
    }
    return new ToolCall(id, type, function);
  }
}
