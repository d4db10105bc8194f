package dev.agentloop.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.AgentResult;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** docs/embedding.md shows {@link EmbeddingExample}'s snippets verbatim, and they run. */
@ExtendWith(VertxExtension.class)
class EmbeddingDocTest {

  private static final Path ROOT =
      Path.of("").toAbsolutePath().getFileName().toString().equals("agent-core") ? Path.of("..") : Path.of(".");

  @Test
  void markdownShowsTheExampleSnippetsVerbatim() throws Exception {
    String markdown = Files.readString(ROOT.resolve("docs/embedding.md"));
    String source = Files.readString(
        ROOT.resolve("agent-core/src/test/java/dev/agentloop/vertx/EmbeddingExample.java"));

    for (String tag : List.of("eventbus", "http", "cluster")) {
      assertThat(markdown).contains("```java\n" + snippet(source, tag) + "```\n");
    }
  }

  @Test
  @Timeout(20)
  void eventBusSnippetRunsTheAgent(Vertx vertx) {
    EmbeddingFixture f = EmbeddingFixture.start(vertx);
    f.fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Oslo\"}"));
    f.fake.enqueue(MockChat.text("Yes, snow tonight."));

    AgentResult result = EmbeddingExample.eventBus(vertx, f.client, f.toolbox).await();

    assertThat(result.text()).isEqualTo("Yes, snow tonight.");
    assertThat(f.tools.cities).containsExactly("Oslo");
    f.close();
  }

  @Test
  @Timeout(20)
  void httpSnippetServesTheAgent(Vertx vertx) {
    EmbeddingFixture f = EmbeddingFixture.start(vertx);
    f.fake.enqueue(MockChat.text("Sunny."));
    HttpServer server = EmbeddingExample.http(vertx, f.agent(), "frontend-token-0123456789", 0).await();
    WebClient http = WebClient.create(vertx);

    HttpResponse<Buffer> response = http.post(server.actualPort(), "localhost", "/agents/weather/run")
        .bearerTokenAuthentication("frontend-token-0123456789")
        .sendJsonObject(new JsonObject().put("prompt", "Weather?"))
        .await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("text")).isEqualTo("Sunny.");
    http.close();
    server.close().await();
    f.close();
  }

  /** The lines between {@code // tag::name[]} and {@code // end::name[]}, dedented. */
  static String snippet(String source, String tag) {
    Matcher m = Pattern.compile("// tag::" + tag + "\\[]\\n(.*?)\\n\\s*// end::" + tag + "\\[]", Pattern.DOTALL)
        .matcher(source);
    assertThat(m.find()).as("tag %s", tag).isTrue();
    List<String> lines = m.group(1).lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
    return out.toString();
  }
}
