package dev.agentloop.openrouter.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentloop.openrouter.ApiError;
import dev.agentloop.openrouter.ChatChunk;
import dev.agentloop.openrouter.ChatResponse;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/** The Jackson mapper for the wire model: lenient on input (unknown fields ignored). */
public final class Json {

  /**
   * The shared, thread-safe mapper: {@link dev.agentloop.internal.Json#MAPPER}, configured once.
   */
  public static final ObjectMapper MAPPER = dev.agentloop.internal.Json.MAPPER;

  private Json() {}

  /**
   * Reads one stream event's data as a {@link ChatChunk} (see {@link WireReader}); fails when it is
   * not a JSON object of that shape.
   */
  public static ChatChunk readChunk(String data) throws IOException {
    ChatChunk chunk = WireReader.chunk(data);
    if (chunk == null) {
      throw new IOException("not a JSON object: " + data.strip());
    }
    return chunk;
  }

  /**
   * Serializes a value to a buffer. The generator writes straight into the buffer (a request
   * shorter than the generator's 8,000-byte buffer arrives in one write, and the buffer is made
   * exactly that size), instead of into a byte array that is then copied into a buffer.
   */
  public static Buffer encode(Object value) {
    BufferOutput out = new BufferOutput();
    try {
      MAPPER.writeValue(out, value);
      return out.buffer == null ? Buffer.buffer() : out.buffer;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown: the output is in memory
    }
  }

  /** An output stream into a buffer sized by its first write. */
  private static final class BufferOutput extends OutputStream {
    private @Nullable Buffer buffer;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (buffer == null) {
        buffer = Buffer.buffer(Math.max(len, 16));
      }
      buffer.appendBytes(b, off, len);
    }
  }

  /** Parses a buffer as a tree. */
  public static JsonNode tree(Buffer body) {
    try {
      return MAPPER.readTree(body.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Converts a tree to a type. */
  public static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Binds a body straight to a {@link ChatResponse}; null when it cannot (not JSON, not an object,
   * or a field of the wrong shape), so the caller can fall back to the tree and say why.
   */
  public static @Nullable ChatResponse readChat(Buffer body) {
    try {
      if (body instanceof BufferInternal internal && internal.getByteBuf().hasArray()) {
        // Parse the bytes where they are instead of copying the body first.
        ByteBuf b = internal.getByteBuf();
        return WireReader.response(b.array(), b.arrayOffset() + b.readerIndex(), b.readableBytes());
      }
      byte[] bytes = body.getBytes();
      return WireReader.response(bytes, 0, bytes.length);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Reads {@code {"error":{...}}} from a body; null when the body is not that. */
  public static @Nullable ApiError readError(Buffer body) {
    try {
      JsonNode node = MAPPER.readTree(body.getBytes());
      return node != null && node.path("error").isObject()
          ? MAPPER.treeToValue(node.get("error"), ApiError.class)
          : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
