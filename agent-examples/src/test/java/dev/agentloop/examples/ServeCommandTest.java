package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code agentloop serve}: the web chat serves the example until stopped. */
class ServeCommandTest {

  @Test
  void servesTheExampleOnAFreePortUntilStopped() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    CompletableFuture<Runnable> stop = new CompletableFuture<>();
    Cli cli = new Cli(Map.of(), new PrintStream(new ByteArrayOutputStream(), true),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
        false).onServe((server, stopper) -> {
          port.complete(server.port());
          stop.complete(stopper);
        });
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(() -> cli.execute("serve", "--port", "0", "weather"));

    int p = port.get(60, TimeUnit.SECONDS);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> info = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + p + "/info")).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + p + "/")).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> mcp = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + p + "/mcp"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
            + "\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    stop.get().run();

    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(mcp.statusCode()).isEqualTo(200);
    assertThat(mcp.headers().firstValue("Mcp-Session-Id")).isPresent();
    assertThat(mcp.body()).contains("\"serverInfo\":{\"name\":\"agentloop-weather\"");
    assertThat(info.body()).isEqualTo("{\"name\":\"weather\"}");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("serving weather on http://127.0.0.1:" + p + "/ — Ctrl+C to stop");
  }

  @Test
  void structuredExamplesCannotBeServed() {
    assertThat(CliRunner.offline("serve", "extract").exit()).isEqualTo(ExitCodes.USAGE);
  }
}
