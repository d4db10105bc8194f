package dev.agentloop.tools.files;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads text from an opened file with bounded memory and bounded scanning: a line is never held
 * whole, only the part that can be returned, so a 3 GiB single-line file costs a few kilobytes.
 */
final class TextFile {

  private static final int SNIFF_BYTES = 8192;

  private TextFile() {}

  /** Returns whether the first bytes contain a NUL, and rewinds the channel. */
  static boolean isBinary(SeekableByteChannel channel) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(SNIFF_BYTES);
    while (head.hasRemaining() && channel.read(head) > 0) {
      // fill the sniff buffer
    }
    channel.position(0);
    for (int i = 0; i < head.position(); i++) {
      if (head.get(i) == 0) {
        return true;
      }
    }
    return false;
  }

  /** A UTF-8 reader over the channel; malformed input becomes U+FFFD. */
  static BufferedReader reader(InputStream in) {
    return new BufferedReader(
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
  }

  /** Counts bytes read, so a scan can stop at a byte budget. */
  static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count += Math.max(n, 0);
      return n;
    }
  }

  /**
   * Returns lines {@code start..end} (1-based, inclusive; {@code end <= 0} means to the end), each
   * ended by {@code \n}, at most {@code maxChars} characters of them, scanning at most {@code
   * maxScanBytes} bytes to find the first line.
   *
   * @throws IllegalArgumentException if {@code start} is past the end, or the range starts beyond
   *     the scan budget
   */
  static String lines(
      SeekableByteChannel channel, String path, int start, int end, int maxChars, long maxScanBytes)
      throws IOException {
    Counting counted = new Counting(Channels.newInputStream(channel));
    BufferedReader in = reader(counted);
    StringBuilder out = new StringBuilder();
    int lineNo = 1; // the line the next character belongs to
    int lineStart = 0; // where that line begins in out
    boolean open = false; // whether line lineNo has begun
    for (int c = in.read(); c >= 0; c = in.read()) {
      if (end > 0 && lineNo > end) {
        return out.toString();
      }
      boolean newline = c == '\n' || c == '\r';
      if (c == '\r') {
        in.mark(1);
        if (in.read() != '\n') {
          in.reset();
        }
      }
      if (lineNo < start) {
        if (counted.count > maxScanBytes) {
          throw new IllegalArgumentException(
              "line "
                  + start
                  + " of "
                  + path
                  + " starts beyond the first "
                  + maxScanBytes
                  + " bytes, the scan limit of read_file");
        }
      } else if (out.length() + (newline ? 1 : 2) > maxChars) {
        if (lineStart == 0) {
          return out + "[truncated at " + maxChars + " characters; line " + lineNo + " is longer]";
        }
        out.setLength(lineStart);
        return out
            + "[truncated at "
            + maxChars
            + " characters; continue from line "
            + lineNo
            + "]";
      } else {
        out.append(newline ? '\n' : (char) c);
      }
      if (newline) {
        lineNo++;
        lineStart = out.length();
        open = false;
      } else {
        open = true;
      }
    }
    int total = open ? lineNo : lineNo - 1;
    if (open && lineNo >= start) {
      out.append('\n'); // the last line had no line break; it gets one like the others
    }
    if (total < start && !(total == 0 && start == 1)) {
      throw new IllegalArgumentException(
          "startLine " + start + " is past the end of " + path + " (" + total + " lines)");
    }
    return out.toString();
  }
}
