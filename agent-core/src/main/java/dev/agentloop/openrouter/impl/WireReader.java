package dev.agentloop.openrouter.impl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.agentloop.openrouter.ApiError;
import dev.agentloop.openrouter.ChatChunk;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.FunctionCall;
import dev.agentloop.openrouter.Logprobs;
import dev.agentloop.openrouter.OutputImage;
import dev.agentloop.openrouter.Usage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the two hot wire types, {@link ChatChunk} (one per stream event) and {@link ChatResponse}
 * (one per buffered exchange), with Jackson's streaming parser instead of data binding.
 *
 * <p>Data binding of these records went through Jackson's property-based creator, which fills a
 * buffer per object and pays for every absent component; a profile put 42% of a streaming client's
 * thread there. This reader walks the tokens once and builds the records directly. It reads the
 * shapes OpenRouter sends (usage with {@link UsageReader}); rarer parts (errors, log probabilities,
 * reasoning details, annotations, images, multi-part content) are handed to the shared mapper's
 * readers at the parser's position, so they bind exactly as before.
 *
 * <p>Whatever this reader does not expect — a value of another type than the wire model's (which
 * data binding may coerce), a missing required field, malformed JSON — makes it give up and bind
 * the whole text with data binding instead. The result, or the error, is therefore always what data
 * binding gives; {@code WireReaderTest} checks that on a corpus of ordinary and odd inputs.
 */
final class WireReader {

  private static final ObjectReader CHAT_RESPONSE = Json.MAPPER.readerFor(ChatResponse.class);
  private static final ObjectReader CHAT_CHUNK = Json.MAPPER.readerFor(ChatChunk.class);
  static final ObjectReader API_ERROR = Json.MAPPER.readerFor(ApiError.class);
  static final ObjectReader LOGPROBS = Json.MAPPER.readerFor(Logprobs.class);
  static final ObjectReader NODES = Json.MAPPER.readerFor(new TypeReference<List<JsonNode>>() {});
  static final ObjectReader IMAGES =
      Json.MAPPER.readerFor(new TypeReference<List<OutputImage>>() {});

