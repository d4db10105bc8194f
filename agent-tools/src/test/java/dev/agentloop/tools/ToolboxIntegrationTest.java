package dev.agentloop.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolSpec;
import dev.agentloop.tool.Toolbox;
import dev.agentloop.tools.calc.Calculator;
import dev.agentloop.tools.docs.DocumentSearch;
import dev.agentloop.tools.docs.DocumentSearchOptions;
import dev.agentloop.tools.files.FileTools;
import dev.agentloop.tools.files.FileToolsOptions;
import dev.agentloop.tools.http.HttpFetch;
import dev.agentloop.tools.http.HttpFetchOptions;
import dev.agentloop.tools.json.JsonQuery;
import dev.agentloop.tools.time.DateTimeTools;
import dev.agentloop.tools.time.DateTimeToolsOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every built-in tool registered in a real {@link Toolbox}: exact schemas, and one call each. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class ToolboxIntegrationTest {

  private static final Map<String, String> SCHEMAS = Map.ofEntries(
        Map.entry("calculate",
            "{\"type\":\"object\",\"properties\":{\"expression\":{\"type\":\"string\",\"description\":\"The expression, e.g. (2 + 3) * 4 ^ 2 / sqrt(2)\"}},\"required\":[\"expression\"]}"),
        Map.entry("add_to_datetime",
            "{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"string\",\"description\":\"ISO-8601 date or date-time\"},\"amount\":{\"type\":\"string\",\"description\":\"ISO-8601 amount, e.g. P1D, PT2H30M, P1Y2M3DT4H, -P2W\"}},\"required\":[\"value\",\"amount\"]}"),
        Map.entry("current_time",
            "{\"type\":\"object\",\"properties\":{\"zone\":{\"type\":\"string\",\"description\":\"Time zone, e.g. Europe/Paris, America/New_York, UTC or +02:00; empty for the default\",\"default\":\"\"}}}"),
        Map.entry("day_of_week",
            "{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"string\",\"description\":\"ISO-8601 date, e.g. 2024-03-15\"}},\"required\":[\"value\"]}"),
        Map.entry("datetime_difference",
            "{\"type\":\"object\",\"properties\":{\"start\":{\"type\":\"string\",\"description\":\"Start, ISO-8601\"},\"end\":{\"type\":\"string\",\"description\":\"End, ISO-8601\"},\"unit\":{\"type\":\"string\",\"enum\":[\"YEARS\",\"MONTHS\",\"WEEKS\",\"DAYS\",\"HOURS\",\"MINUTES\",\"SECONDS\"],\"description\":\"Unit of the result\",\"default\":\"DAYS\"}},\"required\":[\"start\",\"end\"]}"),
        Map.entry("format_datetime",
            "{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"string\",\"description\":\"ISO-8601 value, e.g. 2024-03-15T14:30:00Z\"},\"pattern\":{\"type\":\"string\",\"description\":\"java.time pattern, e.g. yyyy-MM-dd HH:mm, or ISO\"},\"zone\":{\"type\":\"string\",\"description\":\"Zone to convert to first, e.g. Asia/Tokyo; empty to keep\",\"default\":\"\"}},\"required\":[\"value\",\"pattern\"]}"),
        Map.entry("parse_datetime",
            "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\",\"description\":\"The text to parse, e.g. 15.03.2024 14:30\"},\"pattern\":{\"type\":\"string\",\"description\":\"java.time pattern such as dd/MM/yyyy; empty for ISO-8601\",\"default\":\"\"},\"zone\":{\"type\":\"string\",\"description\":\"Zone to attach to a parsed local date-time; empty for none\",\"default\":\"\"}},\"required\":[\"text\"]}"),
        Map.entry("subtract_from_datetime",
            "{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"string\",\"description\":\"ISO-8601 date or date-time\"},\"amount\":{\"type\":\"string\",\"description\":\"ISO-8601 amount, e.g. P1D, PT2H30M, P1Y2M3DT4H\"}},\"required\":[\"value\",\"amount\"]}"),
        Map.entry("json_path",
            "{\"type\":\"object\",\"properties\":{\"json\":{\"type\":\"string\",\"description\":\"The JSON document\"},\"path\":{\"type\":\"string\",\"description\":\"JsonPath expression starting with $, e.g. $.items[*].name\"}},\"required\":[\"json\",\"path\"]}"),
        Map.entry("json_pointer",
            "{\"type\":\"object\",\"properties\":{\"json\":{\"type\":\"string\",\"description\":\"The JSON document\"},\"pointer\":{\"type\":\"string\",\"description\":\"JSON Pointer, e.g. /items/0/name\"}},\"required\":[\"json\",\"pointer\"]}"),
        Map.entry("find_files",
            "{\"type\":\"object\",\"properties\":{\"pattern\":{\"type\":\"string\",\"description\":\"Glob pattern; without '/' it matches file names anywhere\"}},\"required\":[\"pattern\"]}"),
        Map.entry("list_files",
            "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\",\"description\":\"Directory relative to the root; '.' for the root\",\"default\":\".\"}}}"),
        Map.entry("read_file",
            "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\",\"description\":\"File path relative to the root, e.g. docs/guide.md\"},\"startLine\":{\"type\":\"integer\",\"description\":\"First line to return (1-based)\",\"default\":1},\"endLine\":{\"type\":\"integer\",\"description\":\"Last line to return; 0 means to the end\",\"default\":0}},\"required\":[\"path\"]}"),
        Map.entry("search_text",
            "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\",\"description\":\"Text to look for (plain text, not a regex)\"},\"pattern\":{\"type\":\"string\",\"description\":\"Glob of files to search, e.g. '*.java'\",\"default\":\"**\"}},\"required\":[\"text\"]}"),
        Map.entry("write_file",
            "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\",\"description\":\"File path relative to the root, e.g. notes/summary.md\"},\"content\":{\"type\":\"string\",\"description\":\"The complete new content of the file\"}},\"required\":[\"path\",\"content\"]}"),
        Map.entry("http_get",
            "{\"type\":\"object\",\"properties\":{\"url\":{\"type\":\"string\",\"description\":\"Absolute http or https URL, e.g. https://example.com/page\"},\"links\":{\"type\":\"boolean\",\"description\":\"Whether to list the page's links\",\"default\":false}},\"required\":[\"url\"]}"),
        Map.entry("http_head",
            "{\"type\":\"object\",\"properties\":{\"url\":{\"type\":\"string\",\"description\":\"Absolute http or https URL, e.g. https://example.com/file.pdf\"}},\"required\":[\"url\"]}"),
        Map.entry("search_documents",
            "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\",\"description\":\"What to look for, in plain words\"},\"maxResults\":{\"type\":\"integer\",\"description\":\"Maximum number of passages to return\",\"default\":5}},\"required\":[\"query\"]}")
  );

  @TempDir Path dir;
  private Toolbox toolbox;
  private DocumentSearch docs;
  private HttpServer server;
  private int port;

  @BeforeEach
  void build(Vertx vertx) throws IOException {
    Files.writeString(dir.resolve("notes.md"), "# Retries\nThe client retries 429 responses.\n");
    server = vertx.createHttpServer()
        .requestHandler(req -> req.response().putHeader("Content-Type", "text/plain").end("pong"))
        .listen(0, "127.0.0.1").await();
    port = server.actualPort();
    docs = DocumentSearch.index(dir, new DocumentSearchOptions());
    toolbox = Toolbox.builder()
        .add(new Calculator())
        .add(new DateTimeTools(new DateTimeToolsOptions()
            .setClock(Clock.fixed(Instant.parse("2024-03-15T13:30:00Z"), ZoneOffset.UTC))))
        .add(new JsonQuery())
        .add(new FileTools(new FileToolsOptions().setRoot(dir)))
        .add(new HttpFetch(vertx, new HttpFetchOptions().setAllowLoopback(true)))
        .add(docs)
        .build();
  }

  @AfterEach
  void close() {
    docs.close();
    server.close().await();
  }

  @Test
  void everyToolHasItsExactSchema() {
    Map<String, String> actual = new LinkedHashMap<>();
    for (ToolSpec spec : toolbox.specs()) {
      actual.put(spec.name(), spec.parameters().toString());
    }
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(SCHEMAS);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "calculate              | {\"expression\":\"0.1 + 0.2\"}                        | 0.3",
        "current_time           | {\"zone\":\"Europe/Paris\"}                         | 2024-03-15T14:30:00+01:00[Europe/Paris] (Friday)",
        "current_time           | {}                                                     | 2024-03-15T13:30:00Z (Friday)",
        "parse_datetime         | {\"text\":\"15.03.2024\",\"pattern\":\"dd.MM.yyyy\"} | 2024-03-15",
        "format_datetime        | {\"value\":\"2024-03-15T14:30:00Z\",\"pattern\":\"HH:mm\"} | 14:30",
        "add_to_datetime        | {\"value\":\"2024-01-31\",\"amount\":\"P1M\"}        | 2024-02-29",
        "subtract_from_datetime | {\"value\":\"2024-03-01\",\"amount\":\"P1D\"}        | 2024-02-29",
        "datetime_difference    | {\"start\":\"2024-01-01\",\"end\":\"2024-03-01\"}    | 60 days",
        "day_of_week            | {\"value\":\"2024-02-29\"}                          | Thursday",
        "json_pointer           | {\"json\":\"{\\\"a\\\":[1,2]}\",\"pointer\":\"/a/1\"} | 2",
        "json_path              | {\"json\":\"{\\\"a\\\":[1,2]}\",\"path\":\"$.a[*]\"} | [1,2]",
        "list_files             | {}                                                     | notes.md (44 bytes)",
        "read_file              | {\"path\":\"notes.md\",\"startLine\":2}              | `The client retries 429 responses.\n`",
        "find_files             | {\"pattern\":\"*.md\"}                               | notes.md",
        "search_text            | {\"text\":\"RETRIES\"}                              | `notes.md:1: # Retries\nnotes.md:2: The client retries 429 responses.`",
        "search_documents       | {\"query\":\"retry\"}                               | `[1] notes.md:1-2 (Retries)\n# Retries\nThe client retries 429 responses.`"
      })
  void toolsRunThroughTheToolbox(String name, String arguments, String expected, Vertx vertx) {
    ToolResult result = invoke(vertx, name, arguments);
    assertThat(result.error()).as(result.content()).isNull();
    assertThat(result.content()).isEqualTo(expected.replace("\\n", "\n"));
  }

  @Test
  void refusalsReachTheModelAsToolErrors(Vertx vertx) {
    ToolResult write = invoke(vertx, "write_file", "{\"path\":\"x.md\",\"content\":\"hi\"}");
    assertThat(write.error()).isEqualTo(ToolResult.ErrorKind.EXECUTION);
    assertThat(write.content()).contains(
        "refused: writing is disabled; FileToolsOptions.setAllowWrite(true) permits it");
    ToolResult calc = invoke(vertx, "calculate", "{\"expression\":\"1/0\"}");
    assertThat(calc.content()).contains("division by zero at position 2");
    ToolResult http = invoke(vertx, "http_get", "{\"url\":\"http://169.254.169.254/\"}");
    assertThat(http.content())
        .contains("refused: 169.254.169.254 is a link-local address; no option permits it");
  }

  @Test
  void httpGetRunsOnTheEventLoopThroughTheToolbox(Vertx vertx) {
    ToolResult result =
        invoke(vertx, "http_get", "{\"url\":\"http://127.0.0.1:" + port + "/ping\"}");
    assertThat(result.error()).as(result.content()).isNull();
    assertThat(result.content()).contains("\"status\":200").contains("\"text\":\"pong\"");
  }

  private ToolResult invoke(Vertx vertx, String name, String arguments) {
    return toolbox
        .invoke(ToolCall.of("call_1", name, arguments), ToolContext.of(vertx, "run_1", "call_1"))
        .await();
  }
}
