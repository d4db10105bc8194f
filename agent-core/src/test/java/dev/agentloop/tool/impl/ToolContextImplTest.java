package dev.agentloop.tool.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ToolContextImplTest {

  public static final class Tools {
    @Tool(description = "Echoes", nonBlocking = true)
    public String echo(@Param(description = "text") String text) {
      return text;
    }
  }

  @Test
  void childIsCancelledWithItsParentAndDetachedOnRelease(Vertx vertx) {
    ToolContextImpl parent = new ToolContextImpl(vertx, "run-1", "root", null);
    ToolContextImpl first = ToolContextImpl.childOf(parent, "call-1");
    ToolContextImpl second = ToolContextImpl.childOf(parent, "call-2");
    first.release();

    assertThat(parent.childCount()).isEqualTo(1);
    assertThat(parent.cancel()).isTrue();
    assertThat(second.isCancelled()).isTrue();
    assertThat(first.isCancelled()).isFalse();
    assertThat(ToolContextImpl.childOf(parent, "call-3").isCancelled()).isTrue();
    assertThat(second.toolCallId()).isEqualTo("call-2");
    assertThat(second.runId()).isEqualTo("run-1");
  }

  @Test
  @Timeout(10)
  void aContextReusedForManyCallsKeepsNoneOfThem(Vertx vertx) {
    Toolbox toolbox = Toolbox.builder().add(new Tools()).build();
    ToolContextImpl shared = new ToolContextImpl(vertx, "run-1", "shared", null);
    List<Future<ToolResult>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(toolbox.invoke(ToolCall.of("c" + i, "echo", "{\"text\":\"t" + i + "\"}"), shared));
    }

    List<ToolResult> results = Future.all(calls).await().list();

    assertThat(results).extracting(ToolResult::content).startsWith("t0", "t1").endsWith("t199");
    assertThat(shared.childCount()).isZero();
  }

  @Test
  void aForeignContextStillCancelsTheCall(Vertx vertx) {
    ToolContext foreign = ToolContext.of(vertx, "run-2", "outer");
    ToolContextImpl child = ToolContextImpl.childOf(new Delegating(foreign), "call-1");

    ((dev.agentloop.tool.CancellableToolContext) foreign).cancel();

    assertThat(child.isCancelled()).isTrue();
  }

  /** A ToolContext implemented outside the toolbox, as a user's own could be. */
  private record Delegating(ToolContext inner) implements ToolContext {
    @Override
    public String runId() {
      return inner.runId();
    }

    @Override
    public String toolCallId() {
      return inner.toolCallId();
    }

    @Override
    public Vertx vertx() {
      return inner.vertx();
    }

    @Override
    public boolean isCancelled() {
      return inner.isCancelled();
    }

    @Override
    public Future<Void> cancelled() {
      return inner.cancelled();
    }
  }
}
