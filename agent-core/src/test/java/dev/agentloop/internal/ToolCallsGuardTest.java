package dev.agentloop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.CancellableToolContext;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolErrorPolicy;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolResult.ErrorKind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ToolCalls#guard}: the synchronous fast path and the armed path agree on every outcome. */
@Timeout(10)
class ToolCallsGuardTest {

  private final Vertx vertx = Vertx.vertx();
  private final ToolCall call = ToolCall.of("call-1", "t", "{}");

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private Future<ToolResult> guard(
      CancellableToolContext context, Duration timeout, java.util.function.Supplier<Future<ToolResult>> body) {
    return ToolCalls.guard(call, null, timeout, context, ToolErrorPolicy.detailed(), body);
  }

  private static ToolResult ok() {
    return ToolResult.success("call-1", "t", "done", Duration.ZERO);
  }

  @Test
  void aBodyThatAnswersAtOnceIsItsResult() {
    CancellableToolContext context = ToolContext.of(vertx, "run", "call-1");
    Future<ToolResult> result = guard(context, Duration.ofMillis(50), () -> Future.succeededFuture(ok()));
    assertThat(result.isComplete()).isTrue();
    assertThat(result.result().content()).isEqualTo("done");
  }

  @Test
  void aBodyThatThrowsOrFailsAtOnceIsAFailureResult() {
    CancellableToolContext context = ToolContext.of(vertx, "run", "call-1");
    ToolResult thrown = guard(context, Duration.ofSeconds(5), () -> {
      throw new IllegalStateException("boom");
    }).await();
    ToolResult failed =
        guard(context, Duration.ofSeconds(5), () -> Future.failedFuture(new IllegalStateException("bang")))
            .await();
    assertThat(thrown.error()).isEqualTo(ErrorKind.EXECUTION);
    assertThat(thrown.content()).contains("boom");
    assertThat(failed.error()).isEqualTo(ErrorKind.EXECUTION);
    assertThat(failed.content()).contains("bang");
  }

  @Test
  void aBodyThatCancelsItsOwnCallBeforeAnsweringIsCancelled() {
    CancellableToolContext context = ToolContext.of(vertx, "run", "call-1");
    ToolResult result = guard(context, Duration.ofSeconds(5), () -> {
      context.cancel();
      return Future.succeededFuture(ok());
    }).await();
    assertThat(result.error()).isEqualTo(ErrorKind.CANCELLED);
    assertThat(result.content()).isEqualTo("tool `t` was cancelled");
  }

  @Test
  void aCallAlreadyCancelledDoesNotStart() {
    CancellableToolContext context = ToolContext.of(vertx, "run", "call-1");
    context.cancel();
    AtomicInteger started = new AtomicInteger();
    ToolResult result = guard(context, Duration.ofSeconds(5), () -> {
      started.incrementAndGet();
      return Future.succeededFuture(ok());
    }).await();
    assertThat(result.error()).isEqualTo(ErrorKind.CANCELLED);
    assertThat(started).hasValue(0);
  }

  @Test
  void aBodyStillRunningTimesOutAndItsCallIsCancelled() {
    CancellableToolContext context = ToolContext.of(vertx, "run", "call-1");
    ToolResult result =
        guard(context, Duration.ofMillis(50), () -> Promise.<ToolResult>promise().future()).await();
    assertThat(result.error()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(context.isCancelled()).isTrue();
  }

  @Test
  void aBodyStillRunningAnswersWithItsLaterResult() {
    CancellableToolContext context = ToolContext.of(vertx, "run", "call-1");
    Promise<ToolResult> later = Promise.promise();
    Future<ToolResult> result = guard(context, Duration.ofSeconds(5), later::future);
    assertThat(result.isComplete()).isFalse();
    vertx.setTimer(20, id -> later.complete(ok()));
    assertThat(result.await().content()).isEqualTo("done");
    assertThat(context.isCancelled()).isFalse();
  }
}
