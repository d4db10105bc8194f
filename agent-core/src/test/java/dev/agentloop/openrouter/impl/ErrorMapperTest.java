package dev.agentloop.openrouter.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.OpenRouterException;
import dev.agentloop.openrouter.RetryOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

  @Test
  void retryAfterAcceptsSecondsAndHttpDates() {
    assertThat(ErrorMapper.parseRetryAfter("1")).isEqualTo(Duration.ofSeconds(1));
    assertThat(ErrorMapper.parseRetryAfter(" 2.5 ")).isEqualTo(Duration.ofMillis(2500));
    assertThat(ErrorMapper.parseRetryAfter("soon")).isNull();
    assertThat(ErrorMapper.parseRetryAfter(null)).isNull();
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
    assertThat(ErrorMapper.parseRetryAfter(date)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31));
    String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(30));
    assertThat(ErrorMapper.parseRetryAfter(past)).isEqualTo(Duration.ZERO);
  }

  @Test
  void everyStatusGetsKindAdviceAndRetryability() {
    ErrorMapper m = new ErrorMapper("sk-or-v1-k");
    Object[][] cases = {
        {400, OpenRouterException.Kind.BAD_REQUEST, false, "invalid"},
        {401, OpenRouterException.Kind.AUTH, false, "OPENROUTER_API_KEY"},
        {402, OpenRouterException.Kind.INSUFFICIENT_CREDITS, false, "credits"},
        {403, OpenRouterException.Kind.FORBIDDEN, false, "moderation"},
        {404, OpenRouterException.Kind.NOT_FOUND, false, "model id"},
        {408, OpenRouterException.Kind.TIMEOUT, true, "timed out"},
        {429, OpenRouterException.Kind.RATE_LIMITED, true, "rate limited"},
        {500, OpenRouterException.Kind.PROVIDER_ERROR, true, "retry"},
        {503, OpenRouterException.Kind.PROVIDER_ERROR, true, "no provider is available"},
        {529, OpenRouterException.Kind.PROVIDER_ERROR, true, "retry"},
    };
    for (Object[] c : cases) {
      OpenRouterException e = m.fromHttp((int) c[0], null, Buffer.buffer("{\"error\":{\"code\":"
          + c[0] + ",\"message\":\"m sk-or-v1-k\"}}"));
      assertThat(e.kind()).as("status %s", c[0]).isEqualTo(c[1]);
      assertThat(e.isRetryable()).as("status %s", c[0]).isEqualTo(c[2]);
      assertThat(e.getMessage()).startsWith(c[0] + " from OpenRouter: ").contains((String) c[3])
          .doesNotContain("sk-or-v1-k");
    }
  }

  @Test
  void backoffGrowsAndRespectsTheCaps() {
    Vertx vertx = Vertx.vertx();
    try {
      Retrier r = new Retrier(vertx, new RetryOptions().setMaxAttempts(5)
          .setBaseDelay(Duration.ofMillis(100)).setMaxDelay(Duration.ofMillis(300)).setJitter(0));
      OpenRouterException retryable = new ErrorMapper(null).fromHttp(503, null, Buffer.buffer());
      assertThat(r.delayBeforeRetry(retryable, 1)).isEqualTo(100);
      assertThat(r.delayBeforeRetry(retryable, 2)).isEqualTo(200);
      assertThat(r.delayBeforeRetry(retryable, 3)).isEqualTo(300);
      assertThat(r.delayBeforeRetry(retryable, 5)).isNull();
      OpenRouterException bad = new ErrorMapper(null).fromHttp(400, null, Buffer.buffer());
      assertThat(r.delayBeforeRetry(bad, 1)).isNull();
    } finally {
      vertx.close().await();
    }
  }
}
