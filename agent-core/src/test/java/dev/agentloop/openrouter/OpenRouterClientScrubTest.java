package dev.agentloop.openrouter;

import static dev.agentloop.openrouter.OpenRouterClientChatTest.KEY;
import static dev.agentloop.openrouter.OpenRouterClientChatTest.failure;
import static dev.agentloop.openrouter.OpenRouterClientChatTest.hello;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.OpenRouterException.Kind;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API key never surfaces in an OpenRouterException: not in its message (even when the server's
 * text is cut right through the key), its metadata, rawError(), errorCode() or partialText().
 */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class OpenRouterClientScrubTest {

  /** Enough of the key to identify it: its secret part, without the public "sk-or-v1-" prefix. */
  static final String KEY_PART = KEY.substring(9, 17);

  ScriptedServer server;
  OpenRouterClient client;

  @BeforeEach
  void setUp(Vertx vertx) {
    server = ScriptedServer.start(vertx);
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey(KEY)
        .setBaseUrl(server.url()).setRetry(new RetryOptions().setMaxAttempts(1)
            .setBaseDelay(Duration.ofMillis(10))));
  }

  @AfterEach
  void tearDown() {
    client.close().await();
    server.close().await();
  }

  static void assertClean(OpenRouterException e) {
    assertThat(e.getMessage()).doesNotContain(KEY_PART);
    assertThat(String.valueOf(e.metadata())).doesNotContain(KEY_PART);
    assertThat(String.valueOf(e.rawError())).doesNotContain(KEY_PART);
    assertThat(String.valueOf(e.errorCode())).doesNotContain(KEY_PART);
    assertThat(String.valueOf(e.partialText())).doesNotContain(KEY_PART);
    assertThat(String.valueOf(e.providerName())).doesNotContain(KEY_PART);
  }

  @Test
  void keySplitAtTheCutOfAPlainErrorBodyIsScrubbed() {
    // The message keeps the first 500 characters of the body: the key straddles that cut.
    String body = "x".repeat(480) + KEY + " tail";
    server.enqueue(req -> req.response().setStatusCode(400).putHeader("Content-Type", "text/plain")
        .end(body));
    OpenRouterException e = failure(client.chat(hello()));
    assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST);
    assertClean(e);
    assertThat(e.getMessage()).contains("x".repeat(480) + "<redacted>");
  }

  @Test
  void keySplitAtTheCutOfTheUpstreamErrorAndInMetadataIsScrubbed() {
    String raw = "r".repeat(280) + KEY + " more";
    JsonObject metadata = new JsonObject().put("raw", raw).put("provider_name", "P " + KEY)
        .put("nested", new JsonObject().put(KEY, new io.vertx.core.json.JsonArray().add(KEY)));
    server.enqueueJson(502, new JsonObject().put("error", new JsonObject().put("code", KEY)
        .put("message", "upstream said " + KEY).put("metadata", metadata)).encode());
    OpenRouterException e = failure(client.chat(hello()));
    assertClean(e);
    assertThat(e.rawError()).isEqualTo("r".repeat(280) + "<redacted> more");
    assertThat(e.providerName()).isEqualTo("P <redacted>");
    assertThat(e.metadata().path("nested").path("<redacted>").get(0).asText()).isEqualTo("<redacted>");
    assertThat(e.errorCode().asText()).isEqualTo("<redacted>");
    assertThat(e.getMessage()).contains("upstream said <redacted>")
        .contains("upstream: " + "r".repeat(280) + "<redacted>");
  }

  @Test
  void keyInStreamedTextBeforeAnErrorIsScrubbedFromPartialText() {
    server.enqueueSse(0, OpenRouterClientStreamTest.text("gen-s", "my key is " + KEY),
        "data: {\"id\":\"gen-s\",\"error\":{\"code\":502,\"message\":\"boom " + KEY + "\"},"
            + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"error\"}]}\n\n");
    OpenRouterException e = failure(client.stream(hello()).compose(ChatStream::result));
    assertClean(e);
    assertThat(e.partialText()).isEqualTo("my key is <redacted>");
  }

  @Test
  void keyInAMalformedStreamEventSplitAtItsCutIsScrubbed() {
    // The message quotes the first 200 characters of the event: the key straddles that cut.
    server.enqueueSse(0, "data: {" + "z".repeat(175) + KEY + "\n\n");
    OpenRouterException e = failure(client.stream(hello()).compose(ChatStream::result));
    assertThat(e.kind()).isEqualTo(Kind.INVALID_RESPONSE);
    assertClean(e);
  }

  @Test
  void keyInStreamedTextIsScrubbedFromACancelledStream() {
    server.enqueueSse(300, OpenRouterClientStreamTest.text("gen-s", KEY),
        OpenRouterClientStreamTest.text("gen-s", "later"));
    OpenRouterException e = failure(client.stream(hello()).compose(s -> {
      s.handler(c -> s.cancel());
      return s.result();
    }));
    assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
    assertClean(e);
    assertThat(e.partialText()).isEqualTo("<redacted>");
  }
}
