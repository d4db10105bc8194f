package dev.agentloop.vertx.impl;

import dev.agentloop.agent.Agent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** The {@code /v1/runs} HTTP API: each route calls one of the {@link RunOperations}. */
final class RunsEndpoint {

  private final RunOperations runs;

  RunsEndpoint(Map<String, Agent> agents) {
    this.runs = new RunOperations(agents);
  }

  void start(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    reply(
        ctx,
        runs.start(
            body == null ? null : body.getString("agent"),
            body == null ? null : body.getString("input"),
            ctx.request().getHeader(Runs.TRACEPARENT)),
        201);
  }

  void show(RoutingContext ctx) {
    reply(ctx, runs.show(ctx.pathParam("id")), 200);
  }

  void list(RoutingContext ctx) {
    reply(ctx, runs.list(ctx.request().getParam("status"), ctx.request().getParam("limit")), 200);
  }

  void decide(RoutingContext ctx) {
    reply(
        ctx,
        runs.decide(ctx.pathParam("id"), ctx.pathParam("callId"), ctx.body().asJsonObject()),
        200);
  }

  void cancel(RoutingContext ctx) {
    reply(ctx, runs.cancel(ctx.pathParam("id")), 200);
  }

  private static void reply(RoutingContext ctx, Future<JsonObject> answer, int status) {
    answer.onComplete(
        ar -> {
          if (ar.succeeded()) {
            ctx.response().setStatusCode(status);
            ctx.json(ar.result());
          } else {
            Errors.send(
                ctx,
                RunOperations.failure(ar.cause()),
                ar.cause() instanceof RunOperations.Refusal r ? r.param : null);
          }
        });
  }
}
