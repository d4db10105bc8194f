package dev.agentloop.vertx.impl;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks every request passes before authentication (Host header, CORS, OPTIONS), the JSON
 * content type of posts, and the OpenAI-shaped 404 and 405 of unmatched paths and methods.
 */
final class Guard {

  private static final Pattern AGENT_ROUTE = Pattern.compile("/agents/[^/]+/(run|stream)");
  private static final Pattern MODEL_ROUTE = Pattern.compile("/v1/models/[^/]+");
  private static final Pattern RUN_ACTION_ROUTE =
      Pattern.compile("/v1/runs/[^/]+/(cancel|approvals/[^/]+)");

  private final Set<String> allowedHosts;

  Guard(Set<String> allowedHosts) {
    this.allowedHosts = Set.copyOf(allowedHosts);
  }

  /** Refuses a Host header that is not allowed (DNS rebinding) with 403. */
  void checkHost(RoutingContext ctx) {
    if (allowedHosts.isEmpty()) {
      ctx.next();
      return;
    }
    // authority() is the Host header over HTTP/1.x and :authority over HTTP/2.
    HostAndPort authority = ctx.request().authority();
    String host = authority == null ? null : hostName(authority.host());
    if (host != null && allowedHosts.contains(host)) {
      ctx.next();
      return;
    }
    Errors.send(
        ctx,
        403,
        "invalid_request_error",
        "host_not_allowed",
        "the Host header names a host this server does not serve: " + host,
        null);
  }

  /** Returns the lower-cased host name, IPv6 addresses in brackets, or null. */
  static @Nullable String hostName(@Nullable String host) {
    if (host == null || host.isBlank()) {
      return null;
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
  }

  /** Answers preflight requests of the allowed origins and adds CORS headers to their calls. */
  static CorsHandler cors(List<String> origins) {
    CorsHandler cors = CorsHandler.create();
    if (!origins.contains("*")) {
      cors.addOrigins(origins);
    }
    return cors.allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS))
        .allowedHeaders(Set.of("Authorization", "Content-Type", "X-Stainless-Retry-Count"))
        .exposedHeaders(Set.of("Retry-After", "x-should-retry"))
        .maxAgeSeconds(600);
  }

  /** Answers a (non-preflight) OPTIONS request with the methods of the path. */
  static void options(RoutingContext ctx) {
    if (ctx.request().method() != HttpMethod.OPTIONS) {
      ctx.next();
      return;
    }
    String allowed = allowed(ctx.normalizedPath());
    if (allowed == null) {
      unmatched(ctx);
      return;
    }
    ctx.response().putHeader("Allow", allowed + ", OPTIONS").setStatusCode(204).end();
  }

  /** Refuses a body that is not declared as JSON with 415, before it is read. */
  static void requireJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (mime.equals("application/json")) {
      ctx.next();
      return;
    }
    Errors.send(
        ctx,
        415,
        "invalid_request_error",
        "unsupported_media_type",
        "the body must be sent as Content-Type: application/json: "
            + (type == null ? "none" : type),
        null);
  }

  /** Answers a path no route served: 405 with {@code Allow} for a known path, 404 otherwise. */
  static void unmatched(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    String allowed = allowed(path);
    String request = ctx.request().method().name() + " " + path;
    if (allowed == null) {
      Errors.send(
          ctx, 404, "invalid_request_error", "not_found", "no such route: " + request, null);
      return;
    }
    ctx.response().putHeader("Allow", allowed);
    Errors.send(
        ctx,
        405,
        "invalid_request_error",
        "method_not_allowed",
        "method not allowed: " + request + "; use " + allowed,
        null);
  }

  private static @Nullable String allowed(String path) {
    if (path.equals("/v1/chat/completions") || AGENT_ROUTE.matcher(path).matches()) {
      return "POST";
    }
    if (path.equals("/v1/models") || MODEL_ROUTE.matcher(path).matches()) {
      return "GET";
    }
    if (path.equals("/v1/runs")) {
      return "GET, POST";
    }
    if (RUN_ACTION_ROUTE.matcher(path).matches()) {
      return "POST";
    }
    if (path.startsWith("/v1/runs/") && path.indexOf('/', "/v1/runs/".length()) < 0) {
      return "GET";
    }
    return null;
  }
}
