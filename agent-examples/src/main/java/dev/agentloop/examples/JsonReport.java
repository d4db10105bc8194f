package dev.agentloop.examples;

import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.Step;
import dev.agentloop.agent.ToolExecution;
import dev.agentloop.openrouter.OpenRouterException;
import dev.agentloop.openrouter.Usage;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jspecify.annotations.Nullable;

/**
 * The {@code --json} document of a run: {@code model}, {@code stop_reason}, {@code text}, {@code
 * output}, {@code output_errors}, {@code steps} (each with {@code tool_calls} and {@code usage}),
 * {@code usage} (with {@code cost} in USD), {@code exit_code}, {@code agents} (who answered, in
 * order) and {@code usage_by_agent}, and {@code error} when it failed.
 */
final class JsonReport {

  private JsonReport() {}

  /** Returns the document for a run's (possibly partial) result. */
  static JsonObject of(AgentResult r, String requestedModel, int exitCode, @Nullable Throwable e) {
    JsonArray steps = new JsonArray();
    for (Step s : r.steps()) {
      JsonArray calls = new JsonArray();
      for (ToolExecution t : s.toolCalls()) {
        calls.add(
            new JsonObject()
                .put("name", t.name())
                .put("arguments", t.arguments())
                .put("result", t.result().content())
                .put("error", t.result().error() == null ? null : t.result().error().name())
                .put("duration_ms", t.duration().toMillis()));
      }
      steps.add(
          new JsonObject()
              .put("index", s.index())
              .put("kind", s.kind().name())
              .put("model", s.model())
              .put("finish_reason", s.finishReason())
              .put("text", s.message().text())
              .put("tool_calls", calls)
              .put("usage", usage(s.usage()))
              .put("duration_ms", s.duration().toMillis()));
    }
    JsonObject doc =
        new JsonObject()
            .put("model", r.model() != null ? r.model() : requestedModel)
            .put("stop_reason", r.stopReason().name())
            .put("text", r.text())
            .put("output", r.output() == null ? null : Json.decodeValue(r.output().toString()))
            .put("output_errors", new JsonArray(r.outputErrors()))
            .put("steps", steps)
            .put("usage", usage(r.usage()))
            .put("exit_code", exitCode);
    if (!r.agents().isEmpty()) {
      // Composed agents: who answered, in order (handoffs), and the usage of every agent.
      JsonObject byAgent = new JsonObject();
      r.usageByAgent().forEach((agent, u) -> byAgent.put(agent, usage(u)));
      doc.put("agents", new JsonArray(r.agents())).put("usage_by_agent", byAgent);
    }
    if (e != null) {
      doc.put("error", error(e));
    }
    return doc;
  }

  /** Returns a usage object: token counts and cost in USD. */
  static JsonObject usage(Usage u) {
    return new JsonObject()
        .put("prompt_tokens", u.promptTokens())
        .put("completion_tokens", u.completionTokens())
        .put("total_tokens", u.totalTokens())
        .put("cost", u.costOrZero());
  }

  /** Returns an error object: message, and for API errors the kind and HTTP status. */
  static JsonObject error(Throwable e) {
    JsonObject o = new JsonObject().put("message", ExitCodes.message(e));
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OpenRouterException api) {
        o.put("kind", api.kind().name()).put("status", api.statusCode());
        break;
      }
    }
    return o;
  }
}
