package dev.agentloop.vertx.impl;

import dev.agentloop.agent.AgentResult;
import dev.agentloop.vertx.AgentJson;
import dev.agentloop.vertx.AgentServiceClient;
import dev.agentloop.vertx.AgentServiceRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;

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
    return vertx
        .eventBus()
        .<JsonObject>request(address, request.toJson(), delivery)
        .map(reply -> AgentJson.resultFromJson(reply.body()));
  }

  @Override
  public Future<AgentResult> stream(AgentServiceRequest request, Handler<JsonObject> events) {
    // Registers the consumer and sends the request on one context, so that its events and the
    // reply (which travel over the same connection from the serving node) are handled in order:
    // every event is delivered before the returned future completes.
    Context context = vertx.getOrCreateContext();
    Promise<AgentResult> promise = Promise.promise();
    context.runOnContext(
        v -> {
          String eventsAddress = "agentloop.events." + UUID.randomUUID();
          MessageConsumer<JsonObject> consumer =
              vertx.eventBus().consumer(eventsAddress, message -> events.handle(message.body()));
          consumer
              .completion()
              .compose(registered -> run(request.withEventsAddress(eventsAddress)))
              .eventually(consumer::unregister)
              .onComplete(promise);
        });
    return promise.future();
  }
}
