package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agentloop serve --store S --retention AGE}: finished runs go, resumable runs stay. */
class ServeRetentionTest {

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anAgentTheStoreCannotJournalIsAUsageError() {
    CliRunner.Output triage =
        CliRunner.offline("serve", "--store", "sqlite:" + dir.resolve("runs.db"), "triage");

    assertThat(triage.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(triage.err())
        .contains(
            "error: cannot serve triage: handoffs are not supported in journaled runs yet");
  }

  @Test
  void retentionNeedsAStoreAndAnAge() {
    CliRunner.Output noStore = CliRunner.offline("serve", "--retention", "7d", "approvals");
    assertThat(noStore.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(noStore.err()).contains("--retention needs --store");

    CliRunner.Output badAge = CliRunner.offline("serve", "--store",
        "sqlite:" + dir.resolve("runs.db"), "--retention", "7", "approvals");
    assertThat(badAge.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(badAge.err()).contains("--retention: a duration must be a positive number"
        + " followed by s, m, h or d (e.g. 7d): 7");
  }

  @Test
  void finishedRunsArePrunedAndParkedRunsKept() throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    CompletableFuture<Runnable> stop = new CompletableFuture<>();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Cli cli = new Cli(Map.of(), new PrintStream(new ByteArrayOutputStream(), true),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(new byte[0]), false).onServe((server, stopper) -> {
          port.complete(server.port());
          stop.complete(stopper);
        });
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(
        "serve", "--port", "0", "--store", "sqlite:" + dir.resolve("runs.db"),
        // The test polls every 20 ms: above the default 60 requests a minute it would get 429s.
        "--rate-limit", "0", "--retention", "1s", "--root", dir.toString(), "approvals"));
    exit.whenComplete((code, e) -> port.completeExceptionally(new AssertionError(
        "serve exited " + code + ": " + err.toString(StandardCharsets.UTF_8))));
    int p = port.get(60, TimeUnit.SECONDS);
    try {
      String finished = start(p, "hello");
      String parked = start(p, "send 40 euros to Bob");
      assertThat(await(p, parked, "awaiting_approval").statusCode()).isEqualTo(200);
      // Gone within a second or two: one second of age, then the next prune (every second).
      HttpResponse<String> gone = await(p, finished, null);
      assertThat(gone.statusCode()).as(gone.body()).isEqualTo(404);

      HttpResponse<String> kept = get(p, "/v1/runs/" + parked);
      assertThat(new JsonObject(kept.body()).getString("status")).as(kept.body())
          .isEqualTo("awaiting_approval");
    } finally {
      stop.get().run();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }
  }

  private String start(int port, String input) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/v1/runs"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            new JsonObject().put("agent", "approvals").put("input", input).encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return new JsonObject(r.body()).getString("id");
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Polls the run until it has the status, or (status null) until it is gone. */
  private HttpResponse<String> await(int port, String id, String status) throws Exception {
    HttpResponse<String> r = null;
    for (int i = 0; i < 500; i++) {
      r = get(port, "/v1/runs/" + id);
      if (status == null ? r.statusCode() == 404
          : r.statusCode() == 200 && status.equals(new JsonObject(r.body()).getString("status"))) {
        return r;
      }
      Thread.sleep(20);
    }
    return r;
  }
}
