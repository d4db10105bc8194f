package dev.agentloop.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Schemas from untrusted callers: references stay local, size is bounded, patterns are timed. */
class SchemaValidatorUntrustedTest {

  static final String HOSTILE_PATTERN = "(.*a){14}$";

  private static JsonNode json(String text) {
    try {
      return JsonSchemas.objectMapper().readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void nonLocalReferencesAreRefused() {
    for (String ref : new String[] {"classpath:draft/2020-12/schema", "file:///etc/passwd",
        "http://127.0.0.1:1/schema.json", "other.json#/x"}) {
      assertThatThrownBy(() -> SchemaValidator.ofUntrusted(
          json("{'type':'object','properties':{'a':{'$ref':'" + ref + "'}}}")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("$ref must point inside the schema (start with #); references to other"
              + " documents are refused: " + ref);
    }
    assertThatThrownBy(() -> SchemaValidator.ofUntrusted(json("{'$dynamicRef':'classpath:x'}")))
        .hasMessageStartingWith("$dynamicRef must point inside the schema");
    assertThatThrownBy(() -> SchemaValidator.ofUntrusted(json("{'$schema':'classpath:x'}")))
        .hasMessage("$schema must name a standard JSON Schema dialect"
            + " (e.g. https://json-schema.org/draft/2020-12/schema): classpath:x");
  }

  @Test
  void localReferencesStandardDialectsAndKeywordNamedPropertiesAreAccepted() {
    SchemaValidator v = SchemaValidator.ofUntrusted(json("{'$schema':"
        + "'https://json-schema.org/draft/2020-12/schema','type':'object','properties':"
        + "{'a':{'$ref':'#/$defs/n'},'$ref':{'type':'string'}},'$defs':{'n':{'type':'integer'}}}"));
    assertThat(SchemaValidator.describe(v.validate(json("{'a':'x','$ref':'y'}"))))
        .isEqualTo("`/a` must be an integer; got \"x\"");
  }

  @Test
  void evenTheTrustedRegistryDoesNotLoadClasspathResources() {
    assertThatThrownBy(() -> SchemaValidator.of(json("{'$ref':'classpath:draft/2020-12/schema'}"))
        .validate(json("{}")))
        .hasMessageContaining("classpath:draft/2020-12/schema")
        .hasMessageContaining("is not allowed to be loaded");
  }

  @Test
  void sizeAndDepthAreBounded() {
    String deep = "{'type':'object','properties':{'a':".repeat(40) + "{}" + "}}".repeat(40);
    assertThatThrownBy(() -> SchemaValidator.ofUntrusted(json(deep)))
        .hasMessage("the schema is nested too deeply: more than 64 levels");
    StringBuilder wide = new StringBuilder("{'enum':[");
    for (int i = 0; i < 10_001; i++) {
      wide.append(i == 0 ? "" : ",").append(i);
    }
    assertThatThrownBy(() -> SchemaValidator.ofUntrusted(json(wide + "]}")))
        .hasMessage("the schema is too large: more than 10000 JSON nodes");
  }

  @Test
  void invalidSchemasAreIllegalArgumentsWithShortMessages() {
    assertThatThrownBy(() -> SchemaValidator.ofUntrusted(json("{'pattern':'('}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid schema: ");
    // A pattern the JDK cannot compile: the message must not quote all of it.
    String deep = "(".repeat(900) + ")".repeat(90);
    assertThatThrownBy(() -> SchemaValidator.ofUntrusted(json("{'pattern':'" + deep + "'}")))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(330));
  }

  @Test
  void longPatternsAreRefused() {
    String longPattern = "(ab|cd)".repeat(200);
    assertThatThrownBy(() -> SchemaValidator.ofUntrusted(json("{'pattern':'" + longPattern + "'}")))
        .hasMessage("a pattern is too long: 1400 characters, at most 1000");
    assertThatThrownBy(() -> SchemaValidator.ofUntrusted(
        json("{'patternProperties':{'" + longPattern + "':{}}}")))
        .hasMessage("a pattern is too long: 1400 characters, at most 1000");
  }

  @Test
  void compiledUntrustedSchemasAreReused() {
    JsonNode schema = json("{'type':'object','properties':{'n':{'type':'integer'}}}");
    assertThat(SchemaValidator.ofUntrusted(schema)).isSameAs(SchemaValidator.ofUntrusted(schema.deepCopy()));
  }

  @Test
  @Timeout(10)
  void backtrackingPatternIsStoppedAtTheBudget() {
    SchemaValidator v = SchemaValidator.ofUntrusted(
        json("{'type':'object','properties':{'name':{'type':'string','pattern':'"
            + HOSTILE_PATTERN.replace("\\", "\\\\") + "'}}}"));
    JsonNode hostile = json("{'name':'" + "a".repeat(40) + "b'}");
    long start = System.nanoTime();
    assertThatThrownBy(() -> v.validate(hostile, Duration.ofMillis(200)))
        .isInstanceOf(SchemaTimeoutException.class)
        .hasMessage("schema validation exceeded its time budget of 200 ms — the schema is too"
            + " costly to check (a backtracking pattern?)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    // The same validator still works, with and without a budget, on harmless values.
    assertThat(v.validate(json("{'name':'" + "a".repeat(14) + "'}"), Duration.ofSeconds(5)))
        .isEmpty();
    assertThat(v.validate(json("{'name':'b'}"))).hasSize(1);
  }
}
