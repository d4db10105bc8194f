package dev.agentloop.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link AgentRoutes} against browsers and stray clients: content types, Host headers, CORS,
 * unmatched routes and methods, per-caller rate limits and keep-alive comments.
 */
@ExtendWith(VertxExtension.class)
class AgentRoutesGuardTest {

  private static final String ALICE = AgentRoutesTest.ALICE;

  private EmbeddingFixture f;
  private WebClient http;

  @BeforeEach
  void setUp(Vertx vertx) {
    f = EmbeddingFixture.start(vertx);
    http = WebClient.create(vertx);
  }

  @AfterEach
  void tearDown() {
    http.close();
    f.close();
  }

  private static AgentRoutesOptions options() {
    return new AgentRoutesOptions().addToken(ALICE, "alice");
  }

  @Test
  @Timeout(10)
  void postsThatAreNotJsonGet415BeforeAnyRun() {
    int port = f.serve(new AgentRoutesOptions().setAuthRequired(false));
    String body = "{\"model\":\"weather\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
      HttpResponse<Buffer> response =
          send(HttpMethod.POST, port, "/v1/chat/completions", headers("Content-Type", type), body);
      assertThat(response.statusCode()).as(String.valueOf(type)).isEqualTo(415);
      assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("message"))
          .isEqualTo("the body must be sent as Content-Type: application/json: "
              + (type == null ? "none" : type));
    }
    HttpResponse<Buffer> form = send(HttpMethod.POST, port, "/agents/weather/run",
        headers("Content-Type", "text/plain;charset=UTF-8"), "{\"prompt\":\"Hi\"}");
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(f.fake.requestCount()).isZero();
  }

  @Test
  @Timeout(10)
  void jsonWithCharsetIsAccepted() {
    f.fake.enqueue(MockChat.text("Hi."));
    int port = f.serve(options());

    HttpResponse<Buffer> response = send(HttpMethod.POST, port, "/agents/weather/run",
        auth("Content-Type", "Application/JSON; charset=utf-8"), "{\"prompt\":\"Hi\"}");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  @Timeout(10)
  void foreignHostHeaderGets403WhenHostsAreRestricted() {
    f.fake.enqueue(MockChat.text("Hi."));
    int port = f.serve(options().addAllowedHost("127.0.0.1").addAllowedHost("localhost"));

    HttpResponse<Buffer> rebound =
        send(HttpMethod.GET, port, "/v1/models", auth("Host", "evil.example:" + port), null);
    HttpResponse<Buffer> local =
        send(HttpMethod.GET, port, "/v1/models", auth("Host", "LOCALHOST:" + port), null);
    HttpResponse<Buffer> direct = send(HttpMethod.GET, port, "/v1/models", auth(), null);

    assertThat(rebound.statusCode()).isEqualTo(403);
    assertThat(rebound.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("the Host header names a host this server does not serve: evil.example");
    assertThat(local.statusCode()).isEqualTo(200);
    assertThat(direct.statusCode()).isEqualTo(200);
  }

  @Test
  @Timeout(10)
  void wrongMethodGets405WithAllowAndUnknownPath404InOpenAiShape() {
    int port = f.serve(options());

    HttpResponse<Buffer> wrongMethod =
        send(HttpMethod.DELETE, port, "/v1/chat/completions", auth(), null);
    HttpResponse<Buffer> getModel = send(HttpMethod.POST, port, "/v1/models/weather",
        auth("Content-Type", "application/json"), "{}");
    HttpResponse<Buffer> unknown = send(HttpMethod.GET, port, "/v1/assistants", auth(), null);
    HttpResponse<Buffer> unknownAgentRoute =
        send(HttpMethod.GET, port, "/agents/weather/history", auth(), null);

    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.getHeader("Allow")).isEqualTo("POST");
    assertThat(wrongMethod.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error",
        new JsonObject()
            .put("message", "method not allowed: DELETE /v1/chat/completions; use POST")
            .put("type", "invalid_request_error").put("param", null)
            .put("code", "method_not_allowed")));
    assertThat(getModel.statusCode()).isEqualTo(405);
    assertThat(getModel.getHeader("Allow")).isEqualTo("GET");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(unknown.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("no such route: GET /v1/assistants");
    assertThat(unknownAgentRoute.statusCode()).isEqualTo(404);
  }

  @Test
  @Timeout(10)
  void runsRoutesAreMountedBeforeTheCatchAllAndTheir405sNameTheirMethods() {
    int port = f.serve(options());

    HttpResponse<Buffer> listed = send(HttpMethod.GET, port, "/v1/runs", auth(), null);
    HttpResponse<Buffer> missing = send(HttpMethod.GET, port, "/v1/runs/run-nope", auth(), null);
    HttpResponse<Buffer> deleteRuns = send(HttpMethod.DELETE, port, "/v1/runs", auth(), null);
    HttpResponse<Buffer> getCancel =
        send(HttpMethod.GET, port, "/v1/runs/run-1/cancel", auth(), null);
    HttpResponse<Buffer> putRun = send(HttpMethod.PUT, port, "/v1/runs/run-1", auth(), null);

    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .doesNotStartWith("no such route");
    assertThat(deleteRuns.statusCode()).isEqualTo(405);
    assertThat(deleteRuns.getHeader("Allow")).isEqualTo("GET, POST");
    assertThat(getCancel.statusCode()).isEqualTo(405);
    assertThat(getCancel.getHeader("Allow")).isEqualTo("POST");
    assertThat(putRun.statusCode()).isEqualTo(405);
    assertThat(putRun.getHeader("Allow")).isEqualTo("GET");
  }

  @Test
  @Timeout(10)
  void withoutCorsOptionsAnswersAllowButNoCorsHeaders() {
    int port = f.serve(options());

    HttpResponse<Buffer> preflight = send(HttpMethod.OPTIONS, port, "/v1/chat/completions",
        headers("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"), null);

    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.getHeader("Allow")).isEqualTo("POST, OPTIONS");
    assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  @Timeout(10)
  void corsOriginGetsPreflightAnswersOthersDoNot() {
    int port = f.serve(options().addCorsOrigin("https://app.example"));

    HttpResponse<Buffer> allowed = send(HttpMethod.OPTIONS, port, "/v1/chat/completions",
        headers("Origin", "https://app.example", "Access-Control-Request-Method", "POST",
            "Access-Control-Request-Headers", "authorization,content-type"), null);
    HttpResponse<Buffer> models =
        send(HttpMethod.GET, port, "/v1/models", auth("Origin", "https://app.example"), null);
    HttpResponse<Buffer> other = send(HttpMethod.OPTIONS, port, "/v1/chat/completions",
        headers("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"), null);

    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
    assertThat(allowed.getHeader("Access-Control-Allow-Headers").toLowerCase())
        .contains("authorization").contains("content-type");
    assertThat(models.statusCode()).isEqualTo(200);
    assertThat(models.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
    assertThat(other.getHeader("Access-Control-Allow-Origin")).isNull();
    assertThat(other.statusCode()).isEqualTo(403);
  }

  @Test
  @Timeout(10)
  void anonymousCallersWithDifferentKeysHaveTheirOwnRateLimit() {
    int port = f.serve(new AgentRoutesOptions().setAuthRequired(false)
        .setRateLimit(1, Duration.ofMinutes(1)));

    int first = send(HttpMethod.GET, port, "/v1/models", bearer("sdk-one"), null).statusCode();
    int again = send(HttpMethod.GET, port, "/v1/models", bearer("sdk-one"), null).statusCode();
    int second = send(HttpMethod.GET, port, "/v1/models", bearer("sdk-two"), null).statusCode();
    int bare = send(HttpMethod.GET, port, "/v1/models", headers(), null).statusCode();
    int bareAgain = send(HttpMethod.GET, port, "/v1/models", headers(), null).statusCode();

    assertThat(new int[] {first, again, second, bare, bareAgain})
        .containsExactly(200, 429, 200, 200, 429);
  }

  @Test
  @Timeout(10)
  void silentGapsOfAStreamCarryKeepAliveComments() {
    f.fake.enqueue(MockResponse.chat(MockChat.streamText("Late snow.", 2)).newBuilder()
        .headersDelay(Duration.ofMillis(500)).build());
    int port = f.serve(options().setKeepAliveInterval(Duration.ofMillis(100)));

    HttpResponse<Buffer> response = send(HttpMethod.POST, port, "/agents/weather/stream",
        auth("Content-Type", "application/json"), "{\"prompt\":\"Hi\"}");

    String body = response.bodyAsString();
    assertThat(body).contains(": keep-alive\n\n");
    assertThat(body.indexOf(": keep-alive")).isGreaterThan(body.indexOf("event: run_started"))
        .isLessThan(body.indexOf("event: text_delta"));
    assertThat(body).endsWith("\n\n").contains("event: run_finished");
  }

  private static MultiMap headers(@Nullable String... pairs) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        headers.add(pairs[i], pairs[i + 1]);
      }
    }
    return headers;
  }

  private static MultiMap auth(String... pairs) {
    return headers(pairs).add("Authorization", "Bearer " + ALICE);
  }

  private static MultiMap bearer(String token) {
    return headers("Authorization", "Bearer " + token);
  }

  private HttpResponse<Buffer> send(
      HttpMethod method, int port, String path, MultiMap headers, @Nullable String body) {
    var request = http.request(method, port, "127.0.0.1", path).putHeaders(headers);
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
  }
}
