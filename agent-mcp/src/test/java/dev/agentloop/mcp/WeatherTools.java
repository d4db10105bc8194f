package dev.agentloop.mcp;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.ToolContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicInteger;

/** Tools the MCP server tests serve. */
public class WeatherTools {

  /** A structured result. */
  public record Forecast(String city, int celsius, String sky) {}

  final AtomicInteger cancelled = new AtomicInteger();
  final Promise<Void> slowStarted = Promise.promise();

  @Tool(description = "Forecast for a city")
  public Forecast forecast(@Param(description = "the city") String city) {
    return new Forecast(city, 21, "sunny");
  }

  @Tool(description = "Always fails")
  public String broken(@Param(description = "anything") String input) {
    throw new IllegalStateException("the weather station is offline");
  }

  @Tool(description = "Takes a while; reports progress")
  public Future<String> slow(@Param(description = "milliseconds") int millis, ToolContext ctx) {
    Promise<String> done = Promise.promise();
    long timer = ctx.vertx().setTimer(millis, t -> done.tryComplete("slept " + millis + " ms"));
    ctx.cancelled()
        .onComplete(
            v -> {
              ctx.vertx().cancelTimer(timer);
              cancelled.incrementAndGet();
              done.tryFail("cancelled");
            });
    slowStarted.tryComplete();
    return done.future();
  }
}
