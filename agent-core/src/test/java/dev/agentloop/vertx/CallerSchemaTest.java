package dev.agentloop.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Schemas chosen by remote callers ({@code response_format}, {@code outputSchema}): a hostile
 * pattern never blocks the event loop and is stopped at its budget, an invalid or non-local schema
 * is a 400. Runs under a blocked-thread checker of 200 ms.
 */
@Timeout(30)
class CallerSchemaTest {

  private static final long BLOCKED_LIMIT_MS = 200;
  private static final String HOSTILE = "{'type':'object','properties':{'name':{'type':'string',"
      + "'pattern':'(.*a){14}$'}},'required':['name'],'additionalProperties':false}";

  private final List<String> blocked = new CopyOnWriteArrayList<>();
  private volatile boolean watching;
  private Vertx vertx;
  private EmbeddingFixture f;
  private WebClient http;
  private int port;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx(new VertxOptions()
        .setMaxEventLoopExecuteTime(BLOCKED_LIMIT_MS)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setBlockedThreadCheckInterval(10)
        .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
    ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(event -> {
      if (watching && event.thread().getName().contains("eventloop")) {
        blocked.add(event.thread().getName() + " blocked " + event.duration() / 1_000_000
            + " ms at " + Arrays.stream(event.thread().getStackTrace()).limit(12)
                .map(String::valueOf).collect(Collectors.joining("\n    ")));
      }
    });
    f = EmbeddingFixture.start(vertx);
    http = WebClient.create(vertx);
    port = f.serve(new AgentRoutesOptions().addToken(AgentRoutesTest.ALICE, "alice"));
  }

  @AfterEach
  void tearDown() {
    http.close();
    f.close();
    vertx.close().await();
    assertThat(blocked).as("event loop blocked").isEmpty();
  }

  private static JsonObject json(String text) {
    return new JsonObject(text.replace('\'', '"'));
  }

  private static JsonObject completion(JsonObject schema) {
    return new JsonObject().put("model", "weather")
        .put("messages", List.of(new JsonObject().put("role", "user").put("content", "Hi")))
        .put("response_format", new JsonObject().put("type", "json_schema")
            .put("json_schema", new JsonObject().put("name", "out").put("schema", schema)));
  }

  private HttpResponse<Buffer> post(String path, JsonObject body) {
    return http.post(port, "127.0.0.1", path).bearerTokenAuthentication(AgentRoutesTest.ALICE)
        .putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer()).await();
  }

  /** Loads the classes of a structured run while nobody watches: class loading is not the test. */
  private void warmUp() {
    f.fake.enqueue(MockChat.text("{\"name\":\"ok\"}"));
    JsonObject plain = json("{'type':'object','properties':{'name':{'type':'string',"
        + "'pattern':'^o'}},'required':['name'],'additionalProperties':false}");
    assertThat(post("/v1/chat/completions", completion(plain)).statusCode()).isEqualTo(200);
    watching = true;
  }

  @Test
  void hostilePatternInResponseFormatNeverBlocksTheLoop() {
    warmUp();
    f.fake.enqueue(MockChat.text("{\"name\":\"" + "a".repeat(40) + "b\"}"));
    f.fake.enqueue(MockChat.text("{\"name\":\"never asked\"}"));
    long start = System.nanoTime();

    HttpResponse<Buffer> response = post("/v1/chat/completions", completion(json(HOSTILE)));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("output_invalid");
    assertThat(f.fake.requestCount()).as("no repair request").isEqualTo(2 + modelsLookups());
  }

  @Test
  void hostilePatternInOutputSchemaStopsTheRunAtTheBudget() {
    warmUp();
    f.fake.enqueue(MockChat.text("{\"name\":\"" + "a".repeat(40) + "b\"}"));

    HttpResponse<Buffer> response = post("/agents/weather/run",
        new JsonObject().put("prompt", "Hi").put("outputSchema", json(HOSTILE)));

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("output_invalid");
  }

  private static JsonObject large(String prefix) {
    JsonObject properties = new JsonObject();
    for (int i = 0; i < 1500; i++) {
      properties.put("p" + i, new JsonObject().put("type", "string")
          .put("pattern", "^" + prefix + i + "(b|c)*$").put("maxLength", 10));
    }
    return new JsonObject().put("type", "object").put("properties", properties);
  }

  @Test
  void largeSchemaIsCompiledOffTheLoop() {
    // Warms the paths that are linear in the body (JSON parsing and encoding) with another schema,
    // so that only compiling one, which is far costlier, could block the loop below.
    f.fake.enqueue(MockChat.text("{\"p1\":\"w1bc\"}"));
    assertThat(post("/v1/chat/completions", completion(large("w"))).statusCode()).isEqualTo(200);
    watching = true;
    f.fake.enqueue(MockChat.text("{\"p1\":\"a1bc\"}"));

    HttpResponse<Buffer> response = post("/v1/chat/completions", completion(large("a")));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void invalidSchemasAre400() {
    watching = true;
    HttpResponse<Buffer> openAi = post("/v1/chat/completions", completion(json("{'pattern':'('}")));
    HttpResponse<Buffer> routes = post("/agents/weather/run",
        new JsonObject().put("prompt", "Hi").put("outputSchema", json("{'pattern':'('}")));

    assertThat(openAi.statusCode()).isEqualTo(400);
    JsonObject error = openAi.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("invalid_request_error");
    assertThat(error.getString("param")).isEqualTo("response_format");
    assertThat(error.getString("message")).startsWith("the response schema is invalid: invalid schema");
    assertThat(routes.statusCode()).isEqualTo(400);
    assertThat(routes.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .startsWith("outputSchema is invalid: invalid schema");
    assertThat(f.fake.requestCount()).isZero();
  }

  @Test
  void nonLocalReferencesAre400() {
    watching = true;
    JsonObject classpath = json("{'type':'object','properties':{'a':{'$ref':"
        + "'classpath:logback.xml'}}}");
    HttpResponse<Buffer> openAi = post("/v1/chat/completions", completion(classpath));
    HttpResponse<Buffer> routes = post("/agents/weather/run",
        new JsonObject().put("prompt", "Hi").put("outputSchema", classpath));

    assertThat(openAi.statusCode()).isEqualTo(400);
    assertThat(openAi.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("the response schema is invalid: $ref must point inside the schema (start with"
            + " #); references to other documents are refused: classpath:logback.xml");
    assertThat(routes.statusCode()).isEqualTo(400);
    assertThat(routes.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("outputSchema is invalid: $ref must point inside the schema (start with #);"
            + " references to other documents are refused: classpath:logback.xml");
    assertThat(f.fake.requestCount()).isZero();
  }

  /** The models lookup the agent makes once to learn whether json_schema is supported. */
  private int modelsLookups() {
    return (int) f.fake.requests().stream().filter(r -> r.path().endsWith("/models")).count();
  }
}
