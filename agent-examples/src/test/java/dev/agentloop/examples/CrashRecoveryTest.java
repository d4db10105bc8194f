package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash matrix of durable runs across JVMs: a served agent ({@link CrashServer}) journaling
 * into SQLite runs in a child JVM that is killed with SIGKILL while its runs stand at each journal
 * point, then started again on the same store. Every run completes with the transcript of an
 * uncrashed reference run, the model server sees every step once, a non-idempotent tool's effect
 * happens at most once, an idempotent tool re-runs with the same key, and a parked approval is
 * decided over HTTP after the restart.
 *
 * <p>Every run asks the same script: note (not idempotent), charge (idempotent), transfer (needs
 * approval), then answer. One child JVM is killed once, with all its runs frozen at their points.
 */
class CrashRecoveryTest {

  private static final String OUTCOME_UNKNOWN =
      "outcome unknown: %s was started but the run stopped before its result was recorded;"
          + " it was not run again. Check whether it took effect before retrying.";

  /** Runs frozen by the journal hook (or in a tool) before the kill. */
  private static final List<String> FROZEN =
      List.of(
          "model_responded.1",
          "tool_started.1",
          "effect.note",
          "tool_finished.1",
          "tool_started.2",
          "effect.charge",
          "model_responded.3");

  /** Runs approved before the kill and frozen after the decision. */
  private static final List<String> DECIDED = List.of("approval_decided.1", "effect.transfer");

  @TempDir static Path dir;

  private static Vertx vertx;
  private static FakeOpenRouter fake;
  private static final List<String> steps = new CopyOnWriteArrayList<>();
  private static final Map<String, String> ids = new LinkedHashMap<>();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static Child child;
  private static final Map<String, JsonObject> finished = new LinkedHashMap<>();
  private static long tookMs;

  @BeforeAll
  static void crashAndRestart() throws Exception {
    long t0 = System.nanoTime();
    vertx = Vertx.vertx();
    fake = FakeOpenRouter.start(vertx).await();
    fake.dispatcher(CrashRecoveryTest::script);

    Child first = Child.start(true);
    try {
      ids.put("ref", first.start(input("ref")));
      for (String point : FROZEN) {
        ids.put(point, first.start(input(point)));
      }
      for (String point : List.of("park", "reject", "digest")) {
        ids.put(point, first.start(input(point)));
      }
      for (String point : DECIDED) {
        ids.put(point, first.start(input(point)));
      }
      for (String point : FROZEN) {
        first.awaitLine("FROZEN [freeze=" + point + "]");
      }
      first.awaitStatus(ids.get("ref"), "awaiting_approval");
      first.decide(ids.get("ref"), "call_transfer", new JsonObject().put("decision", "approve"));
      first.awaitStatus(ids.get("ref"), "finished");
      for (String point : DECIDED) {
        first.awaitStatus(ids.get(point), "awaiting_approval");
        first.decideAsync(ids.get(point), "call_transfer");
      }
      for (String point : DECIDED) {
        first.awaitLine("FROZEN [freeze=" + point + "]");
      }
      for (String point : List.of("park", "reject", "digest")) {
        first.awaitStatus(ids.get(point), "awaiting_approval");
      }
    } finally {
      first.kill();
    }

    child = Child.start(false);
    tookMs = (System.nanoTime() - t0) / 1_000_000;
  }

  @AfterAll
  static void stop() throws Exception {
    if (child != null) {
      child.kill();
    }
    fake.close().await();
    vertx.close().await();
  }

  @Test
  void everyCrashedRunCompletesWithTheReferenceTranscript() throws Exception {
    JsonArray reference = normalized("ref", child.show(ids.get("ref")));
    for (Map.Entry<String, JsonObject> e : crashedRunsFinished().entrySet()) {
      String point = e.getKey();
      assertThat(e.getValue().getString("stop_reason")).as(point).isEqualTo("COMPLETED");
      JsonArray expected = reference.copy();
      if (point.equals("tool_started.1") || point.equals("effect.note")) {
        unknown(expected, "call_note", "note", false);
      } else if (point.equals("effect.transfer")) {
        unknown(expected, "call_transfer", "transfer", true);
      }
      assertThat(normalized(point, e.getValue())).as(point).isEqualTo(expected);
    }
  }

