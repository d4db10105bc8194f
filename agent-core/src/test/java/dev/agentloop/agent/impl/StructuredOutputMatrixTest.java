package dev.agentloop.agent.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.tool.impl.Catalogue;
import java.lang.reflect.Type;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The catalogue of the tool matrix as structured output types: a value written as the model would
 * write it (wrapped in {@code {"value": ...}} for a non-object root) passes the strict schema sent
 * and binds back to an equal value.
 */
class StructuredOutputMatrixTest {

  private static final List<Catalogue.Entry> ENTRIES = Catalogue.entries();

  record Case(Catalogue.Entry entry, Object value) {
    @Override
    public String toString() {
      return entry.name() + ": " + Catalogue.show(value);
    }
  }

  @Property(tries = 20 * 43)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void javaValuesRoundTripThroughTheOutputSchema(@ForAll("values") Case c)
      throws JsonProcessingException {
    Statistics.label("type").collect(c.entry().name());
    Type type = c.entry().method().getGenericParameterTypes()[0];
    StructuredOutput output = StructuredOutput.forType(type);
    String json = JsonSchemas.objectMapper().writeValueAsString(c.value());
    String text = output.wrapped() ? "{\"value\":" + json + "}" : json;
    StructuredOutput.Outcome outcome = output.check(text);
    assertThat(outcome.errors()).as("%s from %s", c, text).isEmpty();
    assertThat(Catalogue.same(outcome.value(), c.value()))
        .as("%s: bound %s from %s", c, Catalogue.show(outcome.value()), text)
        .isTrue();
  }

  @Provide
  Arbitrary<Case> values() {
    return Arbitraries.of(ENTRIES).flatMap(e -> e.values().map(v -> new Case(e, v)));
  }
}
