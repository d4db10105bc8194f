package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.ModelInfo;
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

  @Test
  void cacheSavingsArePricedPerModelFromTheCatalogue() {
    // 900 tokens read at $1 instead of $3 per million, 100 written at $3.75 instead of $3.
    Usage u = new Usage(1200, 10, 1210, new Usage.PromptTokensDetails(900, 100), null,
        new BigDecimal("0.001"), false);
    ModelInfo.Pricing pricing = new ModelInfo.Pricing(new BigDecimal("0.000003"),
        new BigDecimal("0.000015"), null, null, null, null, new BigDecimal("0.000001"),
        new BigDecimal("0.00000375"));
    assertThat(pricing.cacheSavings(u)).isEqualByComparingTo("0.001725");
    assertThat(Format.cache(u, pricing.cacheSavings(u)))
        .isEqualTo("cache: 900 read (75% of prompt), 100 written, saved $0.001725, ");
    Usage writesOnly = new Usage(1000, 10, 1010, new Usage.PromptTokensDetails(0, 1000), null,
        null, false);
    assertThat(Format.cache(writesOnly, pricing.cacheSavings(writesOnly)))
        .isEqualTo("cache: 0 read (0% of prompt), 1000 written, cost $0.000750 more, ");
    // Without a cache-read price nothing is known to be saved.
    ModelInfo.Pricing plain = new ModelInfo.Pricing(new BigDecimal("0.000003"), null, null, null,
        null, null, null, null);
    assertThat(plain.cacheSavings(u)).isEqualByComparingTo("0");
  }
}
