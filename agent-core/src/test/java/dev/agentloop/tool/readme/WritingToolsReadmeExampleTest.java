package dev.agentloop.tool.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps docs/writing-tools.md honest: its example is this package's WeatherTools, and it works. */
class WritingToolsReadmeExampleTest {

  private static final Path README = Path.of("..", "docs", "writing-tools.md");
  private static final Path SOURCE =
      Path.of("src", "test", "java", "dev", "agentloop", "tool", "readme", "WeatherTools.java");

  private static String block(String markdown, String language, int index) {
    Matcher matcher = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    for (int i = 0; i <= index; i++) {
      assertThat(matcher.find()).as("code block %d", i).isTrue();
    }
    return matcher.group(1);
  }

  @Test
  void readmeExampleIsTheCompiledSource() throws Exception {
    String markdown = Files.readString(README);
    assertThat(block(markdown, "java", 0)).isEqualTo(Files.readString(SOURCE));
  }

  @Test
  void readmeSchemaAndInvocationAreWhatHappens() throws Exception {
    Toolbox tools = Toolbox.builder()
        .add(new WeatherTools())
        .defaultTimeout(Duration.ofSeconds(20))
        .build();
    JsonNode documented = JsonSchemas.objectMapper().readTree(block(Files.readString(README), "json", 0));
    JsonNode actual = JsonSchemas.objectMapper().readTree(tools.find("forecast").orElseThrow().parameters().toString());
    assertThat(actual).isEqualTo(documented);

    Vertx vertx = Vertx.vertx();
    try {
      ToolResult result = tools.invoke(
              ToolCall.of("call_1", "forecast", "{\"city\":\"Paris\",\"days\":2}"),
              ToolContext.of(vertx, "run-1", "call_1"))
          .await();
      assertThat(result.content()).isEqualTo("[{\"date\":\"2024-05-31\",\"temperature\":21.5},"
          + "{\"date\":\"2024-06-01\",\"temperature\":21.5}]");
      ToolResult invalid = tools.invoke(
              ToolCall.of("call_2", "forecast", "{\"city\":\"Paris\",\"days\":9}"),
              ToolContext.of(vertx, "run-1", "call_2"))
          .await();
      assertThat(invalid.content())
          .isEqualTo("invalid arguments for tool `forecast`: argument `days` must be <= 7; got 9");
      ToolResult alerts = tools.invoke(ToolCall.of("call_3", "alerts", "{\"city\":\"Oslo\"}"),
              ToolContext.of(vertx, "run-1", "call_3"))
          .await();
      assertThat(alerts.content()).isEqualTo("no alerts for Oslo");
    } finally {
      vertx.close().await();
    }
  }
}
