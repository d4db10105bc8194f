package dev.agentloop.schema.impl;

import com.networknt.schema.SchemaException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * The regular expressions of {@code pattern} and {@code patternProperties}: JDK patterns, as
 * networknt's default, but matched against a text that checks a deadline while the matcher reads
 * it. A backtracking pattern such as {@code (.*a){14}$} then stops when the validation's time
 * budget is spent, instead of running for minutes; without a deadline it matches as usual.
 */
final class BoundedRegex implements RegularExpressionFactory {

  static final BoundedRegex INSTANCE = new BoundedRegex();

  /** The deadline ({@link System#nanoTime()}) of the validation running on this thread, or 0. */
  private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[1]);

  private BoundedRegex() {}

  /** Thrown from inside a match when the deadline has passed. */
  static final class Expired extends SchemaException {
    private static final long serialVersionUID = 1L;

    Expired() {
      super("the validation's time budget is spent");
    }
  }

  /** Sets the deadline of validations on this thread; 0 removes it. Returns the previous one. */
  static long deadline(long nanoTime) {
    long[] slot = DEADLINE.get();
    long previous = slot[0];
    slot[0] = nanoTime;
    return previous;
  }

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return value -> {
      long deadline = DEADLINE.get()[0];
      CharSequence text = deadline == 0 ? value : new Timed(value, deadline);
      return pattern.matcher(text).find();
    };
  }

  /** A string whose reads check the deadline every few thousand characters. */
  private static final class Timed implements CharSequence {
    private final String text;
    private final long deadline;
    private int reads;

    Timed(String text, long deadline) {
      this.text = text;
      this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadline > 0) {
        throw new Expired();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Timed(text.substring(start, end), deadline);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
