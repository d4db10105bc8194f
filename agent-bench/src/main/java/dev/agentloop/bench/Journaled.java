package dev.agentloop.bench;

import dev.agentloop.run.RunStore;
import dev.agentloop.store.JdbcRunStore;
import dev.agentloop.store.JdbcStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The journaling contenders: {@code agentloop} with a run store, each run journaled (run started,
 * two model answers, tool started and finished, run finished: six records per conversation).
 *
 * <ul>
 *   <li>{@code agentloop-journal-memory}: {@code RunStore.inMemory()};
 *   <li>{@code agentloop-journal-sqlite}: a fresh SQLite file (WAL, {@code synchronous=FULL}, one
 *       connection) in the client's temporary directory;
 *   <li>{@code agentloop-journal-pg}: PostgreSQL at {@code AGENTLOOP_PG_URL} with {@code
 *       PGUSER}/{@code PGPASSWORD}, a pool of 8; n/a without it.
 * </ul>
 *
 * <p>Their report line compares each to {@code agentloop} (no store) of the same cell.
 */
final class Journaled {

  /** The contenders, in table order. */
  static final List<String> CONTENDERS =
      List.of("agentloop-journal-memory", "agentloop-journal-sqlite", "agentloop-journal-pg");

  private Journaled() {}

  /** Why the contender cannot run here, or null. */
  static @Nullable String notApplicable(String contender, Map<String, String> env) {
    String url = env.get("AGENTLOOP_PG_URL");
    return contender.equals("agentloop-journal-pg") && (url == null || url.isBlank())
        ? "set AGENTLOOP_PG_URL (and PGUSER, PGPASSWORD) to a PostgreSQL database"
        : null;
  }

  /** Opens the contender's store; blocks (the client's main thread, before the load starts). */
  static RunStore open(Vertx vertx, String contender) throws IOException {
    switch (contender) {
      case "agentloop-journal-memory":
        return RunStore.inMemory();
      case "agentloop-journal-sqlite":
        Path dir = Files.createTempDirectory("agentloop-bench-journal");
        return JdbcRunStore.open(vertx, "sqlite:" + dir.resolve("runs.db")).await();
      case "agentloop-journal-pg":
        String url = System.getenv("AGENTLOOP_PG_URL");
        return JdbcRunStore.open(
                vertx,
                new JdbcStoreOptions()
                    .setUrl(url.startsWith("jdbc:") ? url : "jdbc:" + url)
                    .setUser(System.getenv("PGUSER"))
                    .setPassword(System.getenv("PGPASSWORD"))
                    .setPoolSize(JdbcStoreOptions.DEFAULT_POOL_SIZE))
            .await();
      default:
        throw new IllegalArgumentException("unknown contender: " + contender);
    }
  }

  /**
   * Lines comparing each journaling result to {@code agentloop} without a store, and the durable
   * stores also to the in-memory one, in the same cell: throughput and CPU per conversation as
   * ratios.
   */
  static String ratios(List<JsonObject> all) {
    List<String> lines = new ArrayList<>();
    for (JsonObject r : all) {
      if (!CONTENDERS.contains(r.getString("contender")) || !r.containsKey("convPerSec")) {
        continue;
      }
      JsonObject none = ResultTable.peer(all, r, "agentloop");
      JsonObject memory = ResultTable.peer(all, r, CONTENDERS.get(0));
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "- C=%d, %d ms: %s",
                  r.getInteger("concurrency"),
                  r.getLong("latencyMs"),
                  r.getString("contender")));
      if (none != null) {
        line.append(against(r, none, "no store"));
      }
      if (memory != null && memory != r) {
        line.append(against(r, memory, "in-memory"));
      }
      if (none != null || (memory != null && memory != r)) {
        lines.add(line.append('\n').toString());
      }
    }
    return lines.isEmpty()
        ? ""
        : "\nJournaling overhead (ratios within this run):\n" + String.join("", lines);
  }

  private static String against(JsonObject r, JsonObject base, String name) {
    return String.format(
        Locale.ROOT,
        "; vs %s %.2fx conv/s, %.2fx CPU ms/conv",
        name,
        r.getDouble("convPerSec") / base.getDouble("convPerSec"),
        r.getDouble("cpuMsPerConv") / base.getDouble("cpuMsPerConv"));
  }
}
