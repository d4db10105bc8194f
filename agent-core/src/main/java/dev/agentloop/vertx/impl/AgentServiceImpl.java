package dev.agentloop.vertx.impl;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.impl.OutputSchemas;
import dev.agentloop.vertx.AgentJson;
import dev.agentloop.vertx.AgentServiceOptions;
import dev.agentloop.vertx.AgentServiceRequest;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.jspecify.annotations.Nullable;

/** Serves one agent on the event bus: one run per request message. */
public final class AgentServiceImpl {

  private final Vertx vertx;
  private final Agent agent;
  private final Conversations conversations;

  /** Creates the service; the options are already copied. */
  public AgentServiceImpl(Vertx vertx, Agent agent, AgentServiceOptions options) {
    this.vertx = vertx;
    this.agent = agent;
    this.conversations =
        new Conversations(options.getMaxConversations(), options.getMemoryMaxTokens());
  }

  /** Handles one request message. */
  public void handle(Message<JsonObject> message) {
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
