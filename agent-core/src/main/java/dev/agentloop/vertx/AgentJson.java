package dev.agentloop.vertx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.agent.AgentEvent;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.Step;
import dev.agentloop.agent.StopReason;
import dev.agentloop.agent.ToolExecution;
import dev.agentloop.internal.Json;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.UrlCitation;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.run.PendingApproval;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.vertx.impl.Failures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The stable JSON form of {@link AgentResult}s and {@link AgentEvent}s, used on the event bus, in
 * HTTP responses and in Server-Sent Events. Keys are camelCase; messages inside {@code transcript}
 * and {@code steps[].message} use OpenRouter's wire form (snake_case).
 *
 * <p>A result looks like this (some keys omitted when null):
 *
 * <pre>{@code
 * {"runId": "…", "sessionId": "…", "stopReason": "COMPLETED", "text": "It is sunny.",
 *  "output": null, "model": "openai/gpt-4o-mini", "cost": 0.0021,
 *  "usage": {"promptTokens": 120, "completionTokens": 30, "totalTokens": 150,
 *            "cachedTokens": 0, "reasoningTokens": 0, "cost": 0.0021},
 *  "usageByModel": {"openai/gpt-4o-mini": {…}},
 *  "usageByAgent": {"triage": {…}, "research": {…}}, "agents": ["triage", "weather"],
 *  "sources": [{"url": "https://…", "title": "…"}],
 *  "steps": [{"index": 1, "kind": "ITERATION", "model": "…", "finishReason": "tool_calls",
 *             "durationMs": 412, "usage": {…}, "message": {…},
 *             "toolCalls": [{"id": "call_1", "name": "weather", "arguments": "{\"city\":\"Oslo\"}",
 *                            "result": "sunny", "error": null, "durationMs": 3}]}],
 *  "transcript": [{"role": "user", "content": "…"}, …], "error": null, "outputErrors": []}
 * }</pre>
 *
 * <p>An event is an object with a {@code type} ({@link #eventType}) and the run id; see {@link
 * #toJson(AgentEvent)}.
 */
public final class AgentJson {

  private AgentJson() {}

  /** Returns the full JSON form of a result, with its transcript and error message. */
  public static JsonObject toJson(AgentResult result) {
    return toJson(result, true);
  }

  /**
   * Returns the JSON form of a result.
   *
   * @param full true to include the transcript (which holds the agent's instructions) and the raw
   *     error message; false for responses to untrusted callers, which get neither
   */
  public static JsonObject toJson(AgentResult result, boolean full) {
    JsonObject json =
        new JsonObject()
            .put("runId", result.runId())
            .put("sessionId", result.sessionId())
            .put("stopReason", result.stopReason().name())
            .put("text", result.text())
            .put("output", result.output() == null ? null : plain(result.output()))
            .put("model", result.model())
            .put("cost", result.usage().costOrZero())
            .put("usage", toJson(result.usage()));
    JsonObject byModel = new JsonObject();
    result.usageByModel().forEach((model, usage) -> byModel.put(model, toJson(usage)));
    json.put("usageByModel", byModel);
    JsonObject byAgent = new JsonObject();
    result.usageByAgent().forEach((agent, usage) -> byAgent.put(agent, toJson(usage)));
    json.put("usageByAgent", byAgent).put("agents", new JsonArray(result.agents()));
    JsonArray sources = new JsonArray();
    for (UrlCitation c : result.sources()) {
      sources.add(new JsonObject().put("url", c.url()).put("title", c.title()));
    }
    json.put("sources", sources);
    JsonArray steps = new JsonArray();
    result.steps().forEach(step -> steps.add(toJson(step, full)));
    json.put("steps", steps);
    if (full) {
      JsonArray transcript = new JsonArray();
      result.transcript().forEach(m -> transcript.add(toJson(m)));
      json.put("transcript", transcript);
    }
    Throwable error = result.error();
    json.put("error", error == null ? null : full ? error.getMessage() : Failures.describe(error));
    JsonArray pending = new JsonArray();
    for (PendingApproval p : result.pendingApprovals()) {
      pending.add(
          new JsonObject()
              .put("runId", p.runId())
              .put("callId", p.callId())
              .put("tool", p.tool())
              .put("arguments", p.arguments())
              .put("digest", p.digest()));
    }
    return json.put("outputErrors", new JsonArray(result.outputErrors()))
        .put("pendingApprovals", pending);
  }

  /**
   * Reads a result written by {@link #toJson(AgentResult)}. The structured {@link
   * AgentResult#value()} is not carried (read it with {@link AgentResult#output(Class)}); an error
   * comes back as an {@link dev.agentloop.AgentException} with the original message.
   *
   * @throws IllegalArgumentException when the JSON is not a result
   */
  public static AgentResult resultFromJson(JsonObject json) {
    try {
      List<Step> steps = new ArrayList<>();
      json.getJsonArray("steps", new JsonArray())
          .forEach(s -> steps.add(stepFromJson((JsonObject) s)));
      List<Message> transcript = new ArrayList<>();
      json.getJsonArray("transcript", new JsonArray())
          .forEach(m -> transcript.add(messageFromJson((JsonObject) m)));
      Map<String, Usage> byModel = new LinkedHashMap<>();
      json.getJsonObject("usageByModel", new JsonObject())
          .forEach(e -> byModel.put(e.getKey(), usageFromJson((JsonObject) e.getValue())));
      Map<String, Usage> byAgent = new LinkedHashMap<>();
      json.getJsonObject("usageByAgent", new JsonObject())
          .forEach(e -> byAgent.put(e.getKey(), usageFromJson((JsonObject) e.getValue())));
      List<String> agents = new ArrayList<>();
      json.getJsonArray("agents", new JsonArray()).forEach(a -> agents.add((String) a));
      List<String> outputErrors = new ArrayList<>();
      json.getJsonArray("outputErrors", new JsonArray()).forEach(e -> outputErrors.add((String) e));
      List<PendingApproval> pending = new ArrayList<>();
      json.getJsonArray("pendingApprovals", new JsonArray())
          .forEach(
              e -> {
                JsonObject p = (JsonObject) e;
                pending.add(
                    new PendingApproval(
                        p.getString("runId"),
                        p.getString("callId"),
                        p.getString("tool"),
                        p.getString("arguments"),
                        p.getString("digest")));
              });
      String error = json.getString("error");
      return new AgentResult(
          json.getString("runId"),
          json.getString("sessionId"),
          StopReason.valueOf(json.getString("stopReason")),
          json.getString("text"),
          node(json.getValue("output")),
          null,
          transcript,
          steps,
          usageFromJson(json.getJsonObject("usage", new JsonObject())),
          byModel,
          json.getString("model"),
          error == null ? null : new dev.agentloop.AgentException(error),
          outputErrors,
          pending,
          byAgent,
          agents);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an agent result: " + e.getMessage(), e);
    }
  }

  /** Returns the event type written as {@code type}, e.g. {@code text_delta}. */
  public static String eventType(AgentEvent event) {
    if (event instanceof AgentEvent.RunStarted) {
      return "run_started";
    } else if (event instanceof AgentEvent.ModelRequest) {
      return "model_request";
    } else if (event instanceof AgentEvent.TextDelta) {
      return "text_delta";
    } else if (event instanceof AgentEvent.ToolCallRequested) {
      return "tool_call_requested";
    } else if (event instanceof AgentEvent.ToolCallFinished) {
      return "tool_call_finished";
    } else if (event instanceof AgentEvent.StepFinished) {
      return "step_finished";
    } else if (event instanceof AgentEvent.RunFinished) {
      return "run_finished";
    } else if (event instanceof AgentEvent.AgentAnswering) {
      return "agent_answering";
    } else if (event instanceof AgentEvent.SubAgentEvent) {
      return "sub_agent";
    }
    return "run_failed";
  }

  /**
   * Returns the JSON form of an event: {@code type}, {@code runId} and the event's data. Safe to
   * send to untrusted callers: model requests carry only the model, finished runs carry the result
   * without transcript, and failures carry a message without upstream details.
   *
   * <ul>
   *   <li>{@code run_started}: {@code sessionId}
   *   <li>{@code model_request}: {@code step}, {@code model}
   *   <li>{@code text_delta}: {@code step}, {@code text}
   *   <li>{@code tool_call_requested}: {@code step}, {@code id}, {@code name}, {@code arguments}
   *   <li>{@code tool_call_finished}: the same plus {@code result}, {@code error}, {@code
   *       durationMs}
   *   <li>{@code step_finished}: {@code step} (a step object without its message)
   *   <li>{@code run_finished}: {@code result} (see {@link #toJson(AgentResult, boolean)})
   *   <li>{@code run_failed}: {@code stopReason}, {@code message}, {@code result}
   *   <li>{@code agent_answering}: {@code agent}, {@code depth} (after a handoff)
   *   <li>{@code sub_agent}: {@code agent}, {@code depth} and {@code event}, the JSON form of the
   *       event of an agent called as a tool
   * </ul>
   */
  public static JsonObject toJson(AgentEvent event) {
    JsonObject json = new JsonObject().put("type", eventType(event)).put("runId", event.runId());
    if (event instanceof AgentEvent.RunStarted e) {
      json.put("sessionId", e.sessionId());
    } else if (event instanceof AgentEvent.ModelRequest e) {
      json.put("step", e.step()).put("model", e.request().parameters().model());
    } else if (event instanceof AgentEvent.TextDelta e) {
      json.put("step", e.step()).put("text", e.text());
    } else if (event instanceof AgentEvent.ToolCallRequested e) {
      json.put("step", e.step()).mergeIn(call(e.call()));
    } else if (event instanceof AgentEvent.ToolCallFinished e) {
      json.put("step", e.step()).mergeIn(toJson(new ToolExecution(e.call(), e.result())));
    } else if (event instanceof AgentEvent.StepFinished e) {
      json.put("step", toJson(e.step(), false));
    } else if (event instanceof AgentEvent.RunFinished e) {
      json.put("result", toJson(e.result(), false));
    } else if (event instanceof AgentEvent.RunFailed e) {
      json.put("stopReason", e.error().stopReason().name())
          .put("message", Failures.describe(e.error()))
          .put("result", toJson(e.error().result(), false));
    } else if (event instanceof AgentEvent.AgentAnswering e) {
      json.put("agent", e.agent()).put("depth", e.depth());
    } else if (event instanceof AgentEvent.SubAgentEvent e) {
      json.put("agent", e.agent()).put("depth", e.depth()).put("event", toJson(e.event()));
    }
    return json;
  }

  /** Returns the JSON form of usage: token counts, cached and reasoning tokens, cost in USD. */
  public static JsonObject toJson(Usage usage) {
    return new JsonObject()
        .put("promptTokens", usage.promptTokens())
        .put("completionTokens", usage.completionTokens())
        .put("totalTokens", usage.totalTokens())
        .put("cachedTokens", usage.cachedTokens())
        .put("reasoningTokens", usage.reasoningTokens())
        .put("cost", usage.costOrZero());
  }

  private static JsonObject toJson(Step step, boolean withMessage) {
    JsonArray calls = new JsonArray();
    step.toolCalls().forEach(c -> calls.add(toJson(c)));
    JsonObject json =
        new JsonObject()
            .put("index", step.index())
            .put("kind", step.kind().name())
            .put("requestedModel", step.requestedModel())
            .put("model", step.model())
            .put("finishReason", step.finishReason())
            .put("text", step.message().text())
            .put("durationMs", step.duration().toMillis())
            .put("usage", toJson(step.usage()))
            .put("toolCalls", calls);
    return withMessage ? json.put("message", toJson(step.message())) : json;
  }

  private static JsonObject call(ToolCall call) {
    return new JsonObject()
        .put("id", call.id())
        .put("name", call.function().name())
        .put("arguments", call.function().arguments());
  }

  private static JsonObject toJson(ToolExecution execution) {
    ToolResult result = execution.result();
    return call(execution.call())
        .put("result", result.content())
        .put("error", result.error() == null ? null : result.error().name())
        .put("durationMs", result.duration().toMillis());
  }

  private static Step stepFromJson(JsonObject json) {
    List<ToolExecution> calls = new ArrayList<>();
    for (Object o : json.getJsonArray("toolCalls", new JsonArray())) {
      JsonObject c = (JsonObject) o;
      String id = c.getString("id");
      String name = Objects.requireNonNullElse(c.getString("name"), "");
      String error = c.getString("error");
      Duration duration = Duration.ofMillis(c.getLong("durationMs", 0L));
      calls.add(
          new ToolExecution(
              ToolCall.of(id, name, c.getString("arguments")),
              new ToolResult(
                  id,
                  name,
                  c.getString("result", ""),
                  error == null ? null : ToolResult.ErrorKind.valueOf(error),
                  duration)));
    }
    JsonObject message = json.getJsonObject("message");
    return new Step(
        json.getInteger("index"),
        Step.Kind.valueOf(json.getString("kind")),
        json.getString("requestedModel"),
        json.getString("model"),
        message != null ? messageFromJson(message) : assistant(json.getString("text"), calls),
        json.getString("finishReason"),
        calls,
        usageFromJson(json.getJsonObject("usage", new JsonObject())),
        Duration.ofMillis(json.getLong("durationMs", 0L)));
  }

  private static Message assistant(@Nullable String text, List<ToolExecution> calls) {
    return calls.isEmpty()
        ? new Message("assistant", text, null, null, null, null, null, null, null)
        : Message.assistant(text, calls.stream().map(ToolExecution::call).toList());
  }

  private static Usage usageFromJson(JsonObject json) {
    Object cost = json.getValue("cost");
    return new Usage(
        json.getInteger("promptTokens", 0),
        json.getInteger("completionTokens", 0),
        json.getInteger("totalTokens", 0),
        new Usage.PromptTokensDetails(json.getInteger("cachedTokens", 0), null),
        new Usage.CompletionTokensDetails(json.getInteger("reasoningTokens", 0)),
        cost == null ? BigDecimal.ZERO : new BigDecimal(cost.toString()),
        null);
  }

  /** Returns a message in OpenRouter's wire form (public for the runs API). */
  public static JsonObject messageJson(Message message) {
    return toJson(message);
  }

  /** Returns a message in OpenRouter's wire form. */
  @SuppressWarnings("unchecked")
  static JsonObject toJson(Message message) {
    return new JsonObject(Json.MAPPER.convertValue(message, Map.class));
  }

  /** Reads a message in OpenRouter's wire form. */
  static Message messageFromJson(JsonObject json) {
    try {
      return Json.MAPPER.readValue(json.encode(), Message.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a message: " + e.getOriginalMessage(), e);
    }
  }

  private static @Nullable Object plain(JsonNode node) {
    return io.vertx.core.json.Json.decodeValue(node.toString());
  }

  private static @Nullable JsonNode node(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(io.vertx.core.json.Json.encode(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
