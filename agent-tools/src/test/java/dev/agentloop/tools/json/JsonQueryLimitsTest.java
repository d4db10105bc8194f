package dev.agentloop.tools.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Hostile JsonPath expressions and documents: each is refused quickly with a clear message. */
class JsonQueryLimitsTest {

  private final JsonQuery json = new JsonQuery();

  /** An array of {@code n} objects with ten fields each. */
  private static String wide(int n) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append("{");
      for (int f = 0; f < 10; f++) {
        sb.append(f == 0 ? "" : ",").append("\"f").append(f).append("\":[").append(i).append("]");
      }
      sb.append("}");
    }
    return sb.append("]").toString();
  }

  @Test
  void repeatedDeepScansAreStoppedByTheStepBudget() {
    String doc = wide(5000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> json.path(doc, "$..*..*..*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(
                    "JsonPath \\$\\.\\.\\*\\.\\.\\*\\.\\.\\* (needs more than 1000000 steps on this"
                        + " document; narrow it \\(fewer deep scans \\.\\., wildcards, unions\\)"
                        + "|matches more than 10000 values; narrow it, e\\.g\\. with an index"
                        + " range \\[0:10\\])"));
  }

  @Test
  void stepBudgetCountsWorkThatFindsNothing() {
    // eight nested unions of ten indices: 10^8 candidate paths, none of them a match
    String doc = "[".repeat(8) + "1" + "]".repeat(8);
    String path = "$" + "[0,0,0,0,0,0,0,0,0,0]".repeat(8) + "[?(@ == 2)]";
    JsonQuery small = new JsonQuery(new JsonQueryOptions().setMaxSteps(10_000));
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> small.path(doc, path))
                .hasMessage(
                    "JsonPath "
                        + path.substring(0, 80)
                        + "… needs more than 10000 steps on this document;"
                        + " narrow it (fewer deep scans .., wildcards, unions)"));
  }

  @Test
  void matchCountIsCapped() {
    JsonQuery small = new JsonQuery(new JsonQueryOptions().setMaxMatches(3));
    assertThat(small.path("[1,2,3]", "$[*]")).isEqualTo("[1,2,3]");
    assertThatThrownBy(() -> small.path("[1,2,3,4]", "$[*]"))
        .hasMessage(
            "JsonPath $[*] matches more than 3 values; narrow it, e.g. with an index range [0:10]");
    assertThatThrownBy(() -> small.path("[1]", "$[0,0,0,0]"))
        .hasMessageContaining("matches more than 3 values");
  }

  @Test
  void regexFiltersAreRefused() {
    String doc = "[{\"name\":\"" + "a".repeat(30) + "!\"}]";
    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () ->
            assertThatThrownBy(() -> json.path(doc, "$[?(@.name =~ /(a+)+b/)]"))
                .hasMessage(
                    "refused: regex filters (=~) are not supported, their running time cannot be"
                        + " bounded; use ==, in, contains or a plain path,"
                        + " e.g. $.items[?(@.name == 'Ada')]"));
  }

  @Test
  void longExpressionsAreRefusedBeforeParsing() {
    String path = "$" + ".a".repeat(20_000);
    assertThatThrownBy(() -> json.path("{}", path))
        .hasMessage("JsonPath is 40001 characters, above the limit of 1000");
    String pointer = "/a".repeat(20_000);
    assertThatThrownBy(() -> json.pointer("{}", pointer))
        .hasMessage("JSON Pointer is 40000 characters, above the limit of 1000");
  }

  @Test
  void deeplyNestedDocumentsAreRefused() {
    String deep = "[".repeat(300) + "]".repeat(300);
    assertThatThrownBy(() -> json.path(deep, "$"))
        .hasMessage("JSON document is nested deeper than the limit of 256");
    assertThat(json.path("[".repeat(200) + "]".repeat(200), "$.length()")).isEqualTo("1");
  }

  @Test
  void hugeResultsAreCutWhileSerialising() {
    // every level repeats the whole subtree below it: about 200 x 100 KB of text uncapped
    String doc = "{\"a\":".repeat(200) + "\"" + "x".repeat(100_000) + "\"" + "}".repeat(200);
    String result = json.path(doc, "$..a");
    assertThat(result).hasSize(20_000 + "… [result truncated at 20000 characters]".length());
    assertThat(result).startsWith("[{\"a\":{\"a\":").endsWith("… [result truncated at 20000 characters]");
  }

  @Test
  void optionsValidate() {
    assertThatThrownBy(() -> new JsonQueryOptions().setMaxSteps(0))
        .hasMessage("maxSteps must be > 0: 0");
    JsonQueryOptions copy = new JsonQueryOptions(new JsonQueryOptions().setMaxMatches(7));
    assertThat(copy.getMaxMatches()).isEqualTo(7);
    assertThat(copy.getMaxPathChars()).isEqualTo(JsonQueryOptions.DEFAULT_MAX_PATH_CHARS);
  }
}
