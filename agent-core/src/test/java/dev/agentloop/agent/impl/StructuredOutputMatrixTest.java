package dev.agentloop.agent.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.tool.impl.Catalogue;
import java.lang.reflect.Type;
import java.util.List;
import dev.agentloop.tool.impl.Gen;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The catalogue of the tool matrix as structured output types: a value written as the model would
 * write it (wrapped in {@code {"value": ...}} for a non-object root) passes the strict schema sent
 * and binds back to an equal value.
 */
class StructuredOutputMatrixTest {

  private static final List<Catalogue.Entry> ENTRIES = Catalogue.entries();

  /** Tries per catalogue type. */
  static final int TRIES_PER_TYPE = 20;

  @TestFactory
  Stream<DynamicTest> javaValuesRoundTripThroughTheOutputSchema() {
    assertThat(ENTRIES).hasSizeGreaterThanOrEqualTo(30);
    return ENTRIES.stream().map(entry -> DynamicTest.dynamicTest(
        entry.name() + " (seed " + Gen.seed("structured output " + entry.name()) + ")", () -> {
      Type type = entry.method().getGenericParameterTypes()[0];
      StructuredOutput output = StructuredOutput.forType(type);
      int tries = Gen.check("structured output " + entry.name(), entry.values(), TRIES_PER_TYPE,
          Catalogue::show, value -> {
            String json = JsonSchemas.objectMapper().writeValueAsString(value);
            String text = output.wrapped() ? "{\"value\":" + json + "}" : json;
            StructuredOutput.Outcome outcome = output.check(text);
            assertThat(outcome.errors()).as("errors from %s", text).isEmpty();
            assertThat(Catalogue.same(outcome.value(), value))
                .as("bound %s from %s", Catalogue.show(outcome.value()), text)
                .isTrue();
          });
      assertThat(tries).as("tries of %s", entry.name()).isGreaterThanOrEqualTo(3);
    }));
  }
}
