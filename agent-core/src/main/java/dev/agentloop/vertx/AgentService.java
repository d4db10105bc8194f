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
 * continues that server-side conversation: kept in the agent's run store when it also keeps
 * conversations (the JDBC stores of {@code agent-store}, so it survives a restart and is shared by
 * the nodes of a cluster), otherwise in memory (least recently used dropped first). Two requests
 * continuing one conversation at once cannot interleave: the second fails with {@link #CONFLICT}.
 *
 * <p>Failures reply with a {@link io.vertx.core.eventbus.ReplyException} whose failure code is one
 * of {@link #INVALID_REQUEST}, {@link #RUN_FAILED}, {@link #UPSTREAM_FAILED} (or 503, 504 when the
 * model provider rate limits or times out), and whose message says what went wrong without upstream
 * details.
 *
 * <p>The same address serves the runs operations of a durable agent (one with a run store), with
 * the same JSON answers and failure codes as the HTTP {@code /v1/runs} API: a message whose {@link
 * #ACTION} header names {@link #START_RUN}, {@link #GET_RUN}, {@link #LIST_RUNS}, {@link
 * #DECIDE_APPROVAL} or {@link #CANCEL_RUN} (see {@link AgentServiceClient#startRun} and its
 * siblings). Refusals fail with {@link #INVALID_REQUEST}, {@link #NOT_FOUND} or {@link #CONFLICT}.
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

  /** Failure code of an unknown run, call or agent: {@value}. */
  public static final int NOT_FOUND = 404;

  /** Failure code of a decision on a call already decided, or of a finished run: {@value}. */
  public static final int CONFLICT = 409;

  /** The message header naming a runs operation: {@value}. Absent for a plain run request. */
  public static final String ACTION = "action";

  /** Starts a run: body {@code {"input"}}; replies {@code {"id", "status": "running"}}. */
  public static final String START_RUN = "runs.start";

  /** Shows a run: body {@code {"id"}}; replies with its status, pending approvals, transcript. */
  public static final String GET_RUN = "runs.get";

  /** Lists runs: body {@code {"status", "limit"}} (both optional); replies {@code {"data"}}. */
  public static final String LIST_RUNS = "runs.list";

  /**
   * Decides a pending approval: body {@code {"id", "callId", "decision": "approve"|"reject",
   * "message", "arguments", "digest"}}; replies with the run once it finished or parked again.
   */
  public static final String DECIDE_APPROVAL = "runs.decide";

  /** Cancels a run: body {@code {"id"}}; replies with the run as it stopped. */
  public static final String CANCEL_RUN = "runs.cancel";

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
