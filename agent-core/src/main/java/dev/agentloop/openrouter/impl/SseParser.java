package dev.agentloop.openrouter.impl;

import dev.agentloop.openrouter.OpenRouterOptions;
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
 * <p>Memory is bounded: a line longer than the line limit (even one that never ends) or an event
 * whose data lines together exceed the event limit makes {@link #feed} throw {@link
 * TooLargeException} as soon as the limit is crossed; the parser then ignores further input.
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

  /** Thrown by {@link #feed} when a line or an event exceeds its limit. */
  public static final class TooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String option;
    private final long limit;

    TooLargeException(String what, String option, long limit) {
      super(what + " is larger than " + limit + " bytes", null, false, false);
      this.option = option;
      this.limit = limit;
    }

    /** The name of the {@code OpenRouterOptions} setting that holds the exceeded limit. */
    public String option() {
      return option;
    }

    /** The exceeded limit, in bytes. */
    public long limit() {
      return limit;
    }

    /** What was too large, e.g. "an event-stream line". */
    public String what() {
      return getMessage().substring(0, getMessage().indexOf(" is larger than "));
    }
  }

  private final Consumer<Event> onEvent;
  private final Consumer<String> onComment;
  private byte[] line = new byte[256];
  private int lineLength;
  private boolean skipLf;
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private @Nullable String firstData;
  private @Nullable String eventName;
  private @Nullable String lastId;
  private final int maxLineSize;
  private final int maxEventSize;
  private long eventSize;
  private boolean failed;

  /** Creates a parser that ignores comments, with the default limits of OpenRouterOptions. */
  public SseParser(Consumer<Event> onEvent) {
    this(onEvent, c -> {});
  }

  /**
   * Creates a parser reporting events and comments (the text after the colon), with the default
   * limits of OpenRouterOptions.
   */
  public SseParser(Consumer<Event> onEvent, Consumer<String> onComment) {
    this(
        onEvent,
        onComment,
        OpenRouterOptions.DEFAULT_MAX_SSE_LINE_SIZE,
        OpenRouterOptions.DEFAULT_MAX_SSE_EVENT_SIZE);
  }

  /**
   * Creates a parser reporting events and comments, with limits.
   *
   * @param maxLineSize the most bytes of one line, terminator excluded
   * @param maxEventSize the most bytes of the data lines of one event together
   */
  public SseParser(
      Consumer<Event> onEvent, Consumer<String> onComment, int maxLineSize, int maxEventSize) {
    this.onEvent = Objects.requireNonNull(onEvent, "onEvent == null");
    this.onComment = Objects.requireNonNull(onComment, "onComment == null");
    if (maxLineSize < 1 || maxEventSize < 1) {
      throw new IllegalArgumentException(
          "limits must be >= 1: " + maxLineSize + ", " + maxEventSize);
    }
    this.maxLineSize = maxLineSize;
    this.maxEventSize = maxEventSize;
  }

  /**
   * Feeds the next bytes; dispatches every event they complete, in order.
   *
   * @throws TooLargeException when a line or an event exceeds its limit; later calls do nothing
   */
  public void feed(Buffer buffer) {
    if (failed) {
      return;
    }
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
    if ((long) lineLength + length > maxLineSize) {
      failed = true;
      throw new TooLargeException("an event-stream line", "maxSseLineSize", maxLineSize);
    }
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
    int lineBytes = lineLength;
    if (isDataLine()) {
      // The common line, read straight from the bytes: no copy of the whole line, no substring.
      int from = lineLength > 5 && line[5] == ' ' ? 6 : 5;
      String value = new String(line, from, lineLength - from, StandardCharsets.UTF_8);
      clearLine();
      addData(value, lineBytes);
      return;
    }
    String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
    clearLine();
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
      case "data" -> addData(value, lineBytes);
      case "event" -> eventName = value;
      case "id" -> lastId = value.indexOf('\0') >= 0 ? lastId : value;
      default -> {} // retry and unknown fields do not concern chat streams
    }
  }

  private boolean isDataLine() {
    return lineLength >= 5
        && line[0] == 'd'
        && line[1] == 'a'
        && line[2] == 't'
        && line[3] == 'a'
        && line[4] == ':';
  }

  private void clearLine() {
    lineLength = 0;
    if (line.length > 64 * 1024) {
      line = new byte[256]; // do not keep a huge buffer after one long line
    }
  }

  /**
   * Adds a data line's value to the event. The first line is kept as is, so the usual one-line
   * event is dispatched without going through the builder.
   */
  private void addData(String value, int lineBytes) {
    eventSize += lineBytes;
    if (eventSize > maxEventSize) {
      failed = true;
      throw new TooLargeException("an event-stream event", "maxSseEventSize", maxEventSize);
    }
    if (!hasData) {
      firstData = value;
      hasData = true;
      return;
    }
    if (firstData != null) {
      data.append(firstData);
      firstData = null;
    }
    data.append('\n').append(value);
  }

  private void dispatch() {
    if (hasData) {
      Event e = new Event(eventName, firstData != null ? firstData : data.toString(), lastId);
      resetEvent();
      onEvent.accept(e);
    } else {
      resetEvent();
    }
  }

  private void resetEvent() {
    eventSize = 0;
    data.setLength(0);
    firstData = null;
    hasData = false;
    eventName = null;
  }
}
