package dev.agentloop.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.openrouter.impl.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** {@link Usage} reads every reported field and {@link Usage#plus} keeps them all. */
class UsageTest {

  @Test
  void plusKeepsCacheWritesByokAndDetails() {
    Usage a = new Usage(100, 10, 110, new Usage.PromptTokensDetails(60, 30, 1, null),
        new Usage.CompletionTokensDetails(5, null, 2, 1, 0), new BigDecimal("0.01"), false,
        new Usage.CostDetails(null, new BigDecimal("0.004"), new BigDecimal("0.001")),
        new Usage.ServerToolUseDetails(2, null, null));
    Usage b = new Usage(50, 5, 55, new Usage.PromptTokensDetails(40, 20), null,
        new BigDecimal("0.02"), true, null, new Usage.ServerToolUseDetails(1, 1, 1));

    Usage sum = a.plus(b);

    assertThat(sum.promptTokensDetails()).isEqualTo(new Usage.PromptTokensDetails(100, 50, 1, null));
    assertThat(sum.completionTokensDetails()).isEqualTo(a.completionTokensDetails());
    assertThat(sum.isByok()).isTrue();
    assertThat(sum.costDetails()).isEqualTo(a.costDetails());
    assertThat(sum.serverToolUseDetails()).isEqualTo(new Usage.ServerToolUseDetails(3, 1, 1));
    assertThat(sum.cost()).isEqualByComparingTo("0.03");
    assertThat(Usage.ZERO.plus(Usage.ZERO).isByok()).isNull();
    assertThat(a.plus(a).isByok()).isFalse();
  }

  @Test
  void theOlderServerToolUseFieldIsRead() throws Exception {
    Usage u = Json.MAPPER.readValue("{\"prompt_tokens\":1,\"completion_tokens\":2,"
        + "\"total_tokens\":3,\"server_tool_use\":{\"web_search_requests\":4}}", Usage.class);
    assertThat(u.webSearchRequests()).isEqualTo(4);
  }

  @Test
  void cacheControlAcceptsOnlyEphemeralWithAKnownTtl() {
    assertThat(Json.encode(CacheControl.ephemeral("1h")).toString())
        .isEqualTo("{\"type\":\"ephemeral\",\"ttl\":\"1h\"}");
    assertThatThrownBy(() -> CacheControl.ephemeral("2h"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cache control ttl must be 5m or 1h: 2h");
    assertThatThrownBy(() -> new CacheControl("persistent", null))
        .hasMessage("cache control type must be ephemeral: persistent");
  }
}
