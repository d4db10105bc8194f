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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agentloop serve --store} and {@code agentloop runs}: a transfer parks for approval, the
 * server stops, and the approval given from the command line completes it exactly once.
 */
class RunsCommandTest {

  @TempDir Path dir;

  @Test
  void parkedRunIsApprovedFromTheCommandLineAfterTheServerStopped() throws Exception {
    String store = "sqlite:" + dir.resolve("runs.db");
    CompletableFuture<Integer> port = new CompletableFuture<>();
    CompletableFuture<Runnable> stop = new CompletableFuture<>();
    Cli cli = new Cli(Map.of(), new PrintStream(new ByteArrayOutputStream(), true),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(new byte[0]), false).onServe((server, stopper) -> {
          port.complete(server.port());
          stop.complete(stopper);
        });
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(
        "serve", "--port", "0", "--rate-limit", "0", "--store", store, "--root", dir.toString(),
        "approvals"));
    int p = port.get(60, TimeUnit.SECONDS);
    HttpClient http = HttpClient.newHttpClient();
    JsonObject started = new JsonObject(http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + p + "/v1/runs"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"agent\":\"approvals\",\"input\":\"send 40 euros to Bob\"}")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    String id = started.getString("id");
    JsonObject run = null;
    for (int i = 0; i < 300; i++) {
      run = new JsonObject(http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + p + "/v1/runs/" + id)).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      if ("awaiting_approval".equals(run.getString("status"))) {
        break;
      }
      Thread.sleep(20);
    }
    String callId = run.getJsonArray("pending_approvals").getJsonObject(0).getString("call_id");
    stop.get().run();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();

    CliRunner.Output listed =
        CliRunner.offline("runs", "list", "--status", "awaiting_approval", "--store", store);
    assertThat(listed.out()).contains(id + "  awaiting_approval");
    CliRunner.Output shown = CliRunner.offline("runs", "show", id, "--store", store);
    assertThat(shown.out()).contains("awaiting approval: " + callId + " transfer");

    CliRunner.Output approved = CliRunner.offline(
        "runs", "approve", id, callId, "--store", store, "--root", dir.toString());
    assertThat(approved.exit()).isZero();
    assertThat(approved.out()).contains("COMPLETED: Done: transferred 40 EUR to Bob.");
    CliRunner.Output again = CliRunner.offline(
        "runs", "approve", id, callId, "--store", store, "--root", dir.toString());
    assertThat(again.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readAllLines(dir.resolve("transfers.log")))
        .containsExactly("transferred 40 EUR to Bob");
  }
}
