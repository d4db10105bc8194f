package dev.agentloop.vertx.impl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentEvent;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.StopReason;
import dev.agentloop.internal.Json;
import dev.agentloop.memory.ConversationMemory;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.Usage;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The OpenAI-compatible {@code /v1/chat/completions} and {@code /v1/models} endpoints. */
final class OpenAiEndpoint {

  private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");

  private final Map<String, Agent> agents;
  private final Conversations conversations;

  OpenAiEndpoint(Map<String, Agent> agents, Conversations conversations) {
    this.agents = agents;
    this.conversations = conversations;
  }

  /** A parsed chat completion request. */
  private record Chat(
      String model,
      Agent agent,
      List<Message> history,
      Message user,
      boolean stream,
      @Nullable JsonNode schema) {}

  /** A caller mistake, answered with 400 and the offending parameter. */
  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final @Nullable String param;
    final @Nullable String code;

    BadRequest(String message, @Nullable String param, @Nullable String code) {
      super(message, null, false, false);
      this.param = param;
      this.code = code;
    }
  }

  void models(RoutingContext ctx) {
    JsonArray data = new JsonArray();
    agents.keySet().stream()
        .sorted()
        .forEach(
            name ->
                data.add(
                    new JsonObject()
                        .put("id", name)
                        .put("object", "model")
                        .put("created", 0)
                        .put("owned_by", "agentloop")));
    ctx.json(new JsonObject().put("object", "list").put("data", data));
  }

  void chat(RoutingContext ctx) {
    Chat chat;
    try {
      chat = parse(ctx.body().asJsonObject());
    } catch (BadRequest e) {
      int status = "model_not_found".equals(e.code) ? 404 : 400;
      Errors.send(ctx, status, "invalid_request_error", e.code, e.getMessage(), e.param);
      return;
    } catch (DecodeException | ClassCastException e) {
      Errors.send(ctx, 400, "invalid_request_error", null, "the body must be a JSON object", null);
      return;
    }
    Future<@Nullable ConversationMemory> memory =
        chat.history().isEmpty() ? Future.succeededFuture(null) : withHistory(chat.history());
    memory.onComplete(
        ar -> {
          if (ar.failed()) {
            Errors.send(ctx, Failures.of(ar.cause()), null);
            return;
          }
          AgentRun run =
              chat.agent()
                  .start(
                      Runs.traced(
                          RunRequest.builder(chat.user()).memory(ar.result()).stream(chat.stream())
                              .outputSchema(chat.schema())
                              .build(),
                          ctx.request().getHeader(Runs.TRACEPARENT)));
          long created = System.currentTimeMillis() / 1000;
          if (chat.stream()) {
            Sse.stream(
                ctx.response(),
                run,
                new ChunkWriter(chat.model(), created)::frames,
                List.of(Sse.frame("", "[DONE]")));
          } else {
            run.result()
                .onComplete(
                    r -> {
                      if (r.succeeded()) {
                        ctx.json(completion(chat.model(), created, r.result()));
                      } else {
                        Errors.send(ctx, Failures.of(r.cause()), null);
                      }
                    });
          }
        });
  }

  private Future<@Nullable ConversationMemory> withHistory(List<Message> history) {
    ConversationMemory memory = conversations.fresh();
    return memory.add(history).map(v -> memory);
  }

  private Chat parse(@Nullable JsonObject body) {
    if (body == null) {
      throw new BadRequest("the body must be a JSON object", null, null);
    }
    Object model = body.getValue("model");
    if (!(model instanceof String name)) {
      throw new BadRequest("'model' must name an agent", "model", null);
    }
    Agent agent = agents.get(name);
    if (agent == null) {
      throw new BadRequest("the model '" + name + "' does not exist", "model", "model_not_found");
    }
    JsonArray tools = body.getValue("tools") instanceof JsonArray a ? a : null;
    if (tools != null && !tools.isEmpty()) {
      throw new BadRequest(
          "this endpoint runs the agent's own tools; 'tools' is not supported",
          "tools",
          "unsupported_parameter");
    }
    Object raw = body.getValue("messages");
    if (!(raw instanceof JsonArray array) || array.isEmpty()) {
      throw new BadRequest("'messages' must be a non-empty array", "messages", null);
    }
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      messages.add(message(array.getValue(i), "messages[" + i + "]"));
    }
    Message user = messages.remove(messages.size() - 1);
    if (!user.role().equals("user")) {
      throw new BadRequest(
          "the last message must be a user message",
          "messages[" + messages.size() + "].role",
          null);
    }
    Object stream = body.getValue("stream", false);
    if (!(stream instanceof Boolean)) {
      throw new BadRequest("'stream' must be a boolean", "stream", null);
    }
    return new Chat(name, agent, messages, user, (Boolean) stream, schema(body));
  }

  private static Message message(@Nullable Object value, String param) {
    if (!(value instanceof JsonObject json) || !(json.getValue("role") instanceof String role)) {
      throw new BadRequest("each message must be an object with a 'role'", param, null);
    }
    if (!ROLES.contains(role)) {
      throw new BadRequest(
          "unsupported role '" + role + "': use system, developer, user or assistant",
          param + ".role",
          null);
    }
    if (json.containsKey("tool_calls")) {
      throw new BadRequest(
          "messages with client-side tool calls are not supported",
          param + ".tool_calls",
          "unsupported_parameter");
    }
    try {
      return Json.MAPPER.readValue(json.encode(), Message.class);
    } catch (Exception e) {
      throw new BadRequest(
          "the message is malformed: its content must be a string or an array of parts",
          param + ".content",
          null);
    }
  }

  private static @Nullable JsonNode schema(JsonObject body) {
    if (!(body.getValue("response_format") instanceof JsonObject format)
        || !"json_schema".equals(format.getString("type"))) {
      return null;
    }
    JsonObject jsonSchema = format.getJsonObject("json_schema");
    JsonObject schema = jsonSchema == null ? null : jsonSchema.getJsonObject("schema");
    if (schema == null) {
      throw new BadRequest(
          "'response_format.json_schema.schema' must be a JSON schema object",
          "response_format",
          null);
    }
    try {
      return Json.MAPPER.readTree(schema.encode());
    } catch (Exception e) {
      throw new BadRequest("the response schema is malformed", "response_format", null);
    }
  }

  private static JsonObject completion(String model, long created, AgentResult result) {
    JsonObject message =
        new JsonObject()
            .put("role", "assistant")
            .put("content", result.text())
            .put("refusal", null);
    return new JsonObject()
        .put("id", "chatcmpl-" + result.runId())
        .put("object", "chat.completion")
        .put("created", created)
        .put("model", model)
        .put(
            "choices",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("index", 0)
                        .put("message", message)
                        .put("logprobs", null)
                        .put("finish_reason", finishReason(result.stopReason()))))
        .put("usage", usage(result.usage()));
  }

  static String finishReason(StopReason reason) {
    return switch (reason) {
      case COMPLETED, CANCELLED -> "stop";
      default -> "length";
    };
  }

  static JsonObject usage(Usage usage) {
    return new JsonObject()
        .put("prompt_tokens", usage.promptTokens())
        .put("completion_tokens", usage.completionTokens())
        .put("total_tokens", usage.totalTokens())
        .put("cost", usage.costOrZero());
  }

  /** Turns a run's events into chat completion chunks. */
  private static final class ChunkWriter {
    private final String model;
    private final long created;
    private int lastTextStep = -1;

    ChunkWriter(String model, long created) {
      this.model = model;
      this.created = created;
    }

    List<String> frames(AgentEvent event) {
      if (event instanceof AgentEvent.RunStarted) {
        return List.of(
            chunk(
                event.runId(),
                new JsonObject().put("role", "assistant").put("content", ""),
                null,
                null));
      } else if (event instanceof AgentEvent.TextDelta delta) {
        lastTextStep = delta.step();
        return List.of(
            chunk(event.runId(), new JsonObject().put("content", delta.text()), null, null));
      } else if (event instanceof AgentEvent.RunFinished finished) {
        AgentResult result = finished.result();
        List<String> frames = new ArrayList<>();
        int lastStep =
            result.steps().isEmpty() ? 0 : result.steps().get(result.steps().size() - 1).index();
        if (result.text() != null && lastStep != lastTextStep) {
          // The final text was not streamed (e.g. a provider that answered in one piece).
          frames.add(
              chunk(event.runId(), new JsonObject().put("content", result.text()), null, null));
        }
        frames.add(
            chunk(
                event.runId(),
                new JsonObject(),
                finishReason(result.stopReason()),
                usage(result.usage())));
        return frames;
      } else if (event instanceof AgentEvent.RunFailed failed) {
        return List.of(Sse.frame("", Failures.of(failed.error()).toJson(null).encode()));
      }
      return List.of();
    }

    private String chunk(
        String runId, JsonObject delta, @Nullable String finishReason, @Nullable JsonObject usage) {
      JsonObject chunk =
          new JsonObject()
              .put("id", "chatcmpl-" + runId)
              .put("object", "chat.completion.chunk")
              .put("created", created)
              .put("model", model)
              .put(
                  "choices",
                  new JsonArray()
                      .add(
                          new JsonObject()
                              .put("index", 0)
                              .put("delta", delta)
                              .put("logprobs", null)
                              .put("finish_reason", finishReason)));
      if (usage != null) {
        chunk.put("usage", usage);
      }
      return Sse.frame("", chunk.encode());
    }
  }
}
