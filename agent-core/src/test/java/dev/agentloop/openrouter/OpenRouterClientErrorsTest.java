package dev.agentloop.openrouter;

import static dev.agentloop.openrouter.OpenRouterClientChatTest.KEY;
import static dev.agentloop.openrouter.OpenRouterClientChatTest.OK;
import static dev.agentloop.openrouter.OpenRouterClientChatTest.failure;
import static dev.agentloop.openrouter.OpenRouterClientChatTest.hello;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.OpenRouterException.Kind;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(10)
class OpenRouterClientErrorsTest {

  ScriptedServer server;
  OpenRouterClient client;
  Vertx vertx;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    server = ScriptedServer.start(vertx);
    client = create(new RetryOptions().setBaseDelay(Duration.ofMillis(10)));
  }

  OpenRouterClient create(RetryOptions retry) {
    return OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(server.url()).setRetry(retry));
  }

  @AfterEach
  void tearDown() {
    client.close().await();
    server.close().await();
  }

  static String error(int code, String message) {
    return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}";
  }

  @Test
  void rateLimitWithRetryAfterIsRetriedAfterTheServersDelay() {
    server.enqueue(req -> req.response().setStatusCode(429).putHeader("Retry-After", "1")
        .end(error(429, "Rate limit exceeded")));
    server.enqueueJson(200, OK);
    long start = System.nanoTime();
    ChatResponse r = client.chat(hello()).await();
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.message().text()).isEqualTo("Hello!");
    assertThat(elapsedMs).isGreaterThanOrEqualTo(900);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void retryAfterBeyondTheCapIsNotWaitedFor() {
    client.close().await();
    client = create(new RetryOptions().setMaxRetryAfter(Duration.ofSeconds(1)));
    server.enqueue(req -> req.response().setStatusCode(429).putHeader("Retry-After", "120")
        .end(error(429, "slow down")));
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void insufficientCreditsFailsAtOnceWithAdvice() {
    server.fallback(req -> ScriptedServer.json(req.response(), 402, "{\"error\":{\"code\":402,"
        + "\"message\":\"This request requires more credits, or fewer max_tokens.\","
        + "\"metadata\":{\"provider_name\":null}}}"));
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.INSUFFICIENT_CREDITS);
    assertThat(e.statusCode()).isEqualTo(402);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).startsWith("402 from OpenRouter: insufficient credits")
        .contains("https://openrouter.ai/settings/credits").contains("max_tokens");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void unauthorizedMentionsTheVariableButNeverTheKey() {
    // A hostile server echoing the key must not leak it into the message either.
    server.fallback(req -> ScriptedServer.json(req.response(), 401,
        error(401, "User not found for key " + KEY)));
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.AUTH);
    assertThat(e.getMessage()).contains("OPENROUTER_API_KEY").doesNotContain(KEY)
        .contains("<redacted>");
    assertThat(e.toString()).doesNotContain(KEY);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void badRequestIsNeverRetried() {
    server.fallback(req -> ScriptedServer.json(req.response(), 400, error(400, "bad param")));
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST);
    assertThat(e.getMessage()).startsWith("400 from OpenRouter").contains("bad param");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void contextLengthErrorsHaveTheirOwnKind() {
    server.fallback(req -> ScriptedServer.json(req.response(), 400, "{\"error\":{\"code\":400,"
        + "\"message\":\"too long\",\"metadata\":{\"error_type\":\"context_length_exceeded\"}}}"));
    assertThat(failure(client.chat(hello())).kind()).isEqualTo(Kind.CONTEXT_TOO_LONG);
  }

  @Test
  void forbiddenCarriesModerationReasons() {
    server.fallback(req -> ScriptedServer.json(req.response(), 403, "{\"error\":{\"code\":403,"
        + "\"message\":\"flagged\",\"metadata\":{\"reasons\":[\"violence\"],\"provider_name\":\"X\","
        + "\"flagged_input\":\"...\"}}}"));
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(e.moderationReasons()).containsExactly("violence");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void notFoundIsNotRetriedUnlessAvailabilitySaysSo() {
    server.fallback(req -> ScriptedServer.json(req.response(), 404, "{\"error\":{\"code\":404,"
        + "\"message\":\"No endpoints found that support tool use.\"}}"));
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(e.getMessage()).contains("tools");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void availabilityRetryableOverridesTheStatus() {
    server.enqueueJson(404, "{\"error\":{\"code\":404,\"message\":\"busy\",\"availability\":"
        + "{\"code\":\"some_new_code\",\"retryable\":true,\"retry_after\":0.05}}}");
    server.enqueueJson(200, OK);
    assertThat(client.chat(hello()).await().message().text()).isEqualTo("Hello!");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void serverErrorsAreRetriedThenSucceed() {
    server.enqueueJson(502, error(502, "Provider returned error"));
    server.enqueueJson(503, error(503, "overloaded"));
    server.enqueueJson(200, OK);
    assertThat(client.chat(hello()).await().message().text()).isEqualTo("Hello!");
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void serverErrorsExhaustTheAttempts() {
    server.fallback(req -> ScriptedServer.json(req.response(), 500, error(500, "Internal")));
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.PROVIDER_ERROR);
    assertThat(e.isRetryable()).isTrue();
    assertThat(server.requests()).hasSize(RetryOptions.DEFAULT_MAX_ATTEMPTS);
  }

  @Test
  void requestTimeout408IsRetried() {
    server.enqueueJson(408, error(408, "Request timed out"));
    server.enqueueJson(200, OK);
    client.chat(hello()).await();
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void hangingServerHitsTheTimeout() {
    client.close().await();
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(server.url()).setIdleTimeout(Duration.ofMillis(300))
        .setRetry(RetryOptions.none()));
    server.fallback(req -> { }); // never answers
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.getMessage()).doesNotContain(KEY).contains("timeout");
  }

  @Test
  void overallRequestTimeoutAppliesToSlowTrickles() {
    client.close().await();
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(server.url()).setRequestTimeout(Duration.ofMillis(400))
        .setRetry(RetryOptions.none()));
    server.fallback(req -> {
      req.response().setChunked(true).write(" ");
      vertx.setPeriodic(100, t -> {
        if (req.response().closed()) {
          vertx.cancelTimer(t);
        } else {
          req.response().write(" ");
        }
      });
    });
    assertThat(failure(client.chat(hello())).kind()).isEqualTo(Kind.TIMEOUT);
  }

  @Test
  void theIdleTimeoutEndsWithTheHeadersAndTheRequestTimeoutStillApplies() {
    client.close().await();
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(server.url()).setIdleTimeout(Duration.ofMillis(200))
        .setRequestTimeout(Duration.ofMillis(1500)).setRetry(RetryOptions.none()));
    // headers at once, the body after more than the idle timeout but within the request timeout
    server.enqueue(req -> {
      req.response().setChunked(true).putHeader("content-type", "application/json");
      req.response().writeHead();
      vertx.setTimer(500, t -> req.response().end(OK));
    });
    assertThat(client.chat(hello()).await().message().text()).isEqualTo("Hello!");

    client.close().await();
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(server.url()).setIdleTimeout(Duration.ofMillis(200))
        .setRequestTimeout(Duration.ofMillis(700)).setRetry(RetryOptions.none()));
    server.enqueue(req -> {
      req.response().setChunked(true).putHeader("content-type", "application/json");
      req.response().writeHead(); // and no body
    });
    long start = System.nanoTime();
    OpenRouterException e = failure(client.chat(hello()));
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.getMessage())
        .contains("(no complete response within the request timeout of 700 ms)");
    assertThat(elapsedMs).isGreaterThanOrEqualTo(700);

    // no headers at all: the idle timeout passes first and says so
    server.enqueue(req -> { });
    e = failure(client.chat(hello()));
    assertThat(e.getMessage())
        .contains("(no response headers within the idle timeout of 200 ms)");
  }

  @Test
  void droppedConnectionIsATransportError() {
    client.close().await();
    client = create(RetryOptions.none());
    server.fallback(req -> req.connection().close());
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void transportErrorsAreRetried() {
    server.enqueue(req -> req.connection().close());
    server.enqueueJson(200, OK);
    client.chat(hello()).await();
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void refusedConnectionIsATransportError() {
    client.close().await();
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl("http://127.0.0.1:1/api/v1").setRetry(RetryOptions.none()));
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
    assertThat(e.getMessage()).contains("OPENROUTER_BASE_URL").doesNotContain(KEY);
  }

  @Test
  void nonJsonErrorBodiesStillFailTyped() {
    server.fallback(req -> req.response().setStatusCode(502).end("<html>Bad gateway</html>"));
    client.close().await();
    client = create(RetryOptions.none());
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.PROVIDER_ERROR);
    assertThat(e.getMessage()).contains("Bad gateway");
  }
}
