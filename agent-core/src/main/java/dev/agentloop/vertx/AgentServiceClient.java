package dev.agentloop.vertx;

import dev.agentloop.agent.AgentResult;
import dev.agentloop.run.RunStatus;
import dev.agentloop.vertx.impl.AgentServiceClientImpl;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Calls an agent served by {@link AgentService} on an event-bus address, on this node or any node
 * of the cluster.
 *
 * <pre>{@code
 * AgentServiceClient weather = AgentServiceClient.create(vertx, "agents.weather");
 * weather.stream(AgentServiceRequest.of("Will it rain in Oslo?").withConversationId("user-42"),
 *         event -> {
 *           if (event.getString("type").equals("text_delta")) {
 *             System.out.print(event.getString("text"));
 *           }
 *         })
 *     .onSuccess(result -> System.out.println("\ncost: " + result.usage().cost()));
 * }</pre>
 *
 * <p>Results are read back with {@link AgentJson#resultFromJson}: everything but the bound
 * structured value, which {@link AgentResult#output(Class)} converts from the JSON output. The
 * futures complete on the caller's context. They fail with a {@link
 * io.vertx.core.eventbus.ReplyException}: with a failure code of {@link AgentService} when the
 * service refused the request or the run failed, with {@code NO_HANDLERS} when nothing serves the
 * address, and with {@code TIMEOUT} when no reply came within the timeout.
 */
public interface AgentServiceClient {

  /** Default time to wait for a run's reply: {@code 5 minutes}. */
  Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /** Creates a client of the agent at the address, waiting up to {@link #DEFAULT_TIMEOUT}. */
  static AgentServiceClient create(Vertx vertx, String address) {
    return create(vertx, address, DEFAULT_TIMEOUT);
  }

  /**
   * Creates a client of the agent at the address.
   *
   * @param timeout how long to wait for a run's reply
   * @throws IllegalArgumentException when the timeout is not positive
   */
  static AgentServiceClient create(Vertx vertx, String address, Duration timeout) {
    Objects.requireNonNull(vertx, "vertx == null");
    Objects.requireNonNull(address, "address == null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    return new AgentServiceClientImpl(vertx, address, timeout);
  }

  /** Runs one prompt without memory. */
  default Future<AgentResult> run(String prompt) {
    return run(AgentServiceRequest.of(prompt));
  }

  /**
   * Runs a request. When it names an {@code eventsAddress}, the caller listens there itself; {@link
   * #stream} does that for you.
   *
   * @return the result
   */
  Future<AgentResult> run(AgentServiceRequest request);

  /**
   * Runs a request and delivers its events as they happen: registers a consumer on a fresh address,
   * waits for the registration to reach the cluster, sends the request with that {@code
   * eventsAddress}, and unregisters once the reply arrived. Events are delivered on the caller's
   * context, in order, as {@link AgentJson#toJson(dev.agentloop.agent.AgentEvent)} objects.
   *
   * @param events receives each event
   * @return the result, completed after the run's last event was delivered
   */
  Future<AgentResult> stream(AgentServiceRequest request, Handler<JsonObject> events);

  /**
   * Starts a run of a durable agent without waiting for it ({@link AgentService#START_RUN}).
   *
   * @return {@code {"id", "status": "running"}}; fails with {@link AgentService#INVALID_REQUEST}
   *     when the input is empty or too long or the agent has no run store
   */
  Future<JsonObject> startRun(String input);

  /**
   * Shows a run ({@link AgentService#GET_RUN}): {@code status} ({@code running}, {@code
   * awaiting_approval}, {@code finished}), {@code pending_approvals} (call id, tool, arguments,
   * digest), {@code transcript}, {@code usage}, {@code stop_reason}, {@code text}.
   *
   * @return the run; fails with {@link AgentService#NOT_FOUND} for an unknown run
   */
  Future<JsonObject> getRun(String runId);

  /**
   * Lists runs, most recently updated first ({@link AgentService#LIST_RUNS}).
   *
   * @param status only runs with this status, or null for all
   * @param limit at most this many, 1 to 500
   * @return {@code {"data": [{"id", "status", "records", "updated_at"}]}}
   */
  Future<JsonObject> listRuns(@Nullable RunStatus status, int limit);

  /**
   * Approves a pending call ({@link AgentService#DECIDE_APPROVAL}) and waits until the run finished
   * or parked again.
   *
   * @param arguments edited arguments to run the call with, or null for the requested ones
   * @return the run; fails with {@link AgentService#CONFLICT} when the call was already decided or
   *     the run finished, {@link AgentService#NOT_FOUND} for an unknown run or call
   */
  Future<JsonObject> approve(String runId, String callId, @Nullable JsonObject arguments);

  /**
   * Rejects a pending call with a message the model reads ({@link AgentService#DECIDE_APPROVAL});
   * the call never runs.
   *
   * @return the run once it finished or parked again; fails like {@link #approve}
   */
  Future<JsonObject> reject(String runId, String callId, String message);

  /**
   * Cancels a run ({@link AgentService#CANCEL_RUN}).
   *
   * @return the run as it stopped; fails with {@link AgentService#CONFLICT} when it already
   *     finished, {@link AgentService#NOT_FOUND} for an unknown run
   */
  Future<JsonObject> cancelRun(String runId);
}
