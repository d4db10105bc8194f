package dev.agentloop.vertx.impl;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.impl.OutputSchemas;
import dev.agentloop.vertx.AgentJson;
import dev.agentloop.vertx.AgentRoutes;
import dev.agentloop.vertx.AgentRoutesOptions;
import dev.agentloop.vertx.AgentServiceRequest;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Host checks, authentication, rate limiting, body limits and the {@code /agents} routes. */
public final class AgentRoutesImpl implements AgentRoutes {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final String CALLER = "agentloop.caller";

  private final AgentRoutesOptions options;
  private final Map<String, Agent> agents = new ConcurrentHashMap<>();
  private final Conversations conversations;
  private final RateLimiter limiter;
  private final OpenAiEndpoint openAi;
  private final Guard guard;
  private final RunsEndpoint runs;

  /** Creates the routes; the options are already copied. */
  public AgentRoutesImpl(Vertx vertx, AgentRoutesOptions options) {
    this.options = options;
    this.conversations =
        new Conversations(options.getMaxConversations(), options.getMemoryMaxTokens());
    this.limiter = new RateLimiter(options.getRateLimit(), options.getRateLimitWindow());
    this.guard = new Guard(options.getAllowedHosts());
    this.openAi = new OpenAiEndpoint(agents, conversations, options.getKeepAliveInterval());
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
    for (String prefix : List.of("/agents/*", "/v1/*")) {
      // Separate routes: vertx-web wants a CorsHandler or BodyHandler first on its route.
      withErrors(router.route(prefix)).handler(guard::checkHost);
      if (!options.getCorsOrigins().isEmpty()) {
        withErrors(router.route(prefix)).handler(Guard.cors(options.getCorsOrigins()));
      }
      withErrors(router.route(prefix)).handler(Guard::options).handler(this::authenticate);
    }
    BodyHandler body = BodyHandler.create(false).setBodyLimit(options.getMaxBodySize());
    post(router, "/agents/:name/run", body).handler(this::run);
    post(router, "/agents/:name/stream", body).handler(this::stream);
    post(router, "/v1/chat/completions", body).handler(openAi::chat);
    withErrors(router.get("/v1/models")).handler(openAi::models);
    withErrors(router.get("/v1/models/:id")).handler(openAi::model);
    post(router, "/v1/runs", body).handler(runs::start);
    withErrors(router.get("/v1/runs")).handler(runs::list);
    withErrors(router.get("/v1/runs/:id")).handler(runs::show);
    post(router, "/v1/runs/:id/approvals/:callId", body).handler(runs::decide);
    // A cancel has no body, but a cross-site form could send one: JSON only, like the others.
    post(router, "/v1/runs/:id/cancel", body).handler(runs::cancel);
    // Last: what no route above matched gets OpenAI's error shape instead of vertx-web's HTML.
    router.route("/agents/*").handler(Guard::unmatched);
    router.route("/v1/*").handler(Guard::unmatched);
    return this;
  }

  private static Route post(Router router, String path, BodyHandler body) {
    withErrors(router.post(path)).handler(Guard::requireJson);
    return withErrors(router.post(path)).handler(body);
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
    if (caller == null) {
      caller = anonymous(ctx);
    }
    long wait = limiter.acquire(caller);
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
    ctx.put(CALLER, caller);
    ctx.next();
  }

  /**
   * Names a caller without a configured token: its address, plus a digest of the bearer token it
   * sent, if any. All local processes share 127.0.0.1, so the token (every OpenAI SDK sends one,
   * the web chat a random one per browser) is what keeps them in separate rate-limit buckets and
   * separate conversations.
   */
  private static String anonymous(RoutingContext ctx) {
    String authorization = ctx.request().getHeader("Authorization");
    String name = "anonymous@" + ctx.request().remoteAddress().host();
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return name;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8));
      return name + "#" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
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
    start(
        ctx,
        false,
        run ->
            run.result()
                .onComplete(
                    ar -> {
                      if (ar.succeeded()) {
                        ctx.json(AgentJson.toJson(ar.result(), false));
                      } else {
                        Errors.send(ctx, Failures.of(ar.cause()), null);
                      }
                    }));
  }

  private void stream(RoutingContext ctx) {
    start(
        ctx,
        true,
        run ->
            Sse.stream(
                ctx.vertx(),
                ctx.response(),
                run,
                options.getKeepAliveInterval(),
                event -> {
                  JsonObject json = AgentJson.toJson(event);
                  return List.of(Sse.frame(json.getString("type"), json.encode()));
                },
                List.of()));
  }

  /**
   * Parses the request, compiles its output schema on a worker, and starts the run; or answers with
   * an error.
   */
  private void start(RoutingContext ctx, boolean stream, Handler<AgentRun> started) {
    String name = ctx.pathParam("name");
    Agent agent = agents.get(name);
    if (agent == null) {
      Errors.send(
          ctx, 404, "invalid_request_error", "agent_not_found", "no agent named: " + name, null);
      return;
    }
    RunRequest runRequest;
    try {
      AgentServiceRequest request = AgentServiceRequest.fromJson(ctx.body().asJsonObject());
      String id = request.conversationId();
      // Conversations are private to a caller and an agent: another caller's id finds nothing.
      runRequest =
          Runs.toRunRequest(
              request,
              id == null
                  ? null
                  : conversations.get(agent, ctx.get(CALLER) + "\n" + name + "\n" + id),
              stream);
    } catch (DecodeException | ClassCastException e) {
      Errors.send(
          ctx, Failures.invalid("the body must be a JSON object: " + e.getMessage(), null), null);
      return;
    } catch (IllegalArgumentException e) {
      Errors.send(ctx, Failures.invalid(String.valueOf(e.getMessage()), null), null);
      return;
    }
    RunRequest request = Runs.traced(runRequest, ctx.request().getHeader(Runs.TRACEPARENT));
    OutputSchemas.prepare(ctx.vertx(), request.outputSchema())
        .onComplete(
            ar -> {
              AgentRun run;
              try {
                if (ar.failed()) {
                  throw ar.cause();
                }
                run = agent.start(request);
              } catch (IllegalArgumentException e) {
                // A refused or invalid outputSchema is the caller's mistake.
                Errors.send(
                    ctx,
                    Failures.invalid("outputSchema is invalid: " + e.getMessage(), null),
                    "outputSchema");
                return;
              } catch (Throwable t) {
                Errors.send(ctx, Failures.of(t), null);
                return;
              }
              started.handle(run);
            });
  }
}
