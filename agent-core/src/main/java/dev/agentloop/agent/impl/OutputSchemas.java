package dev.agentloop.agent.impl;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a caller's output schema on a worker before a run starts, for the HTTP and event-bus
 * endpoints: a refused or invalid schema is known (and answered with 400) before a response starts,
 * and compiling a large schema never holds the event loop; the run then finds it compiled.
 */
public final class OutputSchemas {

  private OutputSchemas() {}

  /**
   * Returns a future that succeeds once the schema is compiled (at once when it is null), or fails
   * with {@link IllegalArgumentException} when it is refused or invalid.
   */
  public static Future<Void> prepare(Vertx vertx, @Nullable JsonNode schema) {
    if (schema == null) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(
        () -> {
          // The budget does not matter here: only the compiled schema is kept.
          StructuredOutput.forSchema(schema, Duration.ofSeconds(1));
          return null;
        },
        false);
  }
}
