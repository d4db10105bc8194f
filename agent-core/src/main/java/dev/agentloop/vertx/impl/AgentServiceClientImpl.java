package dev.agentloop.vertx.impl;

import dev.agentloop.agent.AgentResult;
import dev.agentloop.observe.impl.Telemetry;
import dev.agentloop.run.RunStatus;
import dev.agentloop.vertx.AgentJson;
import dev.agentloop.vertx.AgentService;
import dev.agentloop.vertx.AgentServiceClient;
import dev.agentloop.vertx.AgentServiceRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Sends requests to an {@link dev.agentloop.vertx.AgentService} address. */
public final class AgentServiceClientImpl implements AgentServiceClient {

  private final Vertx vertx;
  private final String address;
  private final DeliveryOptions delivery;

  /** Creates the client; arguments are validated by the factory. */
  public AgentServiceClientImpl(Vertx vertx, String address, Duration timeout) {
    this.vertx = vertx;
    this.address = address;
    this.delivery = new DeliveryOptions().setSendTimeout(timeout.toMillis());
  }

  @Override
  public Future<AgentResult> run(AgentServiceRequest request) {
    return run(request, Telemetry.traceParent(io.opentelemetry.context.Context.current()));
  }

  /** Sends the request with the caller's trace context, read before any callback runs. */
  private Future<AgentResult> run(AgentServiceRequest request, @Nullable String traceParent) {
    DeliveryOptions options = delivery;
    if (traceParent != null) {
      options = new DeliveryOptions(delivery).addHeader(Runs.TRACEPARENT, traceParent);
    }
    return vertx
        .eventBus()
        .<JsonObject>request(address, request.toJson(), options)
        .map(reply -> AgentJson.resultFromJson(reply.body()));
  }

  @Override
  public Future<AgentResult> stream(AgentServiceRequest request, Handler<JsonObject> events) {
    // Registers the consumer and sends the request on one context, so that its events and the
    // reply (which travel over the same connection from the serving node) are handled in order:
    // every event is delivered before the returned future completes.
    String traceParent = Telemetry.traceParent(io.opentelemetry.context.Context.current());
    Context context = vertx.getOrCreateContext();
    Promise<AgentResult> promise = Promise.promise();
    context.runOnContext(
        v -> {
          String eventsAddress = "agentloop.events." + UUID.randomUUID();
          MessageConsumer<JsonObject> consumer =
              vertx.eventBus().consumer(eventsAddress, message -> events.handle(message.body()));
          consumer
              .completion()
              .compose(registered -> run(request.withEventsAddress(eventsAddress), traceParent))
              .eventually(consumer::unregister)
              .onComplete(promise);
        });
    return promise.future();
  }

  @Override
  public Future<JsonObject> startRun(String input) {
    return runs(AgentService.START_RUN, new JsonObject().put("input", input));
  }

  @Override
  public Future<JsonObject> getRun(String runId) {
    return runs(AgentService.GET_RUN, new JsonObject().put("id", runId));
  }

  @Override
  public Future<JsonObject> listRuns(@Nullable RunStatus status, int limit) {
    return runs(
        AgentService.LIST_RUNS,
        new JsonObject()
            .put("status", status == null ? null : status.name().toLowerCase(Locale.ROOT))
            .put("limit", limit));
  }

  @Override
  public Future<JsonObject> approve(String runId, String callId, @Nullable JsonObject arguments) {
    return runs(
        AgentService.DECIDE_APPROVAL,
        new JsonObject()
            .put("id", runId)
            .put("callId", callId)
            .put("decision", "approve")
            .put("arguments", arguments));
  }

  @Override
  public Future<JsonObject> reject(String runId, String callId, String message) {
    return runs(
        AgentService.DECIDE_APPROVAL,
        new JsonObject()
            .put("id", runId)
            .put("callId", callId)
            .put("decision", "reject")
            .put("message", message));
  }

  @Override
  public Future<JsonObject> cancelRun(String runId) {
    return runs(AgentService.CANCEL_RUN, new JsonObject().put("id", runId));
  }

  private Future<JsonObject> runs(String action, JsonObject body) {
    DeliveryOptions options = new DeliveryOptions(delivery).addHeader(AgentService.ACTION, action);
    String traceParent = Telemetry.traceParent(io.opentelemetry.context.Context.current());
    if (traceParent != null) {
      options.addHeader(Runs.TRACEPARENT, traceParent);
    }
    return vertx.eventBus().<JsonObject>request(address, body, options).map(Message::body);
  }
}
