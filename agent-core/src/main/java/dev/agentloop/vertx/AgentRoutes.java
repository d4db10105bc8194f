package dev.agentloop.vertx;

import dev.agentloop.agent.Agent;
import dev.agentloop.vertx.impl.AgentRoutesImpl;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.Objects;

/**
 * Serves agents over HTTP on a vertx-web {@link Router}.
 *
 * <ul>
 *   <li>{@code POST /agents/:name/run}: an {@link AgentServiceRequest} in, the result out as {@link
 *       AgentJson#toJson(dev.agentloop.agent.AgentResult, boolean)} without transcript.
 *   <li>{@code POST /agents/:name/stream}: the same request; the answer is Server-Sent Events of
 *       the run's events as they happen: {@code event: <type>} and {@code data: <json>} (see {@link
 *       AgentJson#toJson(dev.agentloop.agent.AgentEvent)}), ending with {@code run_finished} or
 *       {@code run_failed}. Closing the connection cancels the run.
 *   <li>{@code POST /v1/chat/completions}: OpenAI-compatible, streaming ({@code "stream": true},
 *       chunks ending with {@code data: [DONE]}) or not. The {@code model} names the agent; the
 *       caller's messages become the conversation, the agent's tools run on the server, the answer
 *       is the final assistant text; usage is reported (streamed: only with {@code
 *       stream_options.include_usage}). Sampling parameters ({@code max_tokens}, {@code
 *       temperature}, {@code top_p}, {@code stop}, {@code seed}, ...) override the agent's for that
 *       run; parameters the endpoint cannot honour ({@code n > 1}, client tools, {@code
 *       json_object}) get 400 naming them.
 *   <li>{@code GET /v1/models} and {@code GET /v1/models/:id}: every agent as a model id.
 * </ul>
 *
 * <p>Every route requires {@code Authorization: Bearer <token>} with a token of {@link
 * AgentRoutesOptions} (401 otherwise), is rate limited per caller (429 with {@code Retry-After}),
 * limits the body size (413), takes only {@code application/json} posts (415), and checks the
 * {@code Host} header when hosts are configured (403). Other paths and methods under {@code /v1}
 * and {@code /agents} get 404 or 405. Errors use OpenAI's shape: {@code {"error": {"message",
 * "type", "param", "code"}}}; a run that aborted is 422, and failures a retry cannot fix carry
 * {@code x-should-retry: false} so SDKs do not run the agent again. Upstream errors never reveal
 * the server's OpenRouter configuration. Conversations ({@code conversationId}) are kept per caller
 * and agent.
 *
 * <pre>{@code
 * Router router = Router.router(vertx);
 * AgentRoutes.create(vertx, new AgentRoutesOptions().addToken(System.getenv("AGENT_TOKEN"), "web"))
 *     .add("weather", weatherAgent)
 *     .mount(router);
 * vertx.createHttpServer().requestHandler(router).listen(8080);
 * }</pre>
 */
public interface AgentRoutes {

  /** Creates routes with the options (copied) and no agents yet. */
  static AgentRoutes create(Vertx vertx, AgentRoutesOptions options) {
    Objects.requireNonNull(vertx, "vertx == null");
    return new AgentRoutesImpl(vertx, new AgentRoutesOptions(options));
  }

  /**
   * Exposes an agent under a name; may be called after {@link #mount}.
   *
   * @param name letters, digits, {@code .}, {@code _} and {@code -}, up to 64 characters
   * @throws IllegalArgumentException when the name is invalid or already taken
   */
  AgentRoutes add(String name, Agent agent);

  /**
   * Adds the routes to the router: {@code /agents/*} and {@code /v1/*}, ending with a catch-all for
   * each prefix (routes added under them later are not reached). Handlers never block; a router can
   * be mounted once per {@code AgentRoutes}.
   *
   * @return this
   */
  AgentRoutes mount(Router router);
}
