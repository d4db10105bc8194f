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
          int digits = args.get(1).intValue();
          if (Math.abs(digits) > 100) {
            throw new IllegalArgumentException(
                "round digits must be between -100 and 100 at position " + at + ": " + digits);
          }
          return args.get(0).setScale(digits, RoundingMode.HALF_UP);
        }
        return one(name, args, at).setScale(0, RoundingMode.HALF_UP);
      case "floor":
        return one(name, args, at).setScale(0, RoundingMode.FLOOR);
      case "ceil":
        return one(name, args, at).setScale(0, RoundingMode.CEILING);
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
