package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.UrlCitation;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** docs/openrouter-guide.md shows {@link OpenRouterFeaturesExample}'s snippets, and they run. */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class OpenRouterFeaturesDocTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getFileName().toString()
      .equals("agent-core") ? Path.of("..") : Path.of(".");

  private AgentFixture fx;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = AgentFixture.start(vertx);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  void markdownShowsTheExampleSnippetsVerbatim() throws Exception {
    String markdown = Files.readString(ROOT.resolve("docs/openrouter-guide.md"));
    String source = Files.readString(ROOT.resolve(
        "agent-core/src/test/java/dev/agentloop/agent/OpenRouterFeaturesExample.java"));
    for (String tag : List.of("server-tools", "extras", "caching")) {
      assertThat(markdown).contains("```java\n" + snippet(source, tag) + "```\n");
    }
  }

  @Test
  void webSearchSnippetListsTheSources(Vertx vertx) {
    fx.fake.enqueue(MockChat.text("Vert.x 5 uses futures [1].")
        .citation("https://vertx.io/blog/5", "Vert.x 5", "futures only", 20, 23));

    AgentResult result = OpenRouterFeaturesExample.webSearch(vertx, fx.client).await();

    assertThat(result.sources()).containsExactly(
        new UrlCitation("https://vertx.io/blog/5", "Vert.x 5", "futures only", 20, 23));
    JsonObject body = fx.fake.takeRequest().body();
    assertThat(body.getJsonObject("tool_choice"))
        .isEqualTo(new JsonObject().put("type", "openrouter:web_search"));
    assertThat(body.getJsonArray("tools").size()).isEqualTo(2);
  }

  @Test
  void extrasSnippetSendsTheFieldAndTheHeader() {
    fx.fake.enqueue(MockChat.text("Done."));

    OpenRouterFeaturesExample.extras(fx.agent()).await();

    RecordedRequest sent = fx.fake.takeRequest();
    assertThat(sent.body().getString("service_tier")).isEqualTo("flex");
    assertThat(sent.header("X-OpenRouter-Metadata")).isEqualTo("enabled");
  }

  @Test
  void cachingSnippetMarksTheBreakpoints(Vertx vertx) {
    fx.fake.enqueue(MockChat.text("Hold the button.").cachedTokens(1000).cacheWriteTokens(0));

    AgentResult result =
        OpenRouterFeaturesExample.caching(vertx, fx.client, "MANUAL TEXT").await();

    assertThat(result.usage().cachedTokens()).isEqualTo(1000);
    JsonObject body = fx.fake.takeRequest().body();
    assertThat(body.getJsonArray("messages").getJsonObject(0).getJsonArray("content")
        .getJsonObject(0).getJsonObject("cache_control").getString("ttl")).isEqualTo("1h");
    assertThat(body.getJsonArray("messages").getJsonObject(1).getJsonArray("content")
        .getJsonObject(0).getJsonObject("cache_control").getString("type"))
        .isEqualTo("ephemeral");
  }

  /** The lines between {@code // tag::name[]} and {@code // end::name[]}, dedented. */
  private static String snippet(String source, String tag) {
    Matcher m = Pattern.compile("// tag::" + tag + "\\[]\\n(.*?)\\n\\s*// end::" + tag + "\\[]",
        Pattern.DOTALL).matcher(source);
    assertThat(m.find()).as("tag %s", tag).isTrue();
    List<String> lines = m.group(1).lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
    return out.toString();
  }
}
