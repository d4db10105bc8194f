package dev.agentloop.agent.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Structured answers bind ordinary Java types exactly (issue 12 regressions). */
class StructuredOutputTypesTest {

  record Invoice(String id, BigDecimal total, Optional<String> memo, @Nullable Integer pages) {}

  @Test
  void decimalsKeepTheirDigits() {
    StructuredOutput output = StructuredOutput.forType(Invoice.class);
    StructuredOutput.Outcome outcome =
        output.check("{\"id\":\"a\",\"total\":19.90,\"memo\":null,\"pages\":null}");
    assertThat(outcome.errors()).isEmpty();
    assertThat(outcome.value()).isEqualTo(
        new Invoice("a", new BigDecimal("19.90"), Optional.empty(), null));
    assertThat(((Invoice) outcome.value()).total().toPlainString()).isEqualTo("19.90");
  }

  @Test
  void optionalAndNullableFieldsMayBeLeftOut() {
    StructuredOutput output = StructuredOutput.forType(Invoice.class);
    StructuredOutput.Outcome outcome = output.check("{\"id\":\"a\",\"total\":1}");
    assertThat(outcome.errors()).isEmpty();
    assertThat(outcome.value())
        .isEqualTo(new Invoice("a", BigDecimal.ONE, Optional.empty(), null));
    assertThat(output.check("{\"id\":\"a\"}").errors())
        .containsExactly("missing required property `/total`");
    assertThat(StructuredOutput.forType(Invoice[].class).check("{\"value\":[{\"id\":\"b\","
        + "\"total\":2.50,\"pages\":3}]}").errors()).isEqualTo(List.of());
  }
}
