package dev.agentloop.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.AgentRunException;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.openrouter.ModelInfo;
import dev.agentloop.openrouter.OpenRouterClient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs one turn for {@code run} and {@code chat}: streams the answer, shows progress, prints the
 * result (text, structured JSON, or the {@code --json} document) and the summary line, and maps the
 * outcome to an exit code.
 */
final class Runner {

  /**
   * A finished turn.
   *
   * @param exitCode the exit code it maps to
   * @param result the (possibly partial) result, or null when the run failed without one
   */
  record Outcome(int exitCode, @Nullable AgentResult result) {}

  private final Cli cli;
  private final Vertx vertx;
  private final CommonOptions o;
  private @Nullable OpenRouterClient catalogue;

  Runner(Cli cli, Vertx vertx, CommonOptions o) {
    this.cli = cli;
    this.vertx = vertx;
    this.o = o;
  }

  /**
   * Sets the client whose model catalogue prices what prompt caching saved, for the summary line;
   * asked only after a run that used the cache. Returns this.
   */
  Runner prices(@Nullable OpenRouterClient client) {
    this.catalogue = client;
    return this;
  }

  /** Runs the request to its end, blocking the calling (non-event-loop) thread. */
  Outcome run(Agent agent, RunRequest request) {
    boolean structured = request.outputType() != null;
    boolean stream = !o.noStream && !o.json && !structured;
    Progress progress = new Progress(vertx, cli, stream, o.verbose);
    AgentRun run = agent.start(request.toBuilder().stream(stream).build());
    Promise<Void> ended = Promise.promise();
    run.events().endHandler(v -> ended.tryComplete()).handler(progress);
    Future<AgentResult> future = settle(run.result());
    // Let the last events (streamed text, tool lines) print before the result does.
    settle(ended.future().timeout(5, TimeUnit.SECONDS));
    progress.stopSpinner();
    Throwable failure = future.cause();
    AgentResult result =
        future.succeeded()
            ? future.result()
            : failure instanceof AgentRunException are ? are.result() : null;
    int exit = failure != null ? ExitCodes.of(failure) : ExitCodes.of(result.stopReason());
    if (o.json) {
      cli.out.println(
          result != null
              ? JsonReport.of(result, o.model, exit, failure).encodePrettily()
              : new io.vertx.core.json.JsonObject()
                  .put("model", o.model)
                  .put("exit_code", exit)
                  .put("error", JsonReport.error(failure))
                  .encodePrettily());
    } else {
      printAnswer(result, progress.streamed(), structured);
    }
    printOutcome(result, failure, exit);
    return new Outcome(exit, result);
  }

  private void printAnswer(@Nullable AgentResult result, boolean streamed, boolean structured) {
    JsonNode output = result == null ? null : result.output();
    if (structured && output != null) {
      cli.out.println(output.toPrettyString());
    } else if (streamed) {
      cli.out.println();
    } else if (result != null && result.text() != null) {
      cli.out.println(result.text());
    }
    if (!structured && result != null && !result.sources().isEmpty()) {
      // Web search citations (url_citation annotations), deduplicated by URL.
      cli.out.println("\nSources:");
      int n = 0;
      for (dev.agentloop.openrouter.UrlCitation c : result.sources()) {
        cli.out.println("[" + ++n + "] " + (c.title() == null ? "" : c.title() + " — ") + c.url());
      }
    }
    cli.out.flush();
  }

  private void printOutcome(@Nullable AgentResult result, @Nullable Throwable failure, int exit) {
    if (failure != null) {
      cli.err.println(ExitCodes.message(failure));
      if (o.verbose) {
        failure.printStackTrace(cli.err);
      }
    } else if (exit != ExitCodes.OK) {
      cli.err.println("stopped: " + ExitCodes.stopMessage(result.stopReason()));
    }
    if (result != null) {
      cli.err.println(Format.summary(result, cacheSavings(result)));
    }
  }

  /** What prompt caching saved in USD, from the catalogue's prices; null when unknown. */
  private @Nullable BigDecimal cacheSavings(AgentResult result) {
    if (catalogue == null
        || (result.usage().cachedTokens() == 0 && result.usage().cacheWriteTokens() == 0)) {
      return null;
    }
    Future<List<ModelInfo>> models = settle(catalogue.models().timeout(10, TimeUnit.SECONDS));
    return models.succeeded() ? Format.cacheSavings(result, models.result()) : null;
  }

  /** Waits until the future completes, without throwing, and returns it. */
  static <T> Future<T> settle(Future<T> future) {
    try {
      future.toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException | java.util.concurrent.CancellationException ignored) {
      // The caller reads the outcome from the future itself.
    }
    return future;
  }
}
