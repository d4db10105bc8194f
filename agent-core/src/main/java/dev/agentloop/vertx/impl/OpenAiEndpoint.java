package dev.agentloop.vertx.impl;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.StopReason;
import dev.agentloop.agent.impl.OutputSchemas;
import dev.agentloop.memory.ConversationMemory;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.Usage;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The OpenAI-compatible {@code /v1/chat/completions} and {@code /v1/models} endpoints. */
final class OpenAiEndpoint {

  private final Map<String, Agent> agents;
  private final Conversations conversations;
  private final Duration keepAlive;

  OpenAiEndpoint(Map<String, Agent> agents, Conversations conversations, Duration keepAlive) {
    this.agents = agents;
    this.conversations = conversations;
    this.keepAlive = keepAlive;
  }

  void models(RoutingContext ctx) {
    JsonArray data = new JsonArray();
    agents.keySet().stream().sorted().forEach(name -> data.add(model(name)));
    ctx.json(new JsonObject().put("object", "list").put("data", data));
  }

  /** {@code GET /v1/models/:id}: the agent as a model, or 404. */
  void model(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!agents.containsKey(id)) {
      Errors.send(
          ctx,
          404,
          "invalid_request_error",
          "model_not_found",
          "the model '" + id + "' does not exist",
          "model");
      return;
    }
    ctx.json(model(id));
  }

  private static JsonObject model(String name) {
    return new JsonObject()
        .put("id", name)
        .put("object", "model")
        .put("created", 0)
        .put("owned_by", "agentloop");
  }

  void chat(RoutingContext ctx) {
    ChatCompletionRequest chat;
    try {
      chat = ChatCompletionRequest.parse(ctx.body().asJsonObject(), agents);
    } catch (ChatCompletionRequest.BadRequest e) {
      Errors.send(ctx, e.status(), "invalid_request_error", e.code, e.getMessage(), e.param);
      return;
    } catch (DecodeException | ClassCastException e) {
      Errors.send(ctx, 400, "invalid_request_error", null, "the body must be a JSON object", null);
      return;
    }
    Future<@Nullable ConversationMemory> memory =
        OutputSchemas.prepare(ctx.vertx(), chat.schema())
            .compose(
                v ->
                    chat.history().isEmpty()
                        ? Future.<@Nullable ConversationMemory>succeededFuture(null)
                        : withHistory(chat.history()));
    memory.onComplete(
        ar -> {
          if (ar.failed() && ar.cause() instanceof IllegalArgumentException e) {
            Errors.send(
                ctx,
                400,
                "invalid_request_error",
                null,
                "the response schema is invalid: " + e.getMessage(),
                "response_format");
            return;
          }
          if (ar.failed()) {
            Errors.send(ctx, Failures.of(ar.cause()), null);
            return;
          }
          AgentRun run;
          try {
            run =
                chat.agent()
                    .start(
                        Runs.traced(
                            RunRequest.builder(chat.user()).memory(ar.result()).stream(
                                    chat.stream())
                                .outputSchema(chat.schema())
                                .parameters(chat.parameters())
                                .build(),
                            ctx.request().getHeader(Runs.TRACEPARENT)));
          } catch (IllegalArgumentException e) {
            // A caller's schema that is refused or cannot be compiled is the caller's mistake.
            Errors.send(
                ctx,
                400,
                "invalid_request_error",
                null,
                "the response schema is invalid: " + e.getMessage(),
                "response_format");
            return;
          }
          long created = System.currentTimeMillis() / 1000;
          if (chat.stream()) {
            Sse.stream(
                ctx.vertx(),
                ctx.response(),
                run,
                keepAlive,
                new ChunkWriter(chat.model(), created, chat.includeUsage())::frames,
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

  private static JsonObject completion(String model, long created, AgentResult result) {
    JsonObject message =
        new JsonObject()
            .put("role", "assistant")
            .put("content", result.text())
            .put("refusal", null);
    JsonObject completion = new JsonObject();
    if (!result.agents().isEmpty()) {
      // Not an OpenAI field (clients ignore unknown ones): the agent that answered last.
      completion.put("agent", result.agents().get(result.agents().size() - 1));
    }
    return completion
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
      case INPUT_GUARDRAIL, OUTPUT_GUARDRAIL, TOOL_GUARDRAIL -> "content_filter";
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
}
