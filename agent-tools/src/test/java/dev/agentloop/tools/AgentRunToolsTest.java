package dev.agentloop.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.StopReason;
import dev.agentloop.agent.ToolExecution;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.RecordedRequest;
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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each built-in tool class driven by a real {@link Agent} against {@link FakeOpenRouter}: the
 * scripted model calls the tool, reads the tool message the agent sends back, then answers.
 */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class AgentRunToolsTest {

  @TempDir Path dir;
  private Vertx vertx;
  private FakeOpenRouter fake;
  private OpenRouterClient client;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    fake = FakeOpenRouter.start(vertx).await();
    client = OpenRouterClient.create(
        vertx, new OpenRouterOptions().setApiKey("test").setBaseUrl(fake.baseUrl()));
  }

  @AfterEach
  void stop() {
    client.close().await();
    fake.close().await();
  }

  @Test
  void calculatorEvaluatesTheExpressionTheModelAskedFor() {
    Toolbox toolbox = Toolbox.builder().add(new Calculator()).build();

    AgentResult result = run(toolbox, "What is (2+3)*4?", "(2+3)*4 = 20.",
        MockChat.ToolCall.of("calculate", "{\"expression\":\"(2+3)*4\"}"));

    assertSucceeded(result, "calculate");
    assertThat(toolMessages()).containsExactly("20");
  }

  @Test
  void dateTimeToolsReadTheInjectedClockInTheRequestedZone() {
    Clock clock = Clock.fixed(Instant.parse("2024-03-15T13:30:00Z"), ZoneOffset.UTC);
    Toolbox toolbox =
        Toolbox.builder().add(new DateTimeTools(new DateTimeToolsOptions().setClock(clock))).build();

    AgentResult result = run(toolbox, "What time is it in Tokyo?", "It is 22:30 on Friday.",
        MockChat.ToolCall.of("current_time", "{\"zone\":\"Asia/Tokyo\"}"));

    assertSucceeded(result, "current_time");
    assertThat(toolMessages()).containsExactly("2024-03-15T22:30:00+09:00[Asia/Tokyo] (Friday)");
  }

  @Test
  void httpGetFetchesALocalPageAndReducesItsHtml() {
    HttpServer server = vertx.createHttpServer()
        .requestHandler(req -> req.response()
            .putHeader("Content-Type", "text/html; charset=utf-8")
            .end("<html><head><title>Release notes</title></head><body><main><h1>Release 1.2</h1>"
                + "<p>Retries now honour Retry-After.</p></main></body></html>"))
        .listen(0, "127.0.0.1").await();
    HttpFetch fetch = new HttpFetch(vertx, new HttpFetchOptions().setAllowLoopback(true));
    String url = "http://127.0.0.1:" + server.actualPort() + "/releases";
    try {
      AgentResult result = run(Toolbox.builder().add(fetch).build(),
          "What changed in release 1.2?", "Retries now honour Retry-After.",
          MockChat.ToolCall.of("http_get", new JsonObject().put("url", url).encode()));

      assertSucceeded(result, "http_get");
      assertThat(toolMessages()).containsExactly("{\"url\":\"" + url + "\",\"finalUrl\":\"" + url
          + "\",\"status\":200,\"contentType\":\"text/html; charset=utf-8\","
          + "\"title\":\"Release notes\",\"text\":\"# Release 1.2\\nRetries now honour"
          + " Retry-After.\",\"bytes\":138,\"truncated\":false,\"links\":[]}");
    } finally {
      fetch.close().await();
      server.close().await();
    }
  }

  @Test
  void httpGetRefusalReachesTheModelAndTheRunCompletes() {
    HttpFetch fetch = new HttpFetch(vertx);
    try {
      AgentResult result = run(Toolbox.builder().add(fetch).build(),
          "Read the instance metadata", "I cannot access that address.",
          MockChat.ToolCall.of("http_get", "{\"url\":\"http://169.254.169.254/\"}"));

      assertThat(result.toolExecutions())
          .extracting(ToolExecution::name, e -> e.result().error())
          .containsExactly(tuple("http_get", ToolResult.ErrorKind.EXECUTION));
      assertThat(toolMessages()).containsExactly("SecurityException: refused: 169.254.169.254"
          + " is a link-local address; no option permits it");
    } finally {
      fetch.close().await();
    }
  }

  @Test
  void fileToolsSearchAndReadInsideTheSandbox() throws IOException {
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/app.properties"),
        "# service\nhttp.timeout=30s\nhttp.retries=3\n");
    Toolbox toolbox =
        Toolbox.builder().add(new FileTools(new FileToolsOptions().setRoot(dir))).build();

    AgentResult result = run(toolbox, "Which HTTP timeout is configured?", "The timeout is 30s.",
        MockChat.ToolCall.of("search_text", "{\"text\":\"timeout\"}"),
        MockChat.ToolCall.of("read_file",
            "{\"path\":\"config/app.properties\",\"startLine\":2,\"endLine\":3}"));

    assertSucceeded(result, "search_text", "read_file");
    assertThat(toolMessages()).containsExactly(
        "config/app.properties:2: http.timeout=30s", "http.timeout=30s\nhttp.retries=3\n");
  }

  @Test
  void jsonPathPicksValuesOutOfADocument() {
    Toolbox toolbox = Toolbox.builder().add(new JsonQuery()).build();
    String order = "{\"order\":{\"id\":42,\"items\":[{\"sku\":\"A-1\",\"price\":9.5},"
        + "{\"sku\":\"B-2\",\"price\":12}]}}";

    AgentResult result = run(toolbox, "Which SKUs cost more than 10?", "Only B-2.",
        MockChat.ToolCall.of("json_path", new JsonObject()
            .put("json", order).put("path", "$.order.items[?(@.price > 10)].sku").encode()));

    assertSucceeded(result, "json_path");
    assertThat(toolMessages()).containsExactly("[\"B-2\"]");
  }

  @Test
  void documentSearchReturnsCitablePassages() throws IOException {
    Files.writeString(dir.resolve("retries.md"),
        "# Retries\nThe client retries 429 responses after the Retry-After delay.\n");
    Files.writeString(dir.resolve("models.md"),
        "# Models\nFallback models are tried in order.\n");
    try (DocumentSearch docs = DocumentSearch.index(dir, new DocumentSearchOptions())) {
      AgentResult result = run(Toolbox.builder().add(docs).build(),
          "How are rate limits handled?", "429s are retried after Retry-After [1].",
          MockChat.ToolCall.of(
              "search_documents", "{\"query\":\"rate limit 429\",\"maxResults\":2}"));

      assertSucceeded(result, "search_documents");
      assertThat(toolMessages()).containsExactly("[1] retries.md:1-2 (Retries)\n# Retries\n"
          + "The client retries 429 responses after the Retry-After delay.");
    }
  }

  /**
   * Scripts one tool-calling answer and one final answer, runs the agent, and checks the parts
   * every run shares: the tools offered in the first request, the stop reason and the final text.
   */
  private AgentResult run(
      Toolbox toolbox, String prompt, String answer, MockChat.ToolCall... calls) {
    fake.enqueue(MockChat.toolCalls(calls));
    fake.enqueue(MockChat.text(answer));
    Agent agent = Agent.create(vertx, client,
        new AgentOptions().setModel("openai/gpt-4o-mini").setToolbox(toolbox));

    AgentResult result = agent.run(prompt).await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.text()).isEqualTo(answer);
    assertThat(result.steps()).hasSize(2);
    assertThat(chatRequests()).hasSize(2);
    JsonArray expected = new JsonArray();
    for (ToolSpec spec : toolbox.specs()) {
      expected.add(new JsonObject().put("type", "function").put("function", new JsonObject()
          .put("name", spec.name())
          .put("description", spec.description())
          .put("parameters", new JsonObject(spec.parameters().toString()))));
    }
    JsonArray offered = chatRequests().get(0).tools();
    assertThat(offered).isEqualTo(expected);
    assertThat(offered)
        .extracting(t -> ((JsonObject) t).getJsonObject("function").getString("name"))
        .contains(Stream.of(calls).map(MockChat.ToolCall::name).toArray(String[]::new));
    return result;
  }

  /** Asserts that the first step ran exactly the named tools, in order, without errors. */
  private static void assertSucceeded(AgentResult result, String... names) {
    assertThat(result.steps().get(0).toolCalls())
        .extracting(ToolExecution::name, ToolExecution::isError)
        .containsExactly(Stream.of(names).map(n -> tuple(n, false)).toArray(Tuple[]::new));
  }

  /** The content of the tool messages the model received in the second request. */
  private List<String> toolMessages() {
    List<String> contents = new ArrayList<>();
    for (Object m : chatRequests().get(1).messages()) {
      JsonObject message = (JsonObject) m;
      if ("tool".equals(message.getString("role"))) {
        contents.add(message.getString("content"));
      }
    }
    return contents;
  }

  private List<RecordedRequest> chatRequests() {
    return fake.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
  }
}
