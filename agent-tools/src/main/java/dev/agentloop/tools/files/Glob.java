package dev.agentloop.tools.files;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A glob ({@code *}, {@code **}, {@code ?}, {@code [abc]}, {@code [!a-z]}, {@code {a,b}}, {@code \}
 * escapes) compiled to a regex whose matching is bounded: the input is read through a {@link
 * CharSequence} that checks a deadline and the thread's interrupt flag, so a backtracking pattern
 * such as {@code *a*a*a*a*a*a*b} stops instead of running for minutes.
 */
final class Glob {

  /** Thrown while matching when the deadline passed or the thread was interrupted. */
  static final class Expired extends RuntimeException {
    Expired() {
      super(null, null, false, false);
    }
  }

  private final Pattern regex;
  private final long deadlineNanos;

  private Glob(Pattern regex, long deadlineNanos) {
    this.regex = regex;
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * Compiles a glob that must finish all its matching before {@code deadlineNanos} ({@link
   * System#nanoTime()}).
   *
   * @throws IllegalArgumentException for a malformed glob
   */
  static Glob compile(String glob, long deadlineNanos) {
    try {
      return new Glob(Pattern.compile(toRegex(glob)), deadlineNanos);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(e.getDescription());
    }
  }

  /**
   * Returns whether the path matches.
   *
   * @throws Expired if the deadline passed or the thread was interrupted
   */
  boolean matches(String path) {
    return regex.matcher(new Checked(path)).matches();
  }

  /** Checks the deadline after every 1,024 characters read by the regex engine. */
  private final class Checked implements CharSequence {
    private final String s;
    private int reads;

    Checked(String s) {
      this.s = s;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 1023) == 0
          && (System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted())) {
        throw new Expired();
      }
      return s.charAt(index);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Checked(s.substring(start, end));
    }

    @Override
    public String toString() {
      return s;
    }
  }

  static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    boolean inGroup = false;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '\\' -> {
          if (++i == glob.length()) {
            throw new IllegalArgumentException("no character to escape at the end");
          }
          re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
        }
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            re.append(".*");
            i++;
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '{' -> {
          if (inGroup) {
            throw new IllegalArgumentException("nested '{' at index " + i);
          }
          re.append("(?:(?:");
          inGroup = true;
        }
        case '}' -> {
          if (inGroup) {
            re.append("))");
            inGroup = false;
          } else {
            re.append("\\}");
          }
        }
        case ',' -> re.append(inGroup ? ")|(?:" : ",");
        case '[' -> i = charClass(glob, i, re);
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (inGroup) {
      throw new IllegalArgumentException("missing '}'");
    }
    return re.toString();
  }

  /** Appends a {@code [..]} class and returns the index of its closing bracket. */
  private static int charClass(String glob, int open, StringBuilder re) {
    int i = open + 1;
    re.append("[[^/]&&[");
    if (i < glob.length() && glob.charAt(i) == '!') {
      re.append('^');
      i++;
    }
    for (boolean first = true; i < glob.length(); i++, first = false) {
      char c = glob.charAt(i);
      if (c == ']' && !first) {
        re.append("]]");
        return i;
      }
      if (c == '/') {
        throw new IllegalArgumentException("'/' inside [] at index " + i);
      }
      if (c == '-' || Character.isLetterOrDigit(c)) {
        re.append(c);
      } else {
        re.append('\\').append(c);
      }
    }
    throw new IllegalArgumentException("missing ']'");
  }
}
