package dev.agentloop.openrouter.impl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import java.io.IOException;
import java.util.List;

/**
 * Writes a {@link Message} field by field, as the shared mapper's bean serializer would (see {@link
 * RequestWriter}): every request carries the whole conversation, and events, journals and results
 * carry messages too.
 */
public final class MessageWriter extends JsonSerializer<Message> {

  @Override
  public void serialize(Message message, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    write(message, gen, provider);
  }

  /** Writes one message as the bean serializer would. */
  static void write(Message m, JsonGenerator gen, SerializerProvider provider) throws IOException {
    gen.writeStartObject(m);
    gen.writeStringField("role", m.role());
    if (m.content() instanceof String text) {
      gen.writeStringField("content", text);
    } else {
      RequestWriter.value("content", m.content(), gen, provider);
    }
    RequestWriter.string("name", m.name(), gen);
    List<ToolCall> calls = m.toolCalls();
    if (calls != null) {
      gen.writeFieldName("tool_calls");
      gen.writeStartArray(calls, calls.size());
      for (ToolCall call : calls) {
        gen.writeStartObject(call);
        gen.writeStringField("id", call.id());
        RequestWriter.string("type", call.type(), gen);
        gen.writeFieldName("function");
        gen.writeStartObject(call.function());
        RequestWriter.string("name", call.function().name(), gen);
        RequestWriter.string("arguments", call.function().arguments(), gen);
        gen.writeEndObject();
        gen.writeEndObject();
      }
      gen.writeEndArray();
    }
    RequestWriter.string("tool_call_id", m.toolCallId(), gen);
    RequestWriter.string("reasoning", m.reasoning(), gen);
    RequestWriter.value("reasoning_details", m.reasoningDetails(), gen, provider);
    RequestWriter.string("refusal", m.refusal(), gen);
    RequestWriter.value("annotations", m.annotations(), gen, provider);
    RequestWriter.value("images", m.images(), gen, provider);
    gen.writeEndObject();
  }
}
