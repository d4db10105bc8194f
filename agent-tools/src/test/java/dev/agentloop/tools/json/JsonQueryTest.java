package dev.agentloop.tools.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.tools.AbstractToolTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonQueryTest extends AbstractToolTest {

  private static final String DOC =
      "{\"store\":{\"name\":\"Corner\",\"open\":true,\"items\":["
          + "{\"id\":1,\"name\":\"pen\",\"price\":1.5},"
          + "{\"id\":2,\"name\":\"book\",\"price\":12},"
          + "{\"id\":3,\"name\":\"a/b~c\",\"price\":null}]}}";

  private final JsonQuery json = new JsonQuery();

  @Override
  protected Class<?> toolClass() {
    return JsonQuery.class;
  }

  @Override
  protected List<String> expectedToolNames() {
    return List.of("json_pointer", "json_path");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "/store/name          | \"Corner\"",
        "/store/open          | true",
        "/store/items/1/price | 12",
        "/store/items/2/price | null",
        "/store/items/0       | {\"id\":1,\"name\":\"pen\",\"price\":1.5}"
      })
  void pointerSelectsValues(String pointer, String expected) {
    assertThat(json.pointer(DOC, pointer)).isEqualTo(expected);
  }

  @Test
  void emptyPointerIsWholeDocument() {
    assertThat(json.pointer("[1, 2]", "")).isEqualTo("[1,2]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "$.store.name                        | \"Corner\"",
        "$.store.items[*].id                 | [1,2,3]",
        "$..name                             | [\"Corner\",\"pen\",\"book\",\"a/b~c\"]",
        "$.store.items[?(@.price > 5)].name  | [\"book\"]",
        "$.store.items.length()              | 3",
        "$.store.items[-1:].id               | [3]"
      })
  void pathSelectsValues(String path, String expected) {
    assertThat(json.path(DOC, path)).isEqualTo(expected);
  }

  @Test
  void missingPointerValueIsReported() {
    assertThatThrownBy(() -> json.pointer(DOC, "/store/owner"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value at JSON Pointer /store/owner");
  }

  @Test
  void invalidPointerIsReportedWithExample() {
    assertThatThrownBy(() -> json.pointer(DOC, "store/name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid JSON Pointer 'store/name': it must be empty or start with '/',"
            + " e.g. /items/0/name");
  }

  @Test
  void missingDefinitePathIsReported() {
    assertThatThrownBy(() -> json.path(DOC, "$.store.owner"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value at JsonPath $.store.owner: No results for path: $['store']['owner']");
  }

  @Test
  void invalidPathIsReportedWithExample() {
    assertThatThrownBy(() -> json.path(DOC, "$.store[?("))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid JsonPath '$.store[?(': ")
        .hasMessageEndingWith("; e.g. $.items[*].name");
  }

  @Test
  void invalidJsonIsReportedWithLineAndColumn() {
    assertThatThrownBy(() -> json.pointer("{\n  \"a\": 1,\n  }", "/a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid JSON at line 3, column 3: Unexpected character ('}' (code 125)):"
            + " was expecting double-quote to start field name");
    assertThatThrownBy(() -> json.path("{\"a\": 1} x", "$.a"))
        .hasMessageStartingWith("invalid JSON at line 1, column 10: ");
    assertThatThrownBy(() -> json.path("", "$.a")).hasMessage("invalid JSON: the document is empty");
  }

  @Test
  void capsApply() {
    JsonQuery small = new JsonQuery(new JsonQueryOptions().setMaxJsonChars(10).setMaxResultChars(5));
    assertThatThrownBy(() -> small.pointer("[1,2,3,4,5,6]", ""))
        .hasMessage("JSON document is 13 characters, above the limit of 10");
    assertThat(small.pointer("[1,2,3,4]", "")).isEqualTo("[1,2,… [result truncated at 5 characters]");
  }
}
