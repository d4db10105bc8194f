package dev.agentloop.vertx.impl;

import dev.agentloop.agent.AgentEvent;
import dev.agentloop.agent.AgentResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a run's events into chat completion chunks, framed as OpenAI does: the finish chunk carries
 * no usage; with {@code stream_options.include_usage} a last chunk with {@code choices: []} carries
 * it.
 */
final class ChunkWriter {
  private final String model;
  private final long created;
  private final boolean includeUsage;
  private int lastTextStep = -1;
  // After a handoff, chunks name the agent answering (an extra field that OpenAI clients ignore).
  private @Nullable String agent;

  ChunkWriter(String model, long created, boolean includeUsage) {
    this.model = model;
    this.created = created;
    this.includeUsage = includeUsage;
  }

  List<String> frames(AgentEvent event) {
    if (event instanceof AgentEvent.RunStarted) {
      return List.of(
          chunk(
              event.runId(), choice(new JsonObject().put("role", "assistant").put("content", ""))));
    } else if (event instanceof AgentEvent.TextDelta delta) {
      lastTextStep = delta.step();
      return List.of(chunk(event.runId(), choice(new JsonObject().put("content", delta.text()))));
    } else if (event instanceof AgentEvent.AgentAnswering answering) {
      agent = answering.agent();
      return List.of();
    } else if (event instanceof AgentEvent.RunFinished finished) {
      return finish(event.runId(), finished.result());
    } else if (event instanceof AgentEvent.RunFailed failed) {
      return List.of(Sse.frame("", Failures.of(failed.error()).toJson(null).encode()));
    }
    return List.of();
  }

  private List<String> finish(String runId, AgentResult result) {
    List<String> frames = new ArrayList<>();
    int lastStep =
        result.steps().isEmpty() ? 0 : result.steps().get(result.steps().size() - 1).index();
    if (result.text() != null && lastStep != lastTextStep) {
      // The final text was not streamed (e.g. a provider that answered in one piece).
      frames.add(chunk(runId, choice(new JsonObject().put("content", result.text()))));
    }
    JsonArray finish = choice(new JsonObject());
    finish.getJsonObject(0).put("finish_reason", OpenAiEndpoint.finishReason(result.stopReason()));
    frames.add(chunk(runId, finish));
    if (includeUsage) {
      JsonObject usage = chunkJson(runId, new JsonArray());
      usage.put("usage", OpenAiEndpoint.usage(result.usage()));
      frames.add(Sse.frame("", usage.encode()));
    }
    return frames;
  }

  private static JsonArray choice(JsonObject delta) {
    return new JsonArray()
        .add(
            new JsonObject()
                .put("index", 0)
                .put("delta", delta)
                .put("logprobs", null)
                .put("finish_reason", null));
  }

  private String chunk(String runId, JsonArray choices) {
    return Sse.frame("", chunkJson(runId, choices).encode());
  }

  private JsonObject chunkJson(String runId, JsonArray choices) {
    JsonObject chunk =
        new JsonObject()
            .put("id", "chatcmpl-" + runId)
            .put("object", "chat.completion.chunk")
            .put("created", created)
            .put("model", model);
    if (agent != null) {
      chunk.put("agent", agent);
    }
    chunk.put("choices", choices);
    if (includeUsage) {
      // OpenAI sends "usage": null on every chunk but the last when usage was asked for.
      chunk.putNull("usage");
    }
    return chunk;
  }
}
