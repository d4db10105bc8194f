package dev.agentloop.vertx.impl;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.impl.OutputSchemas;
import dev.agentloop.vertx.AgentJson;
import dev.agentloop.vertx.AgentService;
import dev.agentloop.vertx.AgentServiceOptions;
import dev.agentloop.vertx.AgentServiceRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Serves one agent on the event bus: one run per request message. */
public final class AgentServiceImpl {

  private final Vertx vertx;
  private final Agent agent;
  private final Conversations conversations;
  private final RunOperations runs;
  private final String name;

  /** Creates the service; the options are already copied. */
  public AgentServiceImpl(Vertx vertx, Agent agent, AgentServiceOptions options) {
    this.vertx = vertx;
    this.agent = agent;
    this.conversations =
        new Conversations(options.getMaxConversations(), options.getMemoryMaxTokens());
    this.name = agent.options().getName() == null ? "agent" : agent.options().getName();
    this.runs = new RunOperations(Map.of(name, agent));
  }

  /** Handles one request message. */
  public void handle(Message<JsonObject> message) {
    String action = message.headers().get(AgentService.ACTION);
    if (action != null) {
      runs(message, action);
      return;
    }
    AgentServiceRequest request;
    RunRequest runRequest;
    try {
      request = AgentServiceRequest.fromJson(message.body());
      String id = request.conversationId();
      runRequest =
          Runs.toRunRequest(
              request,
              id == null ? null : conversations.get(agent, id),
              request.eventsAddress() != null);
    } catch (IllegalArgumentException | ClassCastException e) {
      message.fail(400, "invalid agent request: " + e.getMessage());
      return;
    }
    RunRequest ready = Runs.traced(runRequest, message.headers().get(Runs.TRACEPARENT));
    String eventsAddress = request.eventsAddress();
    OutputSchemas.prepare(vertx, ready.outputSchema())
        .onComplete(
            ar -> {
              if (ar.failed()) {
                message.fail(
                    400,
                    "invalid agent request: outputSchema is invalid: " + ar.cause().getMessage());
                return;
              }
              run(message, ready, eventsAddress);
            });
  }

  /** Serves one runs operation with the same answers and failure codes as {@code /v1/runs}. */
  private void runs(Message<JsonObject> message, String action) {
    JsonObject body = message.body() == null ? new JsonObject() : message.body();
    Future<JsonObject> answer;
    try {
      answer =
          switch (action) {
            case AgentService.START_RUN ->
                runs.start(name, body.getString("input"), message.headers().get(Runs.TRACEPARENT));
            case AgentService.GET_RUN -> runs.show(required(body, "id"));
            case AgentService.LIST_RUNS ->
                runs.list(
                    body.getString("status"),
                    body.getValue("limit") == null ? null : String.valueOf(body.getValue("limit")));
            case AgentService.DECIDE_APPROVAL ->
                runs.decide(required(body, "id"), required(body, "callId"), body);
            case AgentService.CANCEL_RUN -> runs.cancel(required(body, "id"));
            default -> throw new IllegalArgumentException("unknown action: " + action);
          };
    } catch (IllegalArgumentException | ClassCastException e) {
      message.fail(AgentService.INVALID_REQUEST, "invalid runs request: " + e.getMessage());
      return;
    }
    answer.onComplete(
        ar -> {
          if (ar.succeeded()) {
            message.reply(ar.result());
          } else {
            Failures.Failure failure = RunOperations.failure(ar.cause());
            message.fail(failure.status(), failure.message());
          }
        });
  }

  private static String required(JsonObject body, String field) {
    String value = body.getString(field);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  private void run(
      Message<JsonObject> message, RunRequest runRequest, @Nullable String eventsAddress) {
    AgentRun run;
    try {
      run = agent.start(runRequest);
    } catch (IllegalArgumentException e) {
      message.fail(400, "invalid agent request: outputSchema is invalid: " + e.getMessage());
      return;
    }
    if (eventsAddress != null) {
      EventBus bus = vertx.eventBus();
      run.events().handler(event -> bus.publish(eventsAddress, AgentJson.toJson(event)));
    }
    run.result()
        .onSuccess(result -> message.reply(AgentJson.toJson(result)))
        .onFailure(
            error -> {
              Failures.Failure failure = Failures.of(error);
              message.fail(failure.status(), failure.message());
            });
  }
}
