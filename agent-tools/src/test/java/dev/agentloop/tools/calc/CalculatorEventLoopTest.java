package dev.agentloop.tools.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code calculate} is a non-blocking tool, so it runs on the event loop: hostile expressions
 * must be refused without holding the loop. A periodic timer on the same loop measures the CPU
 * time the loop thread spends between two of its ticks while the inputs are processed: a blocked
 * loop burns CPU between ticks, while a loaded machine only stretches the wall-clock gap (the
 * build shares two cores with other builds, so wall-clock gaps would make the test flaky).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class CalculatorEventLoopTest {

  private static final List<String> HOSTILE =
      List.of(
          "1e999999",
          "floor(1e999999)",
          "round(1e999999,100)",
          "1e999999^2000",
          "ceil(-1e999999)",
          "1e999999 % 7",
          "floor(1e10000) * floor(1e10000)",
          "1e10000 % 3e-10000",
          "sqrt(1e10000) ^ 10000",
          "round(1e-10000, 100) + floor(1e10000) * ceil(1e10000)");

  @Test
  void hostileInputsNeverBlockTheEventLoop(Vertx vertx, VertxTestContext ctx) {
    Toolbox toolbox = Toolbox.builder().add(new Calculator()).build();
    // warm up class loading, the JIT and the failure logging, so the probe measures the inputs
    for (String benign : List.of("1 + 1", "1 / 0", "floor(1e100) % 7")) {
      toolbox
          .invoke(
              ToolCall.of("warm", "calculate", new JsonObject().put("expression", benign).encode()),
              ToolContext.of(vertx, "run_0", "warm"))
          .await();
    }
    Context loop = vertx.getOrCreateContext();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] lastTick = {-1};
    long[] maxBusyNanos = {0};
    List<ToolResult> results = new ArrayList<>();
    loop.runOnContext(
        start -> {
          long timer =
              vertx.setPeriodic(
                  5,
                  id -> {
                    long now = threads.getCurrentThreadCpuTime();
                    if (lastTick[0] >= 0) {
                      maxBusyNanos[0] = Math.max(maxBusyNanos[0], now - lastTick[0]);
                    }
                    lastTick[0] = now;
                  });
          Future<Void> chain = Future.succeededFuture();
          for (String expression : HOSTILE) {
            chain =
                chain.compose(
                    v -> {
                      assertThat(Context.isOnEventLoopThread()).isTrue();
                      String args = new JsonObject().put("expression", expression).encode();
                      return toolbox
                          .invoke(
                              ToolCall.of("call_1", "calculate", args),
                              ToolContext.of(vertx, "run_1", "call_1"))
                          .map(results::add)
                          .<Void>mapEmpty();
                    });
          }
          // one more tick after the last input, so a block during it is measured too
          chain
              .compose(v -> vertx.timer(20))
              .onComplete(
                  ctx.succeeding(
                      v ->
                          ctx.verify(
                              () -> {
                                vertx.cancelTimer(timer);
                                assertThat(results).hasSize(HOSTILE.size());
                                for (ToolResult r : results) {
                                  assertThat(r.error())
                                      .as(r.content())
                                      .isEqualTo(ToolResult.ErrorKind.EXECUTION);
                                  assertThat(r.content()).containsPattern("out of range");
                                }
                                assertThat(lastTick[0]).isPositive();
                                assertThat(maxBusyNanos[0] / 1_000_000).isLessThan(200);
                                ctx.completeNow();
                              })));
        });
  }
}
