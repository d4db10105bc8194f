package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code agentloop serve}: the web chat serves the example until stopped, safely. */
class ServeCommandTest {

  private static final String TOKEN = "serve-token-0123456789";

  /** A running {@code serve}: its port, its stderr and a way to stop it. */
  private record Served(int port, ByteArrayOutputStream err, Runnable stop,
      CompletableFuture<Integer> exit) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      stop.run();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }
  }

  private static Served serve(String... args) throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    CompletableFuture<Runnable> stop = new CompletableFuture<>();
    Cli cli = new Cli(Map.of(), new PrintStream(new ByteArrayOutputStream(), true),
        new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
        false).onServe((server, stopper) -> {
          port.complete(server.port());
          stop.complete(stopper);
        });
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(all));
    exit.whenComplete((code, e) -> port.completeExceptionally(
        new AssertionError("serve exited " + code + ": " + err.toString(StandardCharsets.UTF_8))));
    return new Served(port.get(60, TimeUnit.SECONDS), err, stop.get(), exit);
  }

  private static HttpResponse<String> send(int port, String method, String path,
      String token, String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends raw HTTP/1.1 (java.net.http refuses to set Host) and returns the whole answer. */
  private static String raw(int port, String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void servesTheExampleOnAFreePortUntilStopped() throws Exception {
    try (Served s = serve("--port", "0", "weather")) {
      HttpResponse<String> info = send(s.port(), "GET", "/info", null, null, null);
      HttpResponse<String> page = send(s.port(), "GET", "/", null, null, null);

      assertThat(info.body()).isEqualTo("{\"name\":\"weather\"}");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<html");
      assertThat(s.err().toString(StandardCharsets.UTF_8))
          .contains("serving weather on http://127.0.0.1:" + s.port() + "/ — Ctrl+C to stop");
    }
  }

  private static HttpResponse<String> mcpInitialize(int port, String token) throws Exception {
    return send(port, "POST", "/mcp", token, "application/json",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
  }

  @Test
  void servesTheToolsOverMcpBesideTheChat() throws Exception {
    try (Served s = serve("--port", "0", "weather")) {
      HttpResponse<String> mcp = mcpInitialize(s.port(), null);

      assertThat(mcp.statusCode()).isEqualTo(200);
      assertThat(mcp.headers().firstValue("Mcp-Session-Id")).isPresent();
      assertThat(mcp.body()).contains("\"serverInfo\":{\"name\":\"agentloop-weather\"");
    }
  }

  @Test
  void mcpNeedsTheServersTokenWhenOneIsSet() throws Exception {
    try (Served s = serve("--port", "0", "--token", "mcp-test-token-1", "weather")) {
      assertThat(mcpInitialize(s.port(), null).statusCode()).isEqualTo(401);
      assertThat(mcpInitialize(s.port(), "mcp-test-token-1").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void servesTheComposedTriageAgentNamingWhoAnswered() throws Exception {
    try (Served s = serve("--port", "0", "triage")) {
      HttpResponse<String> run = send(s.port(), "POST", "/agents/triage/run", null,
          "application/json", "{\"prompt\":\"What's the weather in Cairo?\"}");
      HttpResponse<String> chat = send(s.port(), "POST", "/v1/chat/completions", null,
          "application/json",
          "{\"model\":\"triage\",\"messages\":[{\"role\":\"user\",\"content\":\"What is 6 times 7?\"}]}");

      assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
      assertThat(run.body()).contains("\"agents\":[\"triage\",\"weather\"]")
          .contains("Cairo: 31 °C, sunny");
      assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
      assertThat(chat.body()).contains("\"agent\":\"maths\"").contains("The answer is 42.");
    }
  }

  @Test
  void structuredExamplesCannotBeServed() {
    assertThat(CliRunner.offline("serve", "extract").exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void nonLoopbackHostWithoutTokenIsRefused() {
    CliRunner.Output output = CliRunner.offline("serve", "--host", "0.0.0.0", "--port", "0", "weather");

    assertThat(output.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(output.err()).contains("--token is required when --host is not a loopback address: 0.0.0.0");
  }

  @Test
  void tokenIsRequiredOnTheApiWhenSet() throws Exception {
    try (Served s = serve("--port", "0", "--token", TOKEN, "weather")) {
      assertThat(send(s.port(), "GET", "/v1/models", null, null, null).statusCode()).isEqualTo(401);
      assertThat(send(s.port(), "GET", "/v1/models", "wrong-token-0123456789", null, null).statusCode())
          .isEqualTo(401);
      assertThat(send(s.port(), "GET", "/v1/models", TOKEN, null, null).statusCode()).isEqualTo(200);
      assertThat(s.err().toString(StandardCharsets.UTF_8))
          .contains("callers must send the token; open http://127.0.0.1:" + s.port() + "/#token=<your token>")
          .doesNotContain(TOKEN);
    }
  }

  @Test
  void nonJsonPostsAndForeignHostsAreRefused() throws Exception {
    try (Served s = serve("--port", "0", "weather")) {
      HttpResponse<String> form = send(s.port(), "POST", "/agents/weather/run", null,
          "application/x-www-form-urlencoded", "{\"prompt\":\"Hi\"}");
      String rebound = raw(s.port(), "GET /v1/models HTTP/1.1\r\nHost: attacker.example:" + s.port()
          + "\r\nConnection: close\r\n\r\n");
      String local = raw(s.port(), "GET /v1/models HTTP/1.1\r\nHost: localhost:" + s.port()
          + "\r\nConnection: close\r\n\r\n");

      assertThat(form.statusCode()).isEqualTo(415);
      assertThat(rebound).startsWith("HTTP/1.1 403").contains("\"code\":\"host_not_allowed\"");
      assertThat(local).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void rateLimitFlagAppliesPerCaller() throws Exception {
    try (Served s = serve("--port", "0", "--rate-limit", "2", "weather")) {
      int[] codes = {
        send(s.port(), "GET", "/v1/models", "key-of-script-one", null, null).statusCode(),
        send(s.port(), "GET", "/v1/models", "key-of-script-one", null, null).statusCode(),
        send(s.port(), "GET", "/v1/models", "key-of-script-one", null, null).statusCode(),
        send(s.port(), "GET", "/v1/models", "key-of-script-two", null, null).statusCode(),
      };

      assertThat(codes).containsExactly(200, 200, 429, 200);
    }
  }

  @Test
  void idleConnectionsAreClosed() throws Exception {
    try (Served s = serve("--port", "0", "--idle-timeout", "1", "weather");
        Socket socket = new Socket("127.0.0.1", s.port())) {
      socket.setSoTimeout(10_000);
      long start = System.nanoTime();
      InputStream in = socket.getInputStream();

      assertThat(in.read()).isEqualTo(-1);
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(900L, 5_000L);
    }
  }
}
