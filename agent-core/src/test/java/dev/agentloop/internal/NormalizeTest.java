package dev.agentloop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Json#normalize} copies arguments whose keys are already sorted token by token, and must
 * give exactly what the tree gives (the loop guard compares it, and approval digests hash it).
 */
class NormalizeTest {

  @Test
  void sortsKeysRemovesWhitespaceAndKeepsTheLastOfARepeatedKey() {
    assertThat(Json.normalize(" { \"b\" : 1 , \"a\" : [ 2 , { \"d\":null, \"c\":true } ] } "))
        .isEqualTo("{\"a\":[2,{\"c\":true,\"d\":null}],\"b\":1}");
    assertThat(Json.normalize("{\"a\":1,\"a\":2}")).isEqualTo("{\"a\":2}");
    assertThat(Json.normalize("")).isEqualTo("{}");
    assertThat(Json.normalize("  not json ")).isEqualTo("not json");
    assertThat(Json.normalize("{\"a\":1.50,\"b\":1e2,\"c\":-0,\"d\":\"\\u00e9\\n\"}"))
        .isEqualTo("{\"a\":1.5,\"b\":100.0,\"c\":0,\"d\":\"\u00e9\\n\"}");
  }

  @Test
  void copiesSortedArgumentsWithoutATreeAndLeavesTheRestToIt() {
    assertThat(Json.copyIfSorted("{\"a\":{\"x\":1,\"y\":[{\"m\":1,\"n\":2}]},\"b\":\"t\"}"))
        .isEqualTo("{\"a\":{\"x\":1,\"y\":[{\"m\":1,\"n\":2}]},\"b\":\"t\"}");
    assertThat(Json.copyIfSorted("{\"b\":1,\"a\":2}")).isNull();
    assertThat(Json.copyIfSorted("{\"a\":{\"y\":1,\"x\":2}}")).isNull();
    assertThat(Json.copyIfSorted("{\"a\":1,\"a\":2}")).isNull();
    assertThat(Json.copyIfSorted("{\"a\":1")).isNull();
    assertThat(Json.copyIfSorted("nope")).isNull();
    assertThat(Json.copyIfSorted("[" .repeat(5000))).isNull();
  }

  @Test
  void returnsArgumentsAlreadyInCanonicalFormAsTheyAreOrWithoutWhitespace() {
    String canonical = "{\"a\":[1,-2,{\"b\":null,\"c\":true}],\"b\":\"x y\",\"c\":false}";
    assertThat(Json.canonicalAsIs(canonical)).isSameAs(canonical);
    assertThat(Json.canonicalAsIs("{ \"a\" : [ 1 ,\n 2 ] ,\t\"b\" : \" s p \" }"))
        .isEqualTo("{\"a\":[1,2],\"b\":\" s p \"}");
    assertThat(Json.canonicalAsIs("[]")).isEqualTo("[]");
    assertThat(Json.canonicalAsIs("{\"\u00e9\":\"\u007f\u0080\"}")).isEqualTo("{\"\u00e9\":\"\u007f\u0080\"}");
    // each of these is written differently by the generator, or is not JSON, or is too deep or
    // too long for the scan: the copy or the tree decides
    for (String other :
        List.of(
            "{\"b\":1,\"a\":2}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":\"\\n\"}",
            "{\"a\":\"\ud83d\ude00\"}",
            "{\"a\":-0}",
            "{\"a\":01}",
            "{\"a\":1.0}",
            "{\"a\":1e2}",
            "{\"a\":1234567890123456789}",
            "{\"a\":tru}",
            "{\"a\":1,}",
            "[1,]",
            "{\"a\":1} {}",
            "\"text\"",
            "7",
            "[".repeat(33) + "]".repeat(33),
            "{\"" + "k".repeat(1001) + "\":1}")) {
      assertThat(Json.canonicalAsIs(other)).as(other).isNull();
      assertThat(Json.normalize(other)).as(other).isEqualTo(Json.normalizeByTree(other));
    }
    assertThat(Json.canonicalAsIs("[".repeat(32) + "]".repeat(32))).isEqualTo("[".repeat(32) + "]".repeat(32));
  }

  @Test
  void agreesWithTheTreeOnGeneratedArguments() {
    Random random = new Random(20261201);
    int copied = 0;
    int asIs = 0;
    for (int i = 0; i < 5000; i++) {
      String text = value(random, 0, i % 3 == 0);
      if (random.nextInt(20) == 0) {
        text = text.substring(0, random.nextInt(text.length() + 1)); // cut short
      }
      if (random.nextInt(20) == 0) {
        text = text + " " + value(random, 0, false); // trailing content
      }
      String trimmed = text.isBlank() ? "{}" : text.trim();
      assertThat(Json.normalize(text)).as(text).isEqualTo(Json.normalizeByTree(trimmed));
      copied += Json.copyIfSorted(trimmed) != null ? 1 : 0;
      String scanned = Json.canonicalAsIs(trimmed);
      if (scanned != null) {
        assertThat(scanned).as(text).isEqualTo(Json.normalizeByTree(trimmed));
        asIs++;
      }
    }
    assertThat(copied).as("inputs the copy handled itself").isGreaterThan(2000);
    assertThat(asIs).as("inputs the scan handled itself").isGreaterThan(500);
  }

  private static final String[] SCALARS = {
    "0", "-0", "7", "-12", "2147483648", "9223372036854775808", "123456789012345678901234567890",
    "1.5", "1.50", "-0.0", "1e2", "1E-7", "2.5e+3", "1e400", "0.1", "3.141592653589793238462643",
    "true", "false", "null", "\"\"", "\"a\"", "\"\\u00e9\\t\\\"q\\\"\\\\\"", "\"\\ud83d\\ude00\"",
    "\"\u2028\"", "\"</script>\""
  };

  private static String value(Random random, int depth, boolean sorted) {
    int kind = depth > 4 ? 2 : random.nextInt(5);
    String ws = random.nextInt(4) == 0 ? " \n\t" : "";
    if (kind == 0) {
      List<String> names = new ArrayList<>();
      int n = random.nextInt(5);
      for (int i = 0; i < n; i++) {
        names.add(String.valueOf((char) ('a' + random.nextInt(8))) + (random.nextBoolean() ? "" : "_x"));
      }
      if (sorted) {
        names = new ArrayList<>(new java.util.TreeSet<>(names));
      } else {
        Collections.shuffle(names, random);
      }
      List<String> fields = new ArrayList<>();
      for (String name : names) {
        fields.add(ws + "\"" + name + "\"" + ws + ":" + value(random, depth + 1, sorted));
      }
      return "{" + String.join(",", fields) + ws + "}";
    }
    if (kind == 1) {
      List<String> items = new ArrayList<>();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        items.add(value(random, depth + 1, sorted));
      }
      return "[" + ws + String.join("," + ws, items) + "]";
    }
    return ws + SCALARS[random.nextInt(SCALARS.length)] + ws;
  }
}
