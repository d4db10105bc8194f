package dev.agentloop.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AgentRoutes}: the {@code /agents} routes, authentication, limits and error shapes. */
@ExtendWith(VertxExtension.class)
class AgentRoutesTest {

  static final String ALICE = "alice-token-0123456789";
  static final String BOB = "bob-token-0123456789ab";

  private EmbeddingFixture f;
  private WebClient http;
  private final List<String> bodies = new ArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    f = EmbeddingFixture.start(vertx);
    http = WebClient.create(vertx);
  }

  @AfterEach
  void tearDown() {
    // No response, successful or not, may ever reveal the server's OpenRouter key.
    assertThat(bodies).allSatisfy(b -> assertThat(b).doesNotContain(EmbeddingFixture.KEY));
    http.close();
    f.close();
  }

  private static AgentRoutesOptions options() {
    return new AgentRoutesOptions().addToken(ALICE, "alice").addToken(BOB, "bob");
  }

  @Test
  @Timeout(10)
  void runAnswersWithTheResultWithoutTranscript() {
    f.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Oslo\"}"));
    f.fake.enqueue(MockChat.text("Oslo: snow."));
    int port = f.serve(options());

    HttpResponse<Buffer> response = post(port, "/agents/weather/run", ALICE, "{\"prompt\":\"Weather in Oslo?\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject result = response.bodyAsJsonObject();
    assertThat(result.getString("text")).isEqualTo("Oslo: snow.");
    assertThat(result.getString("stopReason")).isEqualTo("COMPLETED");
    assertThat(result.getJsonArray("steps").getJsonObject(0).getJsonArray("toolCalls").getJsonObject(0)
        .getString("result")).contains("snow");
    assertThat(result.containsKey("transcript")).isFalse();
    assertThat(result.getJsonObject("usage").getInteger("totalTokens")).isPositive();
    assertThat(f.tools.cities).containsExactly("Oslo");
  }

  @Test
  @Timeout(10)
  void streamSendsTheRunsEventsAsServerSentEvents() {
    f.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Oslo\"}"));
    f.fake.enqueue(MockChat.streamText("Snow in Oslo.", 3));
    int port = f.serve(options());

    HttpResponse<Buffer> response = post(port, "/agents/weather/stream", ALICE, "{\"prompt\":\"Oslo?\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/event-stream");
    List<String[]> events = parseSse(response.bodyAsString());
    List<String> types = events.stream().map(e -> e[0]).toList();
    assertThat(types).startsWith("run_started").endsWith("run_finished")
        .containsSubsequence("tool_call_requested", "tool_call_finished", "text_delta");
    for (String[] event : events) {
      assertThat(new JsonObject(event[1]).getString("type")).isEqualTo(event[0]);
    }
    String text = events.stream().filter(e -> e[0].equals("text_delta"))
        .map(e -> new JsonObject(e[1]).getString("text")).reduce("", String::concat);
    assertThat(text).isEqualTo("Snow in Oslo.");
  }

  @Test
  @Timeout(10)
  void missingOrUnknownTokenGets401InOpenAiShape() {
    int port = f.serve(options());

    HttpResponse<Buffer> missing = post(port, "/agents/weather/run", null, "{\"prompt\":\"Hi\"}");
    HttpResponse<Buffer> unknown = post(port, "/v1/chat/completions", "not-a-valid-token-000", "{}");

    for (HttpResponse<Buffer> response : List.of(missing, unknown)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
      assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", new JsonObject()
          .put("message", "a valid bearer token is required: send 'Authorization: Bearer <token>'")
          .put("type", "invalid_request_error").put("param", null).put("code", "invalid_api_key")));
    }
    assertThat(f.fake.requestCount()).isZero();
  }

  @Test
  @Timeout(10)
  void callerOverItsRateLimitGets429WithRetryAfter() {
    int port = f.serve(options().setRateLimit(2, Duration.ofMinutes(1)));

    assertThat(get(port, "/v1/models", ALICE).statusCode()).isEqualTo(200);
    assertThat(get(port, "/v1/models", ALICE).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> limited = get(port, "/v1/models", ALICE);
    HttpResponse<Buffer> other = get(port, "/v1/models", BOB);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isBetween(1, 30);
    assertThat(limited.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("rate_limit_exceeded");
    assertThat(other.statusCode()).isEqualTo(200);
  }

  @Test
  @Timeout(10)
  void oversizedBodyGets413() {
    int port = f.serve(options().setMaxBodySize(64));

    HttpResponse<Buffer> response =
        post(port, "/agents/weather/run", ALICE, "{\"prompt\":\"" + "x".repeat(200) + "\"}");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("request_too_large");
    assertThat(f.fake.requestCount()).isZero();
  }

  @Test
  @Timeout(10)
  void malformedRequestsGet400WithAJsonError() {
    int port = f.serve(options());

    HttpResponse<Buffer> notJson = post(port, "/agents/weather/run", ALICE, "{not json");
    HttpResponse<Buffer> noPrompt = post(port, "/agents/weather/run", ALICE, "{\"conversationId\":\"c\"}");
    HttpResponse<Buffer> unknownAgent = post(port, "/agents/nobody/run", ALICE, "{\"prompt\":\"Hi\"}");

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.bodyAsJsonObject().getJsonObject("error").getString("type"))
        .isEqualTo("invalid_request_error");
    assertThat(noPrompt.statusCode()).isEqualTo(400);
    assertThat(noPrompt.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("'prompt' must be a string: missing");
    assertThat(unknownAgent.statusCode()).isEqualTo(404);
    assertThat(unknownAgent.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("no agent named: nobody");
  }

  @Test
  @Timeout(10)
  void upstreamAuthFailureNeverRevealsTheKey() {
    f.fake.enqueue(MockResponse.error(401, "Invalid key " + EmbeddingFixture.KEY + ": check OPENROUTER_API_KEY"));
    f.fake.enqueue(MockResponse.error(401, "Invalid key " + EmbeddingFixture.KEY + ": check OPENROUTER_API_KEY"));
    int port = f.serve(options());

    HttpResponse<Buffer> run = post(port, "/agents/weather/run", ALICE, "{\"prompt\":\"Hi\"}");
    HttpResponse<Buffer> stream = post(port, "/agents/weather/stream", ALICE, "{\"prompt\":\"Hi\"}");

    assertThat(run.statusCode()).isEqualTo(502);
    JsonObject error = run.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("upstream_auth");
    assertThat(error.getString("message")).doesNotContain("OPENROUTER_API_KEY");
    List<String[]> events = parseSse(stream.bodyAsString());
    assertThat(events.get(events.size() - 1)[0]).isEqualTo("run_failed");
    assertThat(stream.bodyAsString()).doesNotContain("OPENROUTER_API_KEY");
  }

  @Test
  @Timeout(10)
  void conversationsArePrivateToTheirCaller() {
    f.fake.enqueue(MockChat.text("Hello Ada."));
    f.fake.enqueue(MockChat.text("I don't know you."));
    int port = f.serve(options());

    post(port, "/agents/weather/run", ALICE, "{\"prompt\":\"I am Ada.\",\"conversationId\":\"c1\"}");
    post(port, "/agents/weather/run", BOB, "{\"prompt\":\"Who am I?\",\"conversationId\":\"c1\"}");

    assertThat(f.fake.requests().get(1).messages().encode()).doesNotContain("Ada");
  }

  @Test
  @Timeout(10)
  void anonymousCallersAreServedWhenAuthIsOff() {
    f.fake.enqueue(MockChat.text("Hi."));
    int port = f.serve(new AgentRoutesOptions().setAuthRequired(false));

    HttpResponse<Buffer> response = post(port, "/agents/weather/run", null, "{\"prompt\":\"Hi\"}");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  /** Parses an SSE body into (event, data) pairs. */
  static List<String[]> parseSse(String body) {
    List<String[]> events = new ArrayList<>();
    Matcher m = Pattern.compile("(?:event: (.*)\\n)?data: (.*)\\n\\n").matcher(body);
    while (m.find()) {
      events.add(new String[] {m.group(1), m.group(2)});
    }
    return events;
  }

  private HttpResponse<Buffer> post(int port, String path, @Nullable String token, String body) {
    return send(HttpMethod.POST, port, path, token, body);
  }

  private HttpResponse<Buffer> get(int port, String path, String token) {
    return send(HttpMethod.GET, port, path, token, null);
  }

  private HttpResponse<Buffer> send(HttpMethod method, int port, String path, @Nullable String token,
      @Nullable String body) {
    var request = http.request(method, port, "127.0.0.1", path);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    HttpResponse<Buffer> response = (body == null ? request.send()
        : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body))).await();
    bodies.add(response.bodyAsString() == null ? "" : response.bodyAsString());
    return response;
  }
}
