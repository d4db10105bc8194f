package dev.agentloop.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.impl.EncodedTools;
import dev.agentloop.openrouter.impl.MessageWriter;
import dev.agentloop.openrouter.impl.RequestWriter;

/**
 * The one Jackson configuration for JSON that must read and write alike everywhere: the wire model
 * (requests, responses, messages), the agent's events and results on the event bus and over HTTP,
 * and options. Binding of tool arguments and structured answers to Java types uses the schema
 * generator's mapper ({@code JsonSchemas.objectMapper()}) instead, so a schema and its binding
 * agree.
 */
public final class Json {

  /**
   * The shared, thread-safe mapper: lenient on unknown fields (APIs and models add them), exact
   * decimals ({@code BigDecimal} for floats read as trees, so costs and numbers are not rounded),
   * ISO dates, canonical key order for maps.
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .addMixIn(ChatRequest.class, ChatRequestWriter.class)
          .addMixIn(Message.class, MessageWriting.class)
          .build();

  /**
   * A request is written by {@link RequestWriter}, its tools from their encoded form (see {@link
   * EncodedTools}).
   */
  @JsonSerialize(using = RequestWriter.class)
  private interface ChatRequestWriter {}

  /** A message is written by {@link MessageWriter}. */
  @JsonSerialize(using = MessageWriter.class)
  private interface MessageWriting {}

  // Writes object nodes with their properties sorted, so a tree is written in canonical form
  // directly; converting it to Maps first (ORDER_MAP_ENTRIES_BY_KEYS) gives the same text with
  // one more pass over every tool call's arguments.
  private static final ObjectMapper SORTED =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
          .build();

  private Json() {}

  /**
   * Returns a canonical form of a JSON text (keys sorted, whitespace removed), or the trimmed text
   * itself when it is not JSON. Empty arguments count as {@code {}}.
   */
  public static String normalize(String json) {
    String text = json.isBlank() ? "{}" : json.trim();
    try {
      JsonNode node = SORTED.readTree(text);
      return SORTED.writeValueAsString(node);
    } catch (Exception e) {
      return text;
    }
  }

  /** Parses JSON text that this code wrote itself (journaled arguments). */
  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }
}
