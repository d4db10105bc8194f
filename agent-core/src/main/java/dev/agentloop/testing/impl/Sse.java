package dev.agentloop.testing.impl;

import java.util.ArrayList;
import java.util.List;

/** Minimal SSE helpers for recording: extracts event data from a complete stream. */
public final class Sse {

  private Sse() {}

  /**
   * Returns the {@code data} of each event of a complete SSE stream, in order. Comment lines
   * ({@code :...}) and other fields are skipped; multi-line data is joined with {@code \n}; CRLF
   * and CR line ends are accepted.
   */
  public static List<String> data(String stream) {
    List<String> out = new ArrayList<>();
    StringBuilder data = null;
    for (String line : stream.split("\r\n|\r|\n", -1)) {
      if (line.isEmpty()) {
        if (data != null) {
          out.add(data.toString());
          data = null;
        }
        continue;
      }
      if (line.startsWith("data:")) {
        String value = line.substring(5);
        value = value.startsWith(" ") ? value.substring(1) : value;
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
    if (data != null) {
      out.add(data.toString());
    }
    return out;
  }
}
