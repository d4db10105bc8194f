package dev.agentloop.tools.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.agentloop.tools.AbstractToolTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalculatorTest extends AbstractToolTest {

  private final Calculator calc = new Calculator();

  @Override
  protected Class<?> toolClass() {
    return Calculator.class;
  }

  @Override
  protected List<String> expectedToolNames() {
    return List.of("calculate");
  }

  @Test
  void decimalAdditionIsExact() {
    assertThat(calc.calculate("0.1+0.2")).isEqualTo("0.3");
    assertThat(calc.calculate("1 - 0.9")).isEqualTo("0.1");
    assertThat(calc.calculate("1/3")).isEqualTo("0.3333333333333333333333333333333333");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 + 2 * 3          | 7",
        "(1 + 2) * 3        | 9",
        "10 - 4 - 3         | 3",
        "100 / 10 / 5       | 2",
        "7 % 3              | 1",
        "2 ^ 3 ^ 2          | 512",
        "(2 ^ 3) ^ 2        | 64",
        "-2 ^ 2             | -4",
        "(-2) ^ 2           | 4",
        "2 ^ -1             | 0.5",
        "--3                | 3",
        "-(1 + 2) * -2      | 6",
        "2 * -3             | -6",
        "1.50 + 1.50        | 3",
        "1e3 + 1            | 1001",
        "2.5e-1             | 0.25",
        "3 * 0              | 0"
      })
  void evaluatesOperatorsWithPrecedence(String expression, String expected) {
    assertThat(calc.calculate(expression)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "sqrt(16)            | 4",
        "sqrt(2)             | 1.414213562373095048801688724209698",
        "abs(-7.5)           | 7.5",
        "min(3, 1, 2)        | 1",
        "max(3, 1, 2)        | 3",
        "round(2.5)          | 3",
        "round(3.14159, 2)   | 3.14",
        "floor(-1.5)         | -2",
        "ceil(1.2)           | 2",
        "log(1000)           | 3",
        "ln(e)               | 1",
        "exp(0)              | 1",
        "sin(0)              | 0",
        "cos(pi)             | -1",
        "tan(pi / 4)         | 1",
        "pi                  | 3.141592653589793238462643383279503",
        "2 ^ 0.5             | 1.4142135623731",
        "SQRT(9) + Max(1, 2) | 5"
      })
  void evaluatesFunctionsAndConstants(String expression, String expected) {
    assertThat(calc.calculate(expression)).isEqualTo(expected);
  }

  @Test
  void formatsLargeResultsWithoutExponentNoise() {
    assertThat(calc.calculate("2 ^ 64")).isEqualTo("18446744073709551616");
    assertThat(calc.calculate("10 ^ 20")).isEqualTo("100000000000000000000");
    assertThat(calc.calculate("10 ^ 1000")).isEqualTo("1E+1000");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1 / 0              | division by zero at position 3",
        "1 + (2 / (1 - 1))  | division by zero at position 8",
        "5 % 0              | modulo by zero at position 3",
        "0 ^ -1             | division by zero at position 3",
        "1 + 2)             | unexpected ')' at position 6",
        "1 + * 2            | unexpected '*' at position 5",
        "(1 + 2             | missing ')' at end of expression (position 7)",
        "1 +                | unexpected end of expression at position 4",
        "2 $ 3              | unexpected '$' at position 3",
        "foo(1)             | unknown function 'foo' at position 1",
        "1 + x              | unknown name 'x' at position 5; constants are pi and e",
        "sqrt(-4)           | sqrt of negative number -4 at position 1",
        "ln(0)              | ln of non-positive number 0 at position 1",
        "sqrt(1, 2)         | sqrt takes 1 argument, got 2 at position 1",
        "1.2.3              | invalid number '1.2.3' at position 1",
        "(-8) ^ 0.5         | power at position 6 has no finite real result"
      })
  void reportsErrorsWithPositions(String expression, String message) {
    assertThatThrownBy(() -> calc.calculate(expression))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void emptyExpressionIsRefused() {
    assertThatThrownBy(() -> calc.calculate("   ")).hasMessage("empty expression");
  }

  @Test
  void hugeExponentIsRefusedQuickly() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () ->
            assertThatThrownBy(() -> calc.calculate("2^99999999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exponent 99999999 at position 2 exceeds the limit of 10000"));
  }

  @Test
  void towerOfExponentsIsRefusedQuickly() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () ->
            assertThatThrownBy(() -> calc.calculate("9^9^9^9"))
                .hasMessageContaining("exceeds the limit of 10000"));
  }

  // Each of these ran for seconds or allocated gigabytes before magnitudes were bounded.
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1e999999            | number '1e999999' at position 1 is out of range; "
            + "the decimal exponent must be between -10000 and 10000",
        "floor(1e999999)     | number '1e999999' at position 7 is out of range; "
            + "the decimal exponent must be between -10000 and 10000",
        "round(1e999999,100) | number '1e999999' at position 7 is out of range; "
            + "the decimal exponent must be between -10000 and 10000",
        "1e999999^2000       | number '1e999999' at position 1 is out of range; "
            + "the decimal exponent must be between -10000 and 10000",
        "1e-999999           | number '1e-999999' at position 1 is out of range; "
            + "the decimal exponent must be between -10000 and 10000",
        "1e10000^2000        | result of ^ at position 8 is out of range; "
            + "the decimal exponent must be between -10000 and 10000",
        "1e10000 * 10        | result of * at position 9 is out of range; "
            + "the decimal exponent must be between -10000 and 10000",
        "1e-10000 / 10       | result of / at position 10 is out of range; "
            + "the decimal exponent must be between -10000 and 10000",
        "1e5000 + 1e5001 ^ 2 | result of ^ at position 17 is out of range; "
            + "the decimal exponent must be between -10000 and 10000",
        "sqrt(1e10000) ^ 3   | result of ^ at position 15 is out of range; "
            + "the decimal exponent must be between -10000 and 10000",
        "round(1.5, 1e10000) | round digits must be between -100 and 100 at position 1: 1E+10000",
        "1e10000 % 7         | result out of range: Division impossible"
      })
  void hugeMagnitudesAreRefusedQuickly(String expression, String message) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () ->
            assertThatThrownBy(() -> calc.calculate(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "floor(1e10000)         | 1E+10000",
        "ceil(-1e10000)         | -1E+10000",
        "round(1e10000, 100)    | 1E+10000",
        "round(1e-10000, 100)   | 0",
        "floor(1.5e-10000)      | 0",
        "1e10000 / 1e10000      | 1",
        "1e10000 + 1e-10000     | 1E+10000",
        "0e999999               | 0",
        "floor(2 ^ 100) + 0.5   | 1267650600228229401496703205376.5"
      })
  void valuesAtTheMagnitudeLimitStayCheap(String expression, String expected) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(1), () -> assertThat(calc.calculate(expression)).isEqualTo(expected));
  }

  @Test
  void magnitudeLimitIsConfigurable() {
    Calculator small = new Calculator(new CalculatorOptions().setMaxMagnitude(3));
    assertThat(small.calculate("999 + 0.001")).isEqualTo("999.001");
    assertThatThrownBy(() -> small.calculate("999 * 11"))
        .hasMessage(
            "result of * at position 5 is out of range; the decimal exponent must be between -3 and 3");
    assertThatThrownBy(() -> new CalculatorOptions().setMaxMagnitude(2_000_000))
        .hasMessage("maxMagnitude must be between 1 and 1000000: 2000000");
  }

  @Test
  void formatNeverBuildsHugePlainStrings() {
    assertThat(Calculator.format(new java.math.BigDecimal("1E+999999999"))).isEqualTo("1E+999999999");
    assertThat(Calculator.format(new java.math.BigDecimal("1E-999999999"))).isEqualTo("1E-999999999");
    assertThat(Calculator.format(new java.math.BigDecimal("1E+99"))).hasSize(100);
    assertThat(Calculator.format(new java.math.BigDecimal("1E+100"))).isEqualTo("1E+100");
    assertThat(Calculator.format(new java.math.BigDecimal("-0.00125"))).isEqualTo("-0.00125");
  }

  @Test
  void expressionLengthIsLimited() {
    Calculator small = new Calculator(new CalculatorOptions().setMaxExpressionLength(5));
    assertThatThrownBy(() -> small.calculate("1+2+3+4"))
        .hasMessage("expression too long: 7 characters, the limit is 5");
  }

  @Test
  void nestingDepthIsLimited() {
    String deep = "(".repeat(70) + "1" + ")".repeat(70);
    assertThatThrownBy(() -> calc.calculate(deep))
        .hasMessage("expression nested too deeply at position 66; the limit is 64");
  }

  @Test
  void optionsValidateAndCopy() {
    assertThatThrownBy(() -> new CalculatorOptions().setMaxExponent(0))
        .hasMessage("maxExponent must be > 0: 0");
    CalculatorOptions options = new CalculatorOptions().setMaxDepth(3);
    assertThat(new CalculatorOptions(options).getMaxDepth()).isEqualTo(3);
    assertThat(new CalculatorOptions().getMaxExpressionLength())
        .isEqualTo(CalculatorOptions.DEFAULT_MAX_EXPRESSION_LENGTH);
  }
}
