package dev.agentloop.vertx.impl;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.vertx.AgentJson;
import dev.agentloop.vertx.AgentRoutes;
import dev.agentloop.vertx.AgentRoutesOptions;
import dev.agentloop.vertx.AgentServiceRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Authentication, rate limiting, body limits and the {@code /agents} routes. */
public final class AgentRoutesImpl implements AgentRoutes {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final String CALLER = "agentloop.caller";

  private final AgentRoutesOptions options;
  private final Map<String, Agent> agents = new ConcurrentHashMap<>();
  private final Conversations conversations;
  private final RateLimiter limiter;
  private final OpenAiEndpoint openAi;
  private final RunsEndpoint runs;

  /** Creates the routes; the options are already copied. */
  public AgentRoutesImpl(Vertx vertx, AgentRoutesOptions options) {
    this.options = options;
    this.conversations =
        new Conversations(options.getMaxConversations(), options.getMemoryMaxTokens());
    this.limiter = new RateLimiter(options.getRateLimit(), options.getRateLimitWindow());
    this.openAi = new OpenAiEndpoint(agents, conversations);
    this.runs = new RunsEndpoint(agents);
  }

  @Override
  public AgentRoutes add(String name, Agent agent) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(agent, "agent == null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "agent names have 1 to 64 letters, digits, '.', '_' or '-': " + name);
    }
    if (agents.putIfAbsent(name, agent) != null) {
      throw new IllegalArgumentException("an agent is already named: " + name);
    }
    return this;
  }

  @Override
  public AgentRoutes mount(Router router) {
    router.route("/agents/*").handler(this::authenticate).failureHandler(Errors::render);
    router.route("/v1/*").handler(this::authenticate).failureHandler(Errors::render);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(options.getMaxBodySize());
    withErrors(router.post("/agents/:name/run")).handler(body).handler(this::run);
    withErrors(router.post("/agents/:name/stream")).handler(body).handler(this::stream);
    withErrors(router.post("/v1/chat/completions")).handler(body).handler(openAi::chat);
    withErrors(router.get("/v1/models")).handler(openAi::models);
    withErrors(router.post("/v1/runs")).handler(body).handler(runs::start);
    withErrors(router.get("/v1/runs")).handler(runs::list);
    withErrors(router.get("/v1/runs/:id")).handler(runs::show);
    withErrors(router.post("/v1/runs/:id/approvals/:callId")).handler(body).handler(runs::decide);
    withErrors(router.post("/v1/runs/:id/cancel")).handler(body).handler(runs::cancel);
    return this;
  }

  private static Route withErrors(Route route) {
    return route.failureHandler(Errors::render);
  }

  /** Checks the bearer token and the caller's rate limit; runs before the body is read. */
  private void authenticate(RoutingContext ctx) {
    String caller = caller(ctx.request().getHeader("Authorization"));
    if (caller == null && options.isAuthRequired()) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      Errors.send(
          ctx,
          401,
          "invalid_request_error",
          "invalid_api_key",
          "a valid bearer token is required: send 'Authorization: Bearer <token>'",
          null);
      return;
    }
    String key =
        caller != null ? "caller:" + caller : "anonymous:" + ctx.request().remoteAddress().host();
    long wait = limiter.acquire(key);
    if (wait > 0) {
      ctx.response().putHeader("Retry-After", Long.toString(wait));
      Errors.send(
          ctx,
          429,
          "requests",
          "rate_limit_exceeded",
          "too many requests; retry after " + wait + " s",
          null);
      return;
    }
    ctx.put(CALLER, caller != null ? caller : "anonymous");
    ctx.next();
  }

  private @Nullable String caller(@Nullable String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    String found = null;
    // Compares against every token in constant time, so timing reveals nothing about them.
    for (Map.Entry<String, String> e : options.getTokens().entrySet()) {
      if (MessageDigest.isEqual(presented, e.getKey().getBytes(StandardCharsets.UTF_8))) {
        found = e.getValue();
      }
    }
    return found;
  }

  private void run(RoutingContext ctx) {
    AgentRun run = start(ctx, false);
    if (run != null) {
      run.result()
          .onComplete(
              ar -> {
                if (ar.succeeded()) {
                  ctx.json(AgentJson.toJson(ar.result(), false));
                } else {
                  Errors.send(ctx, Failures.of(ar.cause()), null);
                }
              });
    }
  }

  private void stream(RoutingContext ctx) {
    AgentRun run = start(ctx, true);
    if (run != null) {
      Sse.stream(
          ctx.response(),
          run,
          event -> {
            JsonObject json = AgentJson.toJson(event);
            return List.of(Sse.frame(json.getString("type"), json.encode()));
          },
          List.of());
    }
  }

  /** Parses the request and starts the run, or answers with an error and returns null. */
  private @Nullable AgentRun start(RoutingContext ctx, boolean stream) {
    String name = ctx.pathParam("name");
    Agent agent = agents.get(name);
    if (agent == null) {
      Errors.send(
          ctx, 404, "invalid_request_error", "agent_not_found", "no agent named: " + name, null);
      return null;
    }
    RunRequest runRequest;
    try {
      AgentServiceRequest request = AgentServiceRequest.fromJson(ctx.body().asJsonObject());
      String id = request.conversationId();
      // Conversations are private to a caller and an agent: another caller's id finds nothing.
      runRequest =
          Runs.toRunRequest(
              request,
              id == null ? null : conversations.get(ctx.get(CALLER) + "\n" + name + "\n" + id),
              stream);
    } catch (DecodeException | ClassCastException e) {
      Errors.send(
          ctx, Failures.invalid("the body must be a JSON object: " + e.getMessage(), null), null);
      return null;
    } catch (IllegalArgumentException e) {
      Errors.send(ctx, Failures.invalid(String.valueOf(e.getMessage()), null), null);
      return null;
    }
    return agent.start(runRequest);
  }
}
