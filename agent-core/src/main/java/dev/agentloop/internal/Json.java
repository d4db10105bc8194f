package dev.agentloop.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

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
    String copied = copyIfSorted(text);
    return copied != null ? copied : normalizeByTree(text);
  }

  /**
   * The canonical form through a tree: read, then written with sorted keys (and a repeated key's
   * last value). The reference that {@link #copyIfSorted} must match.
   */
  static String normalizeByTree(String text) {
    try {
      JsonNode node = SORTED.readTree(text);
      return SORTED.writeValueAsString(node);
    } catch (Exception e) {
      return text;
    }
  }

  /**
   * Copies the first JSON value of a text token by token, without a tree, when every object's keys
   * already come in sorted order, as a model's arguments mostly do; null when they do not (or the
   * text is not JSON), so that the tree decides. The tokens are written as the tree writes them.
   */
  static @Nullable String copyIfSorted(String text) {
    StringWriter out = new StringWriter(text.length());
    try (JsonParser p = SORTED.createParser(text);
        JsonGenerator g = SORTED.createGenerator(out)) {
      String[] lastKey = new String[8];
      int depth = 0;
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      do {
        switch (t) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth == lastKey.length) {
              lastKey = Arrays.copyOf(lastKey, depth * 2);
            }
            lastKey[depth] = null;
          }
          case END_OBJECT, END_ARRAY -> depth--;
          case FIELD_NAME -> {
            String name = p.currentName();
            String previous = lastKey[depth];
            if (previous != null && name.compareTo(previous) <= 0) {
              return null; // out of order or repeated: the tree sorts, and keeps the last value
            }
            lastKey[depth] = name;
          }
          default -> {}
        }
        g.copyCurrentEvent(p);
      } while (depth > 0 && (t = p.nextToken()) != null);
      if (depth != 0) {
        return null;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return out.toString();
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