  /** Approves the crashed runs once they parked again, and returns them finished. */
  private static synchronized Map<String, JsonObject> crashedRunsFinished() throws Exception {
    if (finished.isEmpty()) {
      for (String point : FROZEN) {
        child.awaitStatus(ids.get(point), "awaiting_approval");
        HttpResponse<String> r =
            child.decide(ids.get(point), "call_transfer", new JsonObject().put("decision", "approve"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      }
      for (String point : concat(FROZEN, DECIDED)) {
        finished.put(point, child.awaitStatus(ids.get(point), "finished"));
      }
      System.out.println(
          "crash matrix: two JVM starts, one SIGKILL, " + ids.size() + " runs in " + tookMs + " ms");
    }
    return finished;
  }

  @Test
  void noStepIsRequestedTwiceAndEffectsHappenAtMostOnce() throws Exception {
    crashedRunsFinished();
    List<String> lines = Files.readAllLines(dir.resolve("effects.log"));
    for (String point : concat(List.of("ref"), concat(FROZEN, DECIDED))) {
      String tag = tag(point);
      assertThat(steps.stream().filter(s -> s.startsWith(tag + " ")))
          .as(point)
          .containsExactlyInAnyOrder(tag + " 0", tag + " 1", tag + " 2", tag + " 3");
      boolean noteNeverRan = point.equals("tool_started.1");
      assertThat(lines.stream().filter(l -> l.equals("note " + tag))).as(point)
          .hasSize(noteNeverRan ? 0 : 1);
      String key = ids.get(point) + ":call_charge";
      assertThat(lines.stream().filter(l -> l.equals("charge " + key))).as(point).hasSize(1);
      assertThat(lines.stream().filter(l -> l.equals("attempt " + key))).as(point)
          .hasSize(point.equals("effect.charge") ? 2 : 1);
      assertThat(lines.stream().filter(l -> l.equals("transfer 40 " + tag))).as(point).hasSize(1);
    }
  }

  @Test
  void approvalParkedBeforeTheKillIsListedAndGrantedOverHttpAfterTheRestart() throws Exception {
    JsonArray parked = child.get("/v1/runs?status=awaiting_approval").getJsonArray("data");
    List<String> listed = new ArrayList<>();
    parked.forEach(r -> listed.add(((JsonObject) r).getString("id")));
    assertThat(listed).contains(ids.get("park"), ids.get("reject"), ids.get("digest"));

    JsonObject approve = new JsonObject().put("decision", "approve");
    HttpResponse<String> ok = child.decide(ids.get("park"), "call_transfer", approve);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonObject run = child.awaitStatus(ids.get("park"), "finished");
    assertThat(run.getString("text")).isEqualTo("Done: transferred 40 to " + tag("park"));
    HttpResponse<String> again = child.decide(ids.get("park"), "call_transfer", approve);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(Files.readAllLines(dir.resolve("effects.log")))
        .containsOnlyOnce("transfer 40 " + tag("park"));
  }

  @Test
  void rejectedCallNeverRunsAfterTheRestart() throws Exception {
    HttpResponse<String> r = child.decide(ids.get("reject"), "call_transfer",
        new JsonObject().put("decision", "reject").put("message", "over budget"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject run = child.awaitStatus(ids.get("reject"), "finished");
    assertThat(run.getString("text")).isEqualTo("Done: The user rejected this call: over budget");
    assertThat(Files.readAllLines(dir.resolve("effects.log")))
        .doesNotContain("transfer 40 " + tag("reject"));
  }

  @Test
  void decisionWithAnotherArgumentDigestIsRefusedAfterTheRestart() throws Exception {
    HttpResponse<String> r = child.decide(ids.get("digest"), "call_transfer",
        new JsonObject().put("decision", "approve").put("digest", "0".repeat(64)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(new JsonObject(r.body()).getJsonObject("error").getString("message"))
        .isEqualTo("the decision's argument digest does not match call call_transfer: "
            + "0".repeat(64));
    assertThat(child.show(ids.get("digest")).getString("status")).isEqualTo("awaiting_approval");
    assertThat(Files.readAllLines(dir.resolve("effects.log")))
        .doesNotContain("transfer 40 " + tag("digest"));
  }

  /** The scripted model: note, charge, transfer, then an answer quoting the last result. */
  private static MockResponse script(RecordedRequest request) {
    String tag = tag(ScriptedModel.firstUserText(request));
    int step = request.countMessages("assistant");
    steps.add(tag + " " + step);
    String memo = new JsonObject().put("text", tag).encode();
    return switch (step) {
      case 0 -> MockResponse.chat(MockChat.toolCalls(new MockChat.ToolCall("call_note", "note",
          memo)));
      case 1 -> MockResponse.chat(MockChat.toolCalls(new MockChat.ToolCall("call_charge",
          "charge", new JsonObject().put("memo", tag).encode())));
      case 2 -> MockResponse.chat(MockChat.toolCalls(new MockChat.ToolCall("call_transfer",
          "transfer", new JsonObject().put("amount", 40).put("to", tag).encode())));
      default -> {
        List<JsonObject> results = ScriptedModel.toolResults(request);
        yield MockResponse.chat(MockChat.text(
            "Done: " + ScriptedModel.text(results.get(results.size() - 1))));
      }
    };
  }

  private static String input(String point) {
    return "please pay " + tag(point);
  }

  private static String tag(String point) {
    int open = point.indexOf('[');
    if (open >= 0) {
      return point.substring(open, point.indexOf(']', open) + 1);
    }
    return point.contains(".") ? "[freeze=" + point + "]" : "[" + point + "]";
  }

  /** The transcript with the run's own tag and id replaced, so runs compare. */
  private static JsonArray normalized(String point, JsonObject run) {
    String text = run.getJsonArray("transcript").encode()
        .replace(run.getString("id"), "RUN")
        .replace(tag(point), "TAG");
    return new JsonArray(text);
  }

  /** Replaces a call's result with the "outcome unknown" report (and the answer quoting it). */
  private static void unknown(JsonArray transcript, String callId, String tool, boolean last) {
    String report = String.format(OUTCOME_UNKNOWN, tool);
    for (int i = 0; i < transcript.size(); i++) {
      JsonObject m = transcript.getJsonObject(i);
      if (callId.equals(m.getString("tool_call_id"))) {
        m.put("content", report);
      }
    }
    if (last) {
      transcript.getJsonObject(transcript.size() - 1).put("content", "Done: " + report);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** A {@link CrashServer} JVM. */
  private static final class Child {
    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final int port;

    private Child(Process process, Path stderr) throws Exception {
      this.process = process;
      this.stderr = stderr;
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            lines.add(line);
          }
        } catch (IOException e) {
          // The process was killed.
        }
      }, "crash-server-stdout");
      reader.setDaemon(true);
      reader.start();
      this.port = Integer.parseInt(awaitLine("PORT ").substring("PORT ".length()));
    }

    static Child start(boolean freeze) throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String cp = System.getProperty("surefire.test.class.path",
          System.getProperty("java.class.path"));
      ProcessBuilder pb = new ProcessBuilder(java, "-cp", cp, "-Xshare:auto",
          "-XX:TieredStopAtLevel=1", "-Dcrash.freeze=" + freeze,
          CrashServer.class.getName(), dir.resolve("runs.db").toString(),
          fake.baseUrl(), dir.resolve("effects.log").toString());
      Path stderr = dir.resolve("child-" + (freeze ? 1 : 2) + ".err");
      pb.redirectError(stderr.toFile());
      return new Child(pb.start(), stderr);
    }

    String awaitLine(String prefix) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      List<String> seen = new ArrayList<>();
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null && line.startsWith(prefix)) {
          lines.addAll(seen);
          return line;
        }
        if (line != null) {
          seen.add(line);
        }
        if (line == null && !process.isAlive()) {
          break;
        }
      }
      throw new AssertionError("no line " + prefix + " from the child; saw " + seen + "; stderr: "
          + Files.readString(stderr));
    }

    String start(String input) throws Exception {
      HttpResponse<String> r = post("/v1/runs",
          new JsonObject().put("agent", "crash").put("input", input));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      return new JsonObject(r.body()).getString("id");
    }

    JsonObject show(String id) throws Exception {
      return get("/v1/runs/" + id);
    }

    JsonObject get(String path) throws Exception {
      return new JsonObject(http.send(HttpRequest.newBuilder(uri(path)).build(),
          HttpResponse.BodyHandlers.ofString()).body());
    }

    JsonObject awaitStatus(String id, String status) throws Exception {
      JsonObject run = null;
      for (int i = 0; i < 1500; i++) {
        run = show(id);
        if (status.equals(run.getString("status"))) {
          return run;
        }
        Thread.sleep(20);
      }
      throw new AssertionError("run " + id + " is not " + status + ": " + run);
    }

    HttpResponse<String> decide(String id, String callId, JsonObject body) throws Exception {
      return post("/v1/runs/" + id + "/approvals/" + callId, body);
    }

    void decideAsync(String id, String callId) {
      http.sendAsync(request("/v1/runs/" + id + "/approvals/" + callId,
          new JsonObject().put("decision", "approve")), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, JsonObject body) throws Exception {
      return http.send(request(path, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, JsonObject body) {
      return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
    }

    private URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
