package dev.agentloop.tools.docs;

import java.util.ArrayList;
import java.util.List;

/** Cuts a document into passages at Markdown headings and paragraph breaks. */
final class Passages {

  /** A passage: an inclusive 1-based line range and the heading it sits under. */
  record Range(int start, int end, String heading) {}

  private Passages() {}

  /**
   * Splits lines into passages of at most {@code maxLines} lines. A heading always starts a new
   * passage; a paragraph break ends the passage once it is at least half full; a paragraph longer
   * than {@code maxLines} is cut.
   */
  static List<Range> split(List<String> lines, int maxLines) {
    List<Range> out = new ArrayList<>();
    String heading = "";
    String passageHeading = "";
    int start = -1;
    int end = -1;
    boolean afterBreak = false;
    for (int i = 1; i <= lines.size(); i++) {
      String line = lines.get(i - 1);
      if (line.isBlank()) {
        afterBreak = start >= 0;
        continue;
      }
      boolean isHeading = line.matches("^#{1,6}\\s+.*");
      boolean full = start >= 0 && (afterBreak ? end - start + 1 >= (maxLines + 1) / 2 : false);
      boolean overflow = start >= 0 && i - start + 1 > maxLines;
      if (isHeading || full || overflow) {
        if (start >= 0) {
          out.add(new Range(start, end, passageHeading));
        }
        start = -1;
      }
      if (isHeading) {
        heading = line.replaceFirst("^#+\\s*", "").strip();
      }
      if (start < 0) {
        start = i;
        passageHeading = heading;
      }
      end = i;
      afterBreak = false;
    }
    if (start >= 0) {
      out.add(new Range(start, end, passageHeading));
    }
    return out;
  }
}