  /** Thrown inside the fast path on anything it does not read itself; never escapes. */
  static final class Unexpected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unexpected() {
      super(null, null, false, false);
    }
  }

  static final Unexpected UNEXPECTED = new Unexpected();

  private WireReader() {}

  /** Reads one stream event's data; the same result or error as binding it to a chunk. */
  static @Nullable ChatChunk chunk(String data) throws IOException {
    try {
      return fastChunk(data);
    } catch (IOException | RuntimeException e) {
      return CHAT_CHUNK.readValue(data);
    }
  }

  /** The fast path alone: fails on anything it does not read itself. */
  static ChatChunk fastChunk(String data) throws IOException {
    try (JsonParser p = Json.MAPPER.createParser(data)) {
      return ChunkReader.read(p);
    }
  }

  /** Reads a response body; the same result or error as binding it to a response. */
  static @Nullable ChatResponse response(byte[] body, int offset, int length) throws IOException {
    try {
      return fastResponse(body, offset, length);
    } catch (IOException | RuntimeException e) {
      return CHAT_RESPONSE.readValue(body, offset, length);
    }
  }

  /** The fast path alone: fails on anything it does not read itself. */
  static ChatResponse fastResponse(byte[] body, int offset, int length) throws IOException {
    try (JsonParser p = Json.MAPPER.createParser(body, offset, length)) {
      return ResponseReader.read(p);
    }
  }

  /** Reads a value whose first token is {@code t}: the parser is at that token. */
  interface ValueReader<T> {
    @Nullable T read(JsonParser p, JsonToken t) throws IOException;
  }

  /** Reads an array (or null) of objects, each with {@code element} from its start token. */
  static <E> @Nullable List<E> list(JsonParser p, JsonToken t, ValueReader<E> element)
      throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(t, JsonToken.START_ARRAY);
    List<E> out = new ArrayList<>(2);
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      expect(t, JsonToken.START_OBJECT);
      out.add(element.read(p, t));
    }
    return out;
  }

  /** The top-level fields a chunk and a response share. */
  static final class Envelope<C> {
    @Nullable String id;
    @Nullable String object;
    @Nullable Long created;
    @Nullable String model;
    @Nullable String provider;
    @Nullable List<C> choices;
    @Nullable Usage usage;
    @Nullable ApiError error;
    @Nullable String fingerprint;
    @Nullable String tier;
  }

  /** Reads a chunk's or a response's top-level object, its choices with {@code choice}. */
  static <C> Envelope<C> envelope(JsonParser p, ValueReader<C> choice) throws IOException {
    start(p);
    Envelope<C> e = new Envelope<>();
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "id" -> {
          seen = once(seen, 1);
          e.id = string(p, t);
        }
        case "object" -> {
          seen = once(seen, 2);
          e.object = string(p, t);
        }
        case "created" -> {
          seen = once(seen, 4);
          e.created = longValue(p, t);
        }
        case "model" -> {
          seen = once(seen, 8);
          e.model = string(p, t);
        }
        case "provider" -> {
          seen = once(seen, 16);
          e.provider = string(p, t);
        }
        case "choices" -> {
          seen = once(seen, 32);
          e.choices = list(p, t, choice);
        }
        case "usage" -> {
          seen = once(seen, 64);
          e.usage = UsageReader.read(p, t);
        }
        case "error" -> {
          seen = once(seen, 128);
          e.error = t == JsonToken.VALUE_NULL ? null : API_ERROR.readValue(p);
        }
        case "system_fingerprint" -> {
          seen = once(seen, 256);
          e.fingerprint = string(p, t);
        }
        case "service_tier" -> {
          seen = once(seen, 512);
          e.tier = string(p, t);
        }
        default -> p.skipChildren();
      }
    }
    return e;
  }

  /** The fields a chunk's and a response's choice share, and the body (delta or message). */
  static final class ChoiceFields<B> {
    int index;
    @Nullable B body;
    @Nullable String finish;
    @Nullable String nativeFinish;
    @Nullable ApiError error;
    @Nullable Logprobs logprobs;
  }

  /** Reads one choice object; its {@code bodyName} field with {@code body}. */
  static <B> ChoiceFields<B> choice(JsonParser p, String bodyName, ValueReader<B> body)
      throws IOException {
    ChoiceFields<B> c = new ChoiceFields<>();
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (name.equals(bodyName)) {
        seen = once(seen, 1);
        c.body = v == JsonToken.VALUE_NULL ? null : body.read(p, v);
        continue;
      }
      switch (name) {
        case "index" -> {
          seen = once(seen, 2);
          c.index = intValue(p, v);
        }
        case "finish_reason" -> {
          seen = once(seen, 4);
          c.finish = string(p, v);
        }
        case "native_finish_reason" -> {
          seen = once(seen, 8);
          c.nativeFinish = string(p, v);
        }
        case "error" -> {
          seen = once(seen, 16);
          c.error = v == JsonToken.VALUE_NULL ? null : API_ERROR.readValue(p);
        }
        case "logprobs" -> {
          seen = once(seen, 32);
          c.logprobs = v == JsonToken.VALUE_NULL ? null : LOGPROBS.readValue(p);
        }
        default -> p.skipChildren();
      }
    }
    return c;
  }

  static @Nullable FunctionCall function(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(t, JsonToken.START_OBJECT);
    String name = null, arguments = null;
    int seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "name" -> {
          seen = once(seen, 1);
          name = string(p, v);
        }
        case "arguments" -> {
          seen = once(seen, 2);
          arguments = string(p, v);
        }
        default -> p.skipChildren();
      }
    }
    return new FunctionCall(name, arguments);
  }

  /**
   * Marks a field as read; a field read twice makes data binding decide (its property-based
   * creators reject duplicate keys).
   */
  static int once(int seen, int bit) {
    if ((seen & bit) != 0) {
      throw UNEXPECTED;
    }
    return seen | bit;
  }

  static void start(JsonParser p) throws IOException {
    expect(p.nextToken(), JsonToken.START_OBJECT);
  }

  static void expect(@Nullable JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw UNEXPECTED;
    }
  }

  static @Nullable String string(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw UNEXPECTED; // data binding coerces scalars to text and rejects the rest
  }

  static @Nullable Long longValue(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return p.getLongValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw UNEXPECTED;
  }

  static int intValue(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
      return p.getIntValue();
    }
    throw UNEXPECTED;
  }
}
