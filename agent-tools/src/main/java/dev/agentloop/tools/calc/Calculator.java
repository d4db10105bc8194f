package dev.agentloop.tools.calc;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates arithmetic expressions with exact decimal arithmetic, so {@code 0.1+0.2} is {@code
 * 0.3}.
 *
 * <p>Supports {@code + - * / % ^}, parentheses, unary minus, the functions {@code sqrt, abs, min,
 * max, round, floor, ceil, log, ln, exp, sin, cos, tan} and the constants {@code pi} and {@code e}.
 * {@code ^} is right-associative and binds tighter than unary minus ({@code -2^2 = -4}). Arithmetic
 * uses {@link BigDecimal} with {@link MathContext#DECIMAL128} (34 significant digits);
 * transcendental functions and non-integer powers use {@code double}, rounded to 15 significant
 * digits. Errors name the 1-based position where they happened ({@code "division by zero at
 * position 2"}). The parser is hand-written; no script engine is involved.
 *
 * <p>Every evaluation is cheap enough for the event loop: the expression length, the nesting depth,
 * integer exponents and the magnitude of every number and intermediate result are bounded (see
 * {@link CalculatorOptions}), so {@code 1e999999} or {@code floor(1e999999)} are refused before any
 * expensive work is done instead of allocating a million-digit integer.
 *
 * <pre>{@code
 * Calculator calc = new Calculator(new CalculatorOptions().setMaxExponent(1000));
 * calc.calculate("0.1 + 0.2");        // "0.3"
 * calc.calculate("2 ^ 3 ^ 2");        // "512"
 * calc.calculate("max(1, sqrt(16))"); // "4"
 * Toolbox tools = Toolbox.builder().add(calc).build();
 * }</pre>
 */
public final class Calculator {

  private static final MathContext MC = MathContext.DECIMAL128;
  private static final int MAX_PLAIN_LENGTH = 100;

  private final CalculatorOptions options;

  /** Creates a calculator with default limits. */
  public Calculator() {
    this(new CalculatorOptions());
  }

  /** Creates a calculator with the given limits (copied). */
  public Calculator(CalculatorOptions options) {
    this.options = new CalculatorOptions(options);
  }

  /**
   * Evaluates an expression and returns the result as a plain decimal string with trailing zeros
   * stripped ({@code "1.5"}, {@code "42"}); results too long to print plainly use scientific
   * notation ({@code "1E+1000"}).
   *
   * @param expression the expression, e.g. {@code "(1 + 2) * 3"}
   * @return the formatted result
   * @throws IllegalArgumentException for syntax errors, division by zero, domain errors and
   *     exceeded limits; the message names the position
   */
  @Tool(
      name = "calculate",
      nonBlocking = true,
      description =
          "Evaluates an arithmetic expression exactly (decimal arithmetic). Operators: + - * / % ^"
              + " and parentheses. Functions: sqrt, abs, min, max, round(x[, digits]), floor, ceil,"
              + " log (base 10), ln, exp, sin, cos, tan (radians). Constants: pi, e.")
  public String calculate(
      @Param(description = "The expression, e.g. (2 + 3) * 4 ^ 2 / sqrt(2)") String expression) {
    return format(evaluate(expression));
  }

  /**
   * Evaluates an expression to an exact value.
   *
   * @throws IllegalArgumentException as for {@link #calculate}
   */
  public BigDecimal evaluate(String expression) {
    if (expression.length() > options.getMaxExpressionLength()) {
      throw new IllegalArgumentException(
          "expression too long: "
              + expression.length()
              + " characters, the limit is "
              + options.getMaxExpressionLength());
    }
    try {
      return new Parser(expression, options).parseAll();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("result out of range: " + e.getMessage(), e);
    }
  }

  /**
   * Formats a value as a plain string without exponent noise and without trailing zeros. The plain
   * length is computed before the string is built, so a huge exponent never allocates a huge
   * string.
   */
  static String format(BigDecimal value) {
    BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    long precision = v.precision();
    long scale = v.scale();
    long plainLength =
        scale <= 0 ? precision - scale : scale >= precision ? scale + 2 : precision + 1;
    return plainLength <= MAX_PLAIN_LENGTH ? v.toPlainString() : v.toString();
  }

  /** The decimal exponent of a non-zero value: 3 for 1234, -2 for 0.01. */
  static long magnitude(BigDecimal value) {
    return (long) value.precision() - value.scale() - 1;
  }

  /** A recursive-descent parser over one expression; positions are 1-based. */
  private static final class Parser {
    private final String src;
    private final CalculatorOptions options;
    private int pos;
    private int depth;

    Parser(String src, CalculatorOptions options) {
      this.src = src;
      this.options = options;
    }

    BigDecimal parseAll() {
      skipSpaces();
      if (pos >= src.length()) {
        throw new IllegalArgumentException("empty expression");
      }
      BigDecimal value = expression();
      skipSpaces();
      if (pos < src.length()) {
        throw unexpected();
      }
      return value;
    }

    // expression := term (('+' | '-') term)*
    private BigDecimal expression() {
      BigDecimal value = term();
      while (true) {
        skipSpaces();
        int opPos = pos + 1;
        if (eat('+')) {
          value = checked(value.add(term(), MC), "+", opPos);
        } else if (eat('-')) {
          value = checked(value.subtract(term(), MC), "-", opPos);
        } else {
          return value;
        }
      }
    }

    // term := unary (('*' | '/' | '%') unary)*
    private BigDecimal term() {
      BigDecimal value = unary();
      while (true) {
        skipSpaces();
        int opPos = pos + 1;
        if (eat('*')) {
          value = checked(value.multiply(unary(), MC), "*", opPos);
        } else if (eat('/')) {
          BigDecimal divisor = unary();
          if (divisor.signum() == 0) {
            throw new IllegalArgumentException("division by zero at position " + opPos);
          }
          value = checked(value.divide(divisor, MC), "/", opPos);
        } else if (eat('%')) {
          BigDecimal divisor = unary();
          if (divisor.signum() == 0) {
            throw new IllegalArgumentException("modulo by zero at position " + opPos);
          }
          value = checked(value.remainder(divisor, MC), "%", opPos);
        } else {
          return value;
        }
      }
    }

    // unary := ('-' | '+') unary | power
    private BigDecimal unary() {
      skipSpaces();
      if (eat('-')) {
        return nested(() -> unary().negate(MC));
      }
      if (eat('+')) {
        return nested(this::unary);
      }
      return power();
    }

    // power := primary ('^' unary)?   (right-associative: the exponent may itself be a power)
    private BigDecimal power() {
      BigDecimal base = primary();
      skipSpaces();
      int opPos = pos + 1;
      if (!eat('^')) {
        return base;
      }
      BigDecimal exponent = nested(this::unary);
      return pow(base, exponent, opPos);
    }

    private BigDecimal pow(BigDecimal base, BigDecimal exponent, int opPos) {
      boolean integral = exponent.signum() == 0 || exponent.stripTrailingZeros().scale() <= 0;
      if (integral) {
        if (exponent.abs().compareTo(BigDecimal.valueOf(options.getMaxExponent())) > 0) {
          throw new IllegalArgumentException(
              "exponent "
                  + format(exponent)
                  + " at position "
                  + opPos
                  + " exceeds the limit of "
                  + options.getMaxExponent());
        }
        int n = exponent.intValueExact();
        if (n < 0 && base.signum() == 0) {
          throw new IllegalArgumentException("division by zero at position " + opPos);
        }
        return checked(base.pow(n, MC), "^", opPos);
      }
      double result = Math.pow(base.doubleValue(), exponent.doubleValue());
      return Functions.fromDouble(result, "power", opPos);
    }

    // primary := number | '(' expression ')' | name | name '(' arguments ')'
    private BigDecimal primary() {
      skipSpaces();
      if (pos >= src.length()) {
        throw new IllegalArgumentException("unexpected end of expression at position " + (pos + 1));
      }
      char c = src.charAt(pos);
      if (c == '(') {
        pos++;
        BigDecimal value = nested(this::expression);
        expect(')');
        return value;
      }
      if (Character.isDigit(c) || c == '.') {
        return number();
      }
      if (Character.isLetter(c)) {
        return name();
      }
      throw unexpected();
    }

    private BigDecimal number() {
      int start = pos;
      while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
        pos++;
      }
      if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
        int save = pos++;
        if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
          pos++;
        }
        if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
          while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
          }
        } else {
          pos = save; // not an exponent: "2e" is 2 followed by the constant e
        }
      }
      String text = src.substring(start, pos);
      try {
        BigDecimal value = new BigDecimal(text, MC);
        if (value.signum() == 0) {
          return BigDecimal.ZERO;
        }
        if (Math.abs(magnitude(value)) > options.getMaxMagnitude()) {
          throw new IllegalArgumentException(
              "number '"
                  + text
                  + "' at position "
                  + (start + 1)
                  + " is out of range; the decimal exponent must be between -"
                  + options.getMaxMagnitude()
                  + " and "
                  + options.getMaxMagnitude());
        }
        return value;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "invalid number '" + text + "' at position " + (start + 1), e);
      }
    }

    private BigDecimal name() {
      int start = pos;
      while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos))) {
        pos++;
      }
      String name = src.substring(start, pos).toLowerCase(Locale.ROOT);
      skipSpaces();
      if (pos < src.length() && src.charAt(pos) == '(') {
        pos++;
        List<BigDecimal> args = nested(this::arguments);
        return checked(Functions.call(name, args, start + 1), name, start + 1);
      }
      switch (name) {
        case "pi":
          return Functions.PI;
        case "e":
          return Functions.E;
        default:
          throw new IllegalArgumentException(
              "unknown name '"
                  + name
                  + "' at position "
                  + (start + 1)
                  + "; constants are pi and e");
      }
    }

    private List<BigDecimal> arguments() {
      List<BigDecimal> args = new ArrayList<>();
      skipSpaces();
      if (eat(')')) {
        return args;
      }
      do {
        args.add(expression());
        skipSpaces();
      } while (eat(','));
      expect(')');
      return args;
    }

    /**
     * Refuses a result whose decimal exponent is beyond the magnitude limit, so the next operation
     * (a floor, a plain print) never works on a huge number.
     */
    private BigDecimal checked(BigDecimal value, String op, int at) {
      if (value.signum() != 0 && Math.abs(magnitude(value)) > options.getMaxMagnitude()) {
        throw new IllegalArgumentException(
            "result of "
                + op
                + " at position "
                + at
                + " is out of range; the decimal exponent must be between -"
                + options.getMaxMagnitude()
                + " and "
                + options.getMaxMagnitude());
      }
      return value;
    }

    private <T> T nested(java.util.function.Supplier<T> body) {
      if (++depth > options.getMaxDepth()) {
        throw new IllegalArgumentException(
            "expression nested too deeply at position "
                + (pos + 1)
                + "; the limit is "
                + options.getMaxDepth());
      }
      try {
        return body.get();
      } finally {
        depth--;
      }
    }

    private void expect(char c) {
      skipSpaces();
      if (!eat(c)) {
        if (pos >= src.length()) {
          throw new IllegalArgumentException(
              "missing '" + c + "' at end of expression (position " + (pos + 1) + ")");
        }
        throw unexpected();
      }
    }

    private boolean eat(char c) {
      if (pos < src.length() && src.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private void skipSpaces() {
      while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
        pos++;
      }
    }

    private IllegalArgumentException unexpected() {
      if (pos >= src.length()) {
        return new IllegalArgumentException(
            "unexpected end of expression at position " + (pos + 1));
      }
      return new IllegalArgumentException(
          "unexpected '" + src.charAt(pos) + "' at position " + (pos + 1));
    }
  }
}
