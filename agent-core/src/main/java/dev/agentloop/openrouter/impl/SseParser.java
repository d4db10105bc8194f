package dev.agentloop.openrouter.impl;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An incremental, byte-level parser for {@code text/event-stream} (the WHATWG SSE format).
 *
 * <p>Buffers may split the stream anywhere: inside a UTF-8 character (lines are decoded only once
 * complete), or between {@code \r} and {@code \n}. Lines end with {@code \n}, {@code \r\n} or
 * {@code \r}; comment lines ({@code :...}) are reported to the comment handler and otherwise
 * ignored; several {@code data:} lines are joined with {@code \n}; fields other than {@code data},
 * {@code event} and {@code id} are ignored. An event is dispatched at a blank line when it has
 * data; an unterminated event at {@link #end()} is discarded, as the format requires.
 *
 * <p>Not thread-safe: feed it from one context.
 */
public final class SseParser {

  /**
   * One dispatched event.
   *
   * @param event the {@code event:} field, or null
   * @param data the data lines joined with {@code \n}
   * @param id the {@code id:} field, or null
   */
  public record Event(@Nullable String event, String data, @Nullable String id) {}

  private final Consumer<Event> onEvent;
  private final Consumer<String> onComment;
  private byte[] line = new byte[256];
  private int lineLength;
  private boolean skipLf;
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private @Nullable String eventName;
  private @Nullable String lastId;

  /** Creates a parser that ignores comments. */
  public SseParser(Consumer<Event> onEvent) {
    this(onEvent, c -> {});
  }

  /** Creates a parser reporting events and comments (the text after the colon). */
  public SseParser(Consumer<Event> onEvent, Consumer<String> onComment) {
    this.onEvent = Objects.requireNonNull(onEvent, "onEvent == null");
    this.onComment = Objects.requireNonNull(onComment, "onComment == null");
  }

  /** Feeds the next bytes; dispatches every event they complete, in order. */
  public void feed(Buffer buffer) {
    // One bulk copy, then plain array scans: Buffer.getByte(i) pays index and reference-count
    // checks on every byte, which made this loop a third of the cost of a streamed answer.
    byte[] bytes = buffer.getBytes();
    int n = bytes.length;
    int i = 0;
    if (skipLf && n > 0) {
      skipLf = false;
      if (bytes[0] == '\n') {
        i = 1;
      }
    }
    while (i < n) {
      int start = i;
      while (i < n && bytes[i] != '\n' && bytes[i] != '\r') {
        i++;
      }
      append(bytes, start, i - start);
      if (i == n) {
        return;
      }
      byte terminator = bytes[i++];
      endLine();
      if (terminator == '\r') {
        if (i == n) {
          skipLf = true; // the \n of a \r\n may arrive in the next buffer
        } else if (bytes[i] == '\n') {
          i++;
        }
      }
    }
  }

  private void append(byte[] bytes, int from, int length) {
    if (lineLength + length > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
    }
    System.arraycopy(bytes, from, line, lineLength, length);
    lineLength += length;
  }

  /** Signals the end of the stream; a pending, unterminated event is discarded. */
  public void end() {
    lineLength = 0;
    resetEvent();
  }

  private void endLine() {
    String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
    lineLength = 0;
    if (line.length > 64 * 1024) {
      line = new byte[256]; // do not keep a huge buffer after one long line
    }
    if (text.isEmpty()) {
      dispatch();
      return;
    }
    if (text.charAt(0) == ':') {
      onComment.accept(text.substring(1).strip());
      return;
    }
    int colon = text.indexOf(':');
    String field = colon < 0 ? text : text.substring(0, colon);
    String value = colon < 0 ? "" : text.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      case "event" -> eventName = value;
      case "id" -> lastId = value.indexOf('\0') >= 0 ? lastId : value;
      default -> {} // retry and unknown fields do not concern chat streams
    }
  }

  private void dispatch() {
    if (hasData) {
      Event e = new Event(eventName, data.toString(), lastId);
      resetEvent();
      onEvent.accept(e);
    } else {
      resetEvent();
    }
  }

  private void resetEvent() {
    data.setLength(0);
    hasData = false;
    eventName = null;
  }
}
