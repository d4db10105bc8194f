package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.Usage;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The run summary reports prompt-cache use. */
class FormatTest {

  @Test
  void cacheUseIsReportedWithTheShareOfThePrompt() {
    Usage u = new Usage(1200, 10, 1210, new Usage.PromptTokensDetails(900, 100), null,
        new BigDecimal("0.001"), false);
    assertThat(Format.cache(u)).isEqualTo("cache: 900 read (75% of prompt), 100 written, ");
    assertThat(Format.cache(Usage.ZERO)).isEmpty();
    assertThat(Format.cache(new Usage(10, 1, 11, new Usage.PromptTokensDetails(0, 0), null, null,
        null))).isEmpty();
  }
}
