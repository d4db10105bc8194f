package dev.agentloop.mcp.impl;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.parsetools.RecordParser;

/**
 * Decodes a {@code text/event-stream} body incrementally into the data of each event; lines longer
 * than the limit fail the parser (its exception handler is called).
 */
final class SseDecoder {

  private final RecordParser parser;
  private final StringBuilder data = new StringBuilder();
  private final Handler<String> events;
  private final int maxBytes;
  private boolean hasData;

  SseDecoder(int maxBytes, Handler<String> events) {
    this.events = events;
    this.maxBytes = maxBytes;
    this.parser = RecordParser.newDelimited("\n", this::line);
    parser.maxRecordSize(maxBytes);
  }

  /** Feeds a chunk of the body. */
  void feed(Buffer chunk) {
    parser.handle(chunk);
  }

  /** Ends the body: an event not followed by a blank line is dropped, as the standard says. */
  void end() {
    data.setLength(0);
    hasData = false;
  }

  private void line(Buffer raw) {
    String line = raw.toString(java.nio.charset.StandardCharsets.UTF_8);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      if (hasData) {
        String event = data.toString();
        data.setLength(0);
        hasData = false;
        events.handle(event);
      }
      return;
    }
    if (line.startsWith("data:")) {
      String value = line.substring(line.startsWith("data: ") ? 6 : 5);
      if (hasData) {
        data.append('\n');
      }
      data.append(value);
      hasData = true;
      if (data.length() > maxBytes) {
        throw new IllegalStateException("an event is larger than " + maxBytes + " bytes");
      }
    }
  }
}
