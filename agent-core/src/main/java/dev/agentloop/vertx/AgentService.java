package dev.agentloop.vertx;

import dev.agentloop.agent.Agent;
import dev.agentloop.vertx.impl.AgentServiceImpl;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * Exposes an {@link Agent} on an event-bus address. With a clustered Vert.x the address serves
 * callers on every node.
 *
 * <p>A request is an {@link AgentServiceRequest} in JSON form; the reply is the run's {@link
 * dev.agentloop.agent.AgentResult} in the {@link AgentJson} form (with transcript). When the
 * request names an {@code eventsAddress}, the run streams and each of its events is published there
 * as JSON while it runs, before the reply is sent. A request with a {@code conversationId}
 * continues that server-side conversation (kept in memory, least recently used dropped first).
 *
 * <p>Failures reply with a {@link io.vertx.core.eventbus.ReplyException} whose failure code is one
 * of {@link #INVALID_REQUEST}, {@link #RUN_FAILED}, {@link #UPSTREAM_FAILED} (or 503, 504 when the
 * model provider rate limits or times out), and whose message says what went wrong without upstream
 * details.
 *
 * <pre>{@code
 * MessageConsumer<JsonObject> consumer = AgentService.register(vertx, "agents.weather", agent);
 *
 * // anywhere on the (clustered) event bus
 * AgentServiceClient.create(vertx, "agents.weather")
 *     .run("Will it rain in Oslo?")
 *     .onSuccess(result -> System.out.println(result.text()));
 * }</pre>
 */
public final class AgentService {

  /** Failure code of a malformed request: {@value}. */
  public static final int INVALID_REQUEST = 400;

  /**
   * Failure code of a run that aborted (iteration cap, invalid structured output): {@value}. The
   * same request would fail the same way, so callers should not retry it.
   */
  public static final int RUN_FAILED = 422;

  /** Failure code of a model provider failure the client's retries did not fix: {@value}. */
  public static final int UPSTREAM_FAILED = 502;

  private AgentService() {}

  /**
   * Registers the agent on the address with default options. The consumer is registered on the
   * caller's context; unregister it to stop serving.
   *
   * @return the consumer; its {@code completion()} completes once the registration reached the
   *     cluster
   */
  public static MessageConsumer<JsonObject> register(Vertx vertx, String address, Agent agent) {
    return register(vertx, address, agent, new AgentServiceOptions());
  }

  /**
   * Registers the agent on the address.
   *
   * @param vertx the Vert.x instance whose event bus to use
   * @param address the address to serve
   * @param agent the agent that runs the requests
   * @param options conversation limits; copied
   * @return the consumer
   */
  public static MessageConsumer<JsonObject> register(
      Vertx vertx, String address, Agent agent, AgentServiceOptions options) {
    Objects.requireNonNull(vertx, "vertx == null");
    Objects.requireNonNull(address, "address == null");
    Objects.requireNonNull(agent, "agent == null");
    AgentServiceImpl service = new AgentServiceImpl(vertx, agent, new AgentServiceOptions(options));
    return vertx.eventBus().consumer(address, service::handle);
  }
}
