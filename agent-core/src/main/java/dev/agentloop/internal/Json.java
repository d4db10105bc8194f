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
    String canonical = canonicalAsIs(text);
    if (canonical != null) {
      return canonical;
    }
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

  private static final int MAX_SCANNED_DEPTH = 32;
  private static final int MAX_SCANNED_NAME = 1000;

  /**
   * Returns the text itself, or the text without its whitespace, when it is an object or an array
   * already in canonical form: keys in strictly increasing order, strings without escapes or
   * surrogates, numbers as plain integers of at most 18 digits (not {@code -0}), at most 32 levels
   * deep. Null for anything else, which {@link #copyIfSorted} and the tree then handle. Tool
   * arguments mostly come this way, and a scan costs a fraction of a parser and a generator.
   */
  static @Nullable String canonicalAsIs(String text) {
    if (text.isEmpty() || (text.charAt(0) != '{' && text.charAt(0) != '[')) {
      return null;
    }
    if (Scan.value(text, 0, 0) != text.length()) {
      return null;
    }
    // Strings hold no escaped quote, so each quote opens or closes one.
    boolean inString = false;
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        inString = !inString;
      } else if (!inString && Scan.whitespace(c)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        continue;
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * The scanner behind {@link #canonicalAsIs}: each method returns the index after what it read, or
   * -1.
   */
  private static final class Scan {

    private Scan() {}

    static boolean whitespace(char c) {
      return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    static int skip(String s, int i) {
      while (i < s.length() && whitespace(s.charAt(i))) {
        i++;
      }
      return i;
    }

    static int value(String s, int i, int depth) {
      i = skip(s, i);
      if (i >= s.length()) {
        return -1;
      }
      char c = s.charAt(i);
      return switch (c) {
        case '{' -> object(s, i + 1, depth + 1);
        case '[' -> array(s, i + 1, depth + 1);
        case '"' -> string(s, i + 1);
        case 't' -> literal(s, i, "true");
        case 'f' -> literal(s, i, "false");
        case 'n' -> literal(s, i, "null");
        default -> c == '-' || (c >= '0' && c <= '9') ? integer(s, i) : -1;
      };
    }

    static int object(String s, int i, int depth) {
      if (depth > MAX_SCANNED_DEPTH) {
        return -1;
      }
      i = skip(s, i);
      if (i < s.length() && s.charAt(i) == '}') {
        return i + 1;
      }
      int lastStart = -1, lastEnd = -1;
      while (i < s.length() && s.charAt(i) == '"') {
        int end = string(s, i + 1);
        // a long name (Jackson refuses names over 50,000 chars) is left to the parser
        if (end < 0
            || end - i > MAX_SCANNED_NAME
            || (lastStart >= 0 && compare(s, lastStart, lastEnd, i + 1, end - 1) >= 0)) {
          return -1; // out of order or repeated: the tree sorts, and keeps the last value
        }
        lastStart = i + 1;
        lastEnd = end - 1;
        i = skip(s, end);
        if (i >= s.length() || s.charAt(i) != ':') {
          return -1;
        }
        i = value(s, i + 1, depth);
        if (i < 0) {
          return -1;
        }
        i = skip(s, i);
        if (i < s.length() && s.charAt(i) == '}') {
          return i + 1;
        }
        if (i >= s.length() || s.charAt(i) != ',') {
          return -1;
        }
        i = skip(s, i + 1);
      }
      return -1;
    }

    static int array(String s, int i, int depth) {
      if (depth > MAX_SCANNED_DEPTH) {
        return -1;
      }
      i = skip(s, i);
      if (i < s.length() && s.charAt(i) == ']') {
        return i + 1;
      }
      while (true) {
        i = value(s, i, depth);
        if (i < 0) {
          return -1;
        }
        i = skip(s, i);
        if (i < s.length() && s.charAt(i) == ']') {
          return i + 1;
        }
        if (i >= s.length() || s.charAt(i) != ',') {
          return -1;
        }
        i++;
      }
    }

    /**
     * A string from after its opening quote; escapes, control characters and surrogates give up.
     */
    static int string(String s, int i) {
      for (; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"') {
          return i + 1;
        }
        if (c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
          return -1;
        }
      }
      return -1;
    }

    /** An integer written as the generator writes it: no fraction, exponent, leading zero or -0. */
    static int integer(String s, int i) {
      int start = i;
      if (s.charAt(i) == '-') {
        i++;
      }
      int digits = i;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      int n = i - digits;
      if (n == 0 || n > 18 || (n > 1 && s.charAt(digits) == '0')) {
        return -1;
      }
      if (n == 1 && s.charAt(digits) == '0' && digits > start) {
        return -1; // -0 is written as 0
      }
      if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
        return -1;
      }
      return i;
    }

    static int literal(String s, int i, String word) {
      return s.startsWith(word, i) ? i + word.length() : -1;
    }

    /** {@link String#compareTo} of two regions of one string. */
    static int compare(String s, int a, int aEnd, int b, int bEnd) {
      int n = Math.min(aEnd - a, bEnd - b);
      for (int k = 0; k < n; k++) {
        int d = s.charAt(a + k) - s.charAt(b + k);
        if (d != 0) {
          return d;
        }
      }
      return (aEnd - a) - (bEnd - b);
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
