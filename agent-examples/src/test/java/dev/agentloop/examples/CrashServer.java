package dev.agentloop.examples;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.ToolApprover;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.run.JournalCodec;
import dev.agentloop.run.JournalRecord;
import dev.agentloop.run.RunInfo;
import dev.agentloop.run.RunStatus;
import dev.agentloop.run.RunStore;
import dev.agentloop.store.JdbcRunStore;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The served agent of {@link CrashRecoveryTest}, run in a separate JVM: {@code CrashServer
 * STORE_PATH BASE_URL EFFECTS_FILE}. It serves agent {@code crash} (a chat server with the runs
 * API, journaling into a SQLite store) on a free port, prints {@code PORT n}, and resumes the runs
 * that were in flight.
 *
 * <p>With {@code -Dcrash.freeze=true}, a run whose input holds {@code [freeze=KIND.N]} stops dead
 * right after its N-th journal record of type KIND is stored (its append never completes, so the
 * run does nothing more) and {@code FROZEN tag} is printed; {@code [freeze=effect.TOOL]} stops the
 * tool's thread right after its side effect. The parent kills the JVM (SIGKILL) once every run it
 * started is frozen or parked, which is the same for the store as being killed at that point.
 */
public final class CrashServer {

  static final Pattern FREEZE = Pattern.compile("\\[freeze=([a-z_]+)\\.([a-z0-9_]+)]");

  private CrashServer() {}

  /** Starts the server; runs until killed. */
  public static void main(String[] args) throws Exception {
    boolean freeze = Boolean.getBoolean("crash.freeze");
    Vertx vertx = Vertx.vertx();
    OpenRouterClient client =
        OpenRouterClient.create(
            vertx, new OpenRouterOptions().setBaseUrl(args[1]).setApiKey("sk-test"));
    RunStore jdbc = JdbcRunStore.open(vertx, "sqlite:" + args[0]).await();
    RunStore store = freeze ? new Freezing(jdbc) : jdbc;
    Agent agent =
        Agent.create(
            vertx,
            client,
            new AgentOptions()
                .setName("crash")
                .setModel("openai/gpt-4o-mini")
                .setToolbox(Toolbox.builder().add(new Effects(Path.of(args[2]), freeze)).build())
                .setRunStore(store)
                .setApprover(
                    (call, tool) -> Future.succeededFuture(ToolApprover.Decision.defer())));
    ChatServer server =
        ChatServer.start(vertx, "crash", agent, new ChatServerOptions().setPort(0).setRateLimit(0)).await();
    agent.recover(1000).await();
    System.out.println("PORT " + server.port());
    System.out.flush();
    new CountDownLatch(1).await();
  }

  /** The tools: each writes its effect as a line of the effects file. */
  public static final class Effects {
    private final Path file;
    private final boolean freeze;

    Effects(Path file, boolean freeze) {
      this.file = file;
      this.freeze = freeze;
    }

    /** Not idempotent. */
    @Tool(description = "Writes a note")
    public String note(@Param(description = "text") String text) {
      write("note " + text);
      freezeAfter("note", text);
      return "noted " + text;
    }

    /** Idempotent: the effect happens once per key, every attempt is logged. */
    @Tool(description = "Charges a card", idempotent = true)
    public String charge(ToolContext context, @Param(description = "memo") String memo) {
      String key = context.idempotencyKey();
      write("attempt " + key);
      synchronized (this) {
        if (!lines().contains("charge " + key)) {
          write("charge " + key);
        }
      }
      freezeAfter("charge", memo);
      return "charged " + memo;
    }

    /** Not idempotent and needs approval. */
    @Tool(description = "Transfers money", requiresApproval = true)
    public String transfer(@Param(description = "amount") int amount, @Param(description = "to") String to) {
      write("transfer " + amount + " " + to);
      freezeAfter("transfer", to);
      return "transferred " + amount + " to " + to;
    }

    private void freezeAfter(String tool, String text) {
      Matcher m = FREEZE.matcher(text);
      if (freeze && m.find() && m.group(1).equals("effect") && m.group(2).equals(tool)) {
        System.out.println("FROZEN " + m.group());
        System.out.flush();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private synchronized void write(String line) {
      try {
        Files.writeString(
            file,
            line + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.SYNC);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private List<String> lines() {
      try {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Stores every record, then freezes a run after the record its input names. */
  static final class Freezing implements RunStore {
    private final RunStore store;
    private final Map<String, String> freezeAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    Freezing(RunStore store) {
      this.store = store;
    }

    @Override
    public Future<Void> append(String runId, int seq, JournalRecord record) {
      if (record instanceof JournalRecord.RunStarted s) {
        Matcher m = FREEZE.matcher(s.transcript().get(s.transcript().size() - 1).text());
        if (m.find()) {
          freezeAt.put(runId, m.group(1) + "." + m.group(2));
        }
      }
      String type = new JsonObject(JournalCodec.encode(record)).getString("type");
      int n = counts.merge(runId + " " + type, 1, Integer::sum);
      return store
          .append(runId, seq, record)
          .compose(
              v -> {
                String spec = type + "." + n;
                if (!spec.equals(freezeAt.get(runId))) {
                  return Future.succeededFuture();
                }
                System.out.println("FROZEN [freeze=" + spec + "]");
                System.out.flush();
                return Promise.<Void>promise().future();
              });
    }

    @Override
    public Future<List<JournalRecord>> load(String runId) {
      return store.load(runId);
    }

    @Override
    public Future<List<RunInfo>> list(RunStatus status, int limit) {
      return store.list(status, limit);
    }

    @Override
    public Future<Integer> prune(Instant finishedBefore) {
      return store.prune(finishedBefore);
    }
  }
}
