package dev.agentloop.openrouter.impl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.Message;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link ChatRequest} field by field, the way the shared mapper's bean serializer would:
 * the same names, order and values, with null fields left out.
 *
 * <p>The bean serializer read each of the request's, parameters' and messages' record components
 * through reflection, the 25 parameters included when null, and unwrapped the parameters through a
 * second serializer; that was half of the cost of encoding a request, which is re-encoded with
 * every message on every step. Strings, numbers and the messages are written here directly;
 * structured values (provider preferences, plugins, reasoning, tool choice, maps, multi-part
 * content, reasoning details, annotations, images, the response format) go to the mapper's own
 * serializers, so they are written exactly as before. {@code RequestWriterTest} compares the text
 * with the bean serializer's on generated requests.
 */
public final class RequestWriter extends JsonSerializer<ChatRequest> {

  @Override
  public void serialize(ChatRequest request, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeStartObject(request);
    parameters(request.parameters(), gen, provider);
    gen.writeFieldName("messages");
    gen.writeStartArray(request.messages(), request.messages().size());
    for (Message m : request.messages()) {
      MessageWriter.write(m, gen, provider);
    }
    gen.writeEndArray();
    bool("stream", request.stream(), gen);
    if (request.tools() != null) {
      gen.writeFieldName("tools");
      EncodedTools.INSTANCE.serialize(request.tools(), gen, provider);
    }
    value("response_format", request.responseFormat(), gen, provider);
    value("cache_control", request.cacheControl(), gen, provider);
    Map<String, Object> extra = request.extra();
    if (!extra.isEmpty()) { // after the typed fields, by name, as the any-getter wrote them
      for (Map.Entry<String, Object> e :
          (extra.size() == 1 ? extra : new TreeMap<>(extra)).entrySet()) {
        provider.defaultSerializeField(e.getKey(), e.getValue(), gen);
      }
    }
    gen.writeEndObject();
  }

  private static void parameters(ChatParameters p, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    string("model", p.model(), gen);
    strings("models", p.models(), gen);
    integer("max_tokens", p.maxTokens(), gen);
    integer("max_completion_tokens", p.maxCompletionTokens(), gen);
    number("temperature", p.temperature(), gen);
    number("top_p", p.topP(), gen);
    integer("top_k", p.topK(), gen);
    number("frequency_penalty", p.frequencyPenalty(), gen);
    number("presence_penalty", p.presencePenalty(), gen);
    number("repetition_penalty", p.repetitionPenalty(), gen);
    number("min_p", p.minP(), gen);
    number("top_a", p.topA(), gen);
    if (p.seed() != null) {
      gen.writeNumberField("seed", p.seed());
    }
    strings("stop", p.stop(), gen);
    value("logit_bias", p.logitBias(), gen, provider);
    bool("logprobs", p.logprobs(), gen);
    integer("top_logprobs", p.topLogprobs(), gen);
    value("tool_choice", p.toolChoice(), gen, provider);
    bool("parallel_tool_calls", p.parallelToolCalls(), gen);
    value("provider", p.provider(), gen, provider);
    value("plugins", p.plugins(), gen, provider);
    value("reasoning", p.reasoning(), gen, provider);
    string("user", p.user(), gen);
    string("session_id", p.sessionId(), gen);
    value("metadata", p.metadata(), gen, provider);
  }

  static void string(String name, @Nullable String value, JsonGenerator gen) throws IOException {
    if (value != null) {
      gen.writeStringField(name, value);
    }
  }

  private static void strings(String name, @Nullable List<String> values, JsonGenerator gen)
      throws IOException {
    if (values != null) {
      gen.writeFieldName(name);
      gen.writeStartArray(values, values.size());
      for (String v : values) {
        gen.writeString(v);
      }
      gen.writeEndArray();
    }
  }

  private static void integer(String name, @Nullable Integer value, JsonGenerator gen)
      throws IOException {
    if (value != null) {
      gen.writeNumberField(name, value.intValue());
    }
  }

  private static void number(String name, @Nullable Double value, JsonGenerator gen)
      throws IOException {
    if (value != null) {
      gen.writeNumberField(name, value.doubleValue());
    }
  }

  private static void bool(String name, @Nullable Boolean value, JsonGenerator gen)
      throws IOException {
    if (value != null) {
      gen.writeBooleanField(name, value);
    }
  }

  static void value(
      String name, @Nullable Object value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    if (value != null) {
      provider.defaultSerializeField(name, value, gen);
    }
  }
}
