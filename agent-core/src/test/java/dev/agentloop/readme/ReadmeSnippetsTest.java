package dev.agentloop.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keeps the README honest: every Java snippet in it is either a snippet of a docs page (each of
 * which is compiled and run by its own test) or a marked region of a compiled test source here.
 */
@ExtendWith(VertxExtension.class)
class ReadmeSnippetsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyJavaSnippetInTheReadmeComesFromTestedCode() throws IOException {
    List<String> readme = javaBlocks(Files.readString(ROOT.resolve("README.md")));
    List<String> tested = new ArrayList<>();
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
        tested.addAll(javaBlocks(Files.readString(doc)));
      }
    }
    tested.add(region(Path.of("src/test/java/dev/agentloop/readme/ClientReadmeExample.java"), "client"));

    assertThat(readme).isNotEmpty();
    assertThat(tested).containsAll(readme);
  }

  @Test
  void readmeIncludesEveryDocsPageItIsAssembledFrom() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Matcher include = Pattern.compile("\\{\\{include ([^}\\s]+)").matcher(
        Files.readString(ROOT.resolve("docs/readme.template.md")));
    int pages = 0;
    while (include.find()) {
      pages++;
      String page = Files.readString(ROOT.resolve(include.group(1)));
      for (String paragraph : page.split("\n\\s*\n")) {
        String text = paragraph.lines().filter(l -> !l.startsWith("#"))
            .collect(Collectors.joining("\n"));
        assertThat(readme).as("README is stale; run python3 docs/assemble-readme.py (%s)",
            include.group(1)).contains(text.strip());
      }
    }
    assertThat(pages).isGreaterThanOrEqualTo(6);
  }

  @Test
  @Timeout(10)
  void clientSnippetRunsAgainstTheSimulator(Vertx vertx) {
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    fake.enqueue(MockChat.text("Hi there!"));

    String answer = ClientReadmeExample.hello(
        vertx, new OpenRouterOptions().setApiKey("test-key").setBaseUrl(fake.baseUrl())).await();

    assertThat(answer).isEqualTo("Hi there!");
    RecordedRequest request = fake.takeRequest();
    assertThat(request.body().getJsonArray("models")).isEqualTo(new JsonArray().add("anthropic/claude-3.5-haiku"));
    assertThat(request.body().getJsonObject("provider").getMap())
        .containsEntry("sort", "price").containsEntry("data_collection", "deny");
    assertThat(request.body().getInteger("max_tokens")).isEqualTo(256);
    fake.close().await();
  }

  private static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** The lines between the region's markers, de-indented to the first line's indentation. */
  private static String region(Path source, String name) throws IOException {
    List<String> lines = Files.readAllLines(source);
    int start = indexOf(lines, "// README:" + name + ":start") + 1;
    int end = indexOf(lines, "// README:" + name + ":end");
    List<String> body = lines.subList(start, end);
    int indent = body.get(0).length() - body.get(0).stripLeading().length();
    return body.stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("marker not found: " + marker);
  }
}
