package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The quick start in docs/quick-start.md compiles, runs, and matches {@link QuickStartExample}. */
@ExtendWith(VertxExtension.class)
class QuickStartTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getFileName().toString().equals("agent-core")
      ? Path.of("..") : Path.of(".");

  @Test
  void markdownShowsTheExampleSource() throws Exception {
    String markdown = Files.readString(ROOT.resolve("docs/quick-start.md"));
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    assertThat(m.find()).isTrue();
    String source = Files.readString(
        ROOT.resolve("agent-core/src/test/java/dev/agentloop/agent/QuickStartExample.java"));
    assertThat(m.group(1)).isEqualTo(source);
    assertThat(source.lines().filter(l -> !l.isBlank() && !l.startsWith("import") && !l.startsWith("package")).count())
        .isLessThan(30);
  }

  @Test
  @Timeout(10)
  void exampleRunsAgainstTheFake(Vertx vertx) {
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    fake.enqueue(MockChat.toolCalls(MockChat.ToolCall.of("temperature", "{\"city\":\"Oslo\"}"),
        MockChat.ToolCall.of("raining", "{\"city\":\"Oslo\"}")));
    fake.enqueue(MockChat.text("{\"city\":\"Oslo\",\"celsius\":-3,\"advice\":\"Wear a warm coat.\"}"));

    QuickStartExample.Outfit outfit = QuickStartExample.advise(vertx,
        new OpenRouterOptions().setApiKey("sk-test").setBaseUrl(fake.baseUrl()), "Oslo").await();

    assertThat(outfit).isEqualTo(new QuickStartExample.Outfit("Oslo", -3, "Wear a warm coat."));
    assertThat(fake.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList().get(1).messages().getJsonObject(3).getString("content")).isEqualTo("-3");
    fake.close().await();
  }
}
