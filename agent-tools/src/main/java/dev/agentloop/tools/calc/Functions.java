package dev.agentloop.tools.calc;

import static dev.agentloop.tools.calc.Calculator.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** The calculator's functions and constants; positions in messages are 1-based. */
final class Functions {

  static final BigDecimal PI = new BigDecimal("3.141592653589793238462643383279503");
  static final BigDecimal E = new BigDecimal("2.718281828459045235360287471352662");
  private static final MathContext MC = MathContext.DECIMAL128;
  private static final BigDecimal MAX_ROUND_DIGITS = BigDecimal.valueOf(100);
  private static final MathContext DOUBLE_MC = new MathContext(15, RoundingMode.HALF_EVEN);

  private Functions() {}

  static BigDecimal call(String name, List<BigDecimal> args, int at) {
    switch (name) {
      case "sqrt":
        BigDecimal x = one(name, args, at);
        if (x.signum() < 0) {
          throw new IllegalArgumentException(
              "sqrt of negative number " + format(x) + " at position " + at);
        }
        return x.sqrt(MC);
      case "abs":
        return one(name, args, at).abs();
      case "min":
      case "max":
        if (args.isEmpty()) {
          throw new IllegalArgumentException(name + " needs at least 1 argument at position " + at);
        }
        return args.stream().reduce(name.equals("min") ? BigDecimal::min : BigDecimal::max).get();
      case "round":
        if (args.size() == 2) {
          // compare before converting: intValue() of 1e10000 would build the whole integer
          BigDecimal d = args.get(1);
          if (d.abs().compareTo(MAX_ROUND_DIGITS) > 0) {
            throw new IllegalArgumentException(
                "round digits must be between -100 and 100 at position " + at + ": " + format(d));
          }
          return rounded(args.get(0), d.intValue(), RoundingMode.HALF_UP);
        }
        return rounded(one(name, args, at), 0, RoundingMode.HALF_UP);
      case "floor":
        return rounded(one(name, args, at), 0, RoundingMode.FLOOR);
      case "ceil":
        return rounded(one(name, args, at), 0, RoundingMode.CEILING);
      case "log":
        return positive(name, args, at, Math::log10);
      case "ln":
        return positive(name, args, at, Math::log);
      case "exp":
        return viaDouble(name, args, at, Math::exp);
      case "sin":
        return viaDouble(name, args, at, Math::sin);
      case "cos":
        return viaDouble(name, args, at, Math::cos);
      case "tan":
        return viaDouble(name, args, at, Math::tan);
      default:
        throw new IllegalArgumentException("unknown function '" + name + "' at position " + at);
    }
  }

  /**
   * Rounds to {@code digits} decimals. A value that already has no more decimals is returned as is:
   * {@code setScale} would otherwise expand {@code 1E+10000} into a 10,001-digit integer.
   */
  private static BigDecimal rounded(BigDecimal x, int digits, RoundingMode mode) {
    return x.scale() <= digits ? x : x.setScale(digits, mode);
  }

  private static BigDecimal one(String name, List<BigDecimal> args, int at) {
    if (args.size() != 1) {
      throw new IllegalArgumentException(
          name + " takes 1 argument, got " + args.size() + " at position " + at);
    }
    return args.get(0);
  }

  private static BigDecimal positive(
      String name, List<BigDecimal> args, int at, DoubleUnaryOperator f) {
    BigDecimal x = one(name, args, at);
    if (x.signum() <= 0) {
      throw new IllegalArgumentException(
          name + " of non-positive number " + format(x) + " at position " + at);
    }
    return fromDouble(f.applyAsDouble(x.doubleValue()), name, at);
  }

  private static BigDecimal viaDouble(
      String name, List<BigDecimal> args, int at, DoubleUnaryOperator f) {
    return fromDouble(f.applyAsDouble(one(name, args, at).doubleValue()), name, at);
  }

  static BigDecimal fromDouble(double d, String what, int at) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException(
          what + " at position " + at + " has no finite real result");
    }
    return new BigDecimal(d).round(DOUBLE_MC);
  }
}
