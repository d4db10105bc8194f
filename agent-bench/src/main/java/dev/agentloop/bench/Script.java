package dev.agentloop.bench;

import java.nio.charset.StandardCharsets;

/**
 * The scripted, stateless conversation every contender runs: the user asks for the weather, the
 * model calls the first tool {@link #TOOL_ROUNDS} times, then answers with {@link #FINAL_ANSWER}.
 *
 * <p>The server decides from the request alone (how many {@code tool} messages it holds), so any
 * number of conversations can run concurrently over any connections. The byte scanners here are
 * deliberately cheap: the server must never be the bottleneck.
 */
public final class Script {

  /** Tool calls the model makes before it answers; each conversation is this + 1 exchanges. */
  public static final int TOOL_ROUNDS = 3;

  /** HTTP exchanges per conversation. */
  public static final int EXCHANGES_PER_CONVERSATION = TOOL_ROUNDS + 1;

  /** The user's turn. */
  public static final String USER_PROMPT = "What is the weather in Paris?";

  /** What the weather tool returns. */
  public static final String TOOL_RESULT = "Sunny, 21 C";

  /** The model's final answer; a conversation that ends with anything else counts as an error. */
  public static final String FINAL_ANSWER = "It is sunny and 21 C in Paris.";

  /** The final answer as the streamed server sends it, in content deltas that join to it. */
  public static final String[] FINAL_ANSWER_DELTAS = {"It is ", "sunny and ", "21 C ", "in Paris."};

  /** The model name the contenders send (the server ignores it). */
  public static final String MODEL = "bench/scripted";

  /** The arguments of every scripted tool call, as the JSON text the model writes. */
  public static final String TOOL_ARGUMENTS = "{\"city\":\"Paris\"}";

  private static final byte[] ROLE = bytes("\"role\"");
  private static final byte[] TOOL = bytes("\"tool\"");
  private static final byte[] TOOLS = bytes("\"tools\"");
  private static final byte[] NAME = bytes("\"name\"");
  private static final byte[] STREAM = bytes("\"stream\"");
  private static final byte[] TRUE = bytes("true");

  private Script() {}

  /** Counts the messages whose role is {@code tool} in a chat completion request body. */
  public static int countToolMessages(byte[] body) {
    int count = 0;
    int i = 0;
    while ((i = indexOf(body, ROLE, i)) >= 0) {
      i += ROLE.length;
      int v = skipColon(body, i);
      if (v >= 0 && startsWith(body, TOOL, v)) {
        count++;
      }
    }
    return count;
  }

  /** Whether a chat completion request body asks for a streamed answer ({@code "stream":true}). */
  public static boolean isStream(byte[] body) {
    int i = 0;
    while ((i = indexOf(body, STREAM, i)) >= 0) {
      i += STREAM.length;
      int v = skipColon(body, i);
      if (v >= 0) {
        return startsWith(body, TRUE, v);
      }
    }
    return false;
  }

  /**
   * Returns the name of the first tool in the request's {@code tools} array, or {@code fallback}
   * when the request declares none.
   */
  public static String firstToolName(byte[] body, String fallback) {
    int i = 0;
    while ((i = indexOf(body, TOOLS, i)) >= 0) {
      i += TOOLS.length;
      int v = skipColon(body, i);
      if (v < 0 || body[v] != '[') {
        continue;
      }
      int n = indexOf(body, NAME, v);
      if (n < 0) {
        return fallback;
      }
      int q = skipColon(body, n + NAME.length);
      if (q < 0 || body[q] != '"') {
        return fallback;
      }
      int end = q + 1;
      while (end < body.length && body[end] != '"') {
        end++;
      }
      return new String(body, q + 1, end - q - 1, StandardCharsets.UTF_8);
    }
    return fallback;
  }

  /** Skips whitespace, one colon and whitespace; returns the index of the value or -1. */
  private static int skipColon(byte[] b, int i) {
    while (i < b.length && isSpace(b[i])) {
      i++;
    }
    if (i >= b.length || b[i] != ':') {
      return -1;
    }
    i++;
    while (i < b.length && isSpace(b[i])) {
      i++;
    }
    return i < b.length ? i : -1;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private static boolean startsWith(byte[] b, byte[] prefix, int at) {
    if (at + prefix.length > b.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (b[at + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  static int indexOf(byte[] b, byte[] needle, int from) {
    byte first = needle[0];
    int last = b.length - needle.length;
    for (int i = from; i <= last; i++) {
      if (b[i] == first && startsWith(b, needle, i)) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
