package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.testing.MockChat;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolErrorPolicy;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolResult.ErrorKind;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Which timeout a tool call gets, first that applies: the tool's own ({@code @Tool(timeoutMillis)}),
 * the toolbox default, the agent's {@code toolTimeout}. The toolbox arms the only timer.
 */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class AgentToolTimeoutTest {

  /** Tools that never answer until cancelled; count how often they saw the cancellation. */
  public static final class Hanging {
    final AtomicInteger cancelled = new AtomicInteger();

    @Tool(description = "Never answers")
    public Future<String> hang(ToolContext context) {
      Promise<String> never = Promise.promise();
      context.cancelled().onComplete(v -> cancelled.incrementAndGet());
      return never.future();
    }

    @Tool(description = "Never answers, within its own limit", timeoutMillis = 150)
    public Future<String> hangOwn(ToolContext context) {
      return Promise.<String>promise().future();
    }

    @Tool(description = "Throws a secret")
    public String leak() {
      throw new IllegalStateException("password=hunter2");
    }
  }

  private AgentFixture fx;
  private Hanging hanging;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = AgentFixture.start(vertx);
    hanging = new Hanging();
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private ToolResult runOneCall(Toolbox toolbox, Duration agentTimeout, String tool) {
    fx.fake.enqueue(MockChat.toolCall(tool, "{}"));
    fx.fake.enqueue(MockChat.text("done"));
    AgentOptions options = new AgentOptions().setModel(AgentFixture.MODEL).setToolbox(toolbox)
        .setToolTimeout(agentTimeout);
    AgentResult result = fx.agent(options).run("go").await();
    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    return result.steps().get(0).toolCalls().get(0).result();
  }

  @Test
  void agentToolTimeoutAppliesToToolMethodsWithoutTheirOwn() {
    ToolResult r = runOneCall(Toolbox.builder().add(hanging).build(), Duration.ofMillis(100),
        "hang");

    assertThat(r.error()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(r.content()).isEqualTo("tool `hang` timed out after 100 ms");
    assertThat(hanging.cancelled).hasValue(1);
  }

  @Test
  void theToolsOwnTimeoutWinsOverTheAgents() {
    ToolResult r = runOneCall(Toolbox.builder().add(hanging).build(), Duration.ofSeconds(30),
        "hangOwn");

    assertThat(r.content()).isEqualTo("tool `hangOwn` timed out after 150 ms");
  }

  @Test
  void theToolboxDefaultWinsOverTheAgents() {
    Toolbox toolbox = Toolbox.builder().add(hanging).defaultTimeout(Duration.ofMillis(200)).build();

    ToolResult r = runOneCall(toolbox, Duration.ofMillis(100), "hang");

    assertThat(r.content()).isEqualTo("tool `hang` timed out after 200 ms");
    assertThat(toolbox.find("hang").orElseThrow().timeout()).isEqualTo(Duration.ofMillis(200));
    assertThat(toolbox.find("hangOwn").orElseThrow().timeout()).isEqualTo(Duration.ofMillis(150));
  }

  @Test
  void withoutAToolboxDefaultTheSpecLeavesTheTimeoutToTheCaller(Vertx vertx) {
    Toolbox toolbox = Toolbox.builder().add(hanging).build();

    ToolResult r = toolbox.invoke(ToolCall.of("c1", "hang", "{}"),
        ToolContext.of(vertx, "run-1", "c1"), Duration.ofMillis(50)).await();

    assertThat(toolbox.find("hang").orElseThrow().timeout()).isNull();
    assertThat(r.content()).isEqualTo("tool `hang` timed out after 50 ms");
  }

  @Test
  void aHandWrittenToolboxGetsTheAgentsTimeoutToo() {
    StubToolbox stub = new StubToolbox().add("stuck", (args, ctx) -> Promise.<String>promise()
        .future());

    ToolResult r = runOneCall(stub, Duration.ofMillis(100), "stuck");

    assertThat(r.error()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(r.content()).isEqualTo("tool `stuck` timed out after 100 ms");
  }

  @Test
  void aFailingHandWrittenToolboxIsDescribedByItsErrorPolicy() {
    StubToolbox stub = new StubToolbox() {
      @Override
      public Future<ToolResult> invoke(ToolCall call, ToolContext context) {
        throw new IllegalStateException("password=hunter2");
      }

      @Override
      public ToolErrorPolicy errorPolicy() {
        return ToolErrorPolicy.redacted();
      }
    }.add("broken", (args, ctx) -> Future.succeededFuture("unused"));

    ToolResult r = runOneCall(stub, Duration.ofSeconds(5), "broken");

    assertThat(r.error()).isEqualTo(ErrorKind.EXECUTION);
    assertThat(r.content())
        .isEqualTo("tool `broken` failed with an internal error; try a different approach");
  }

  @Test
  void toolExceptionsGoThroughTheToolboxPolicy() {
    Toolbox toolbox = Toolbox.builder().add(hanging).errorPolicy(ToolErrorPolicy.redacted())
        .build();

    ToolResult r = runOneCall(toolbox, Duration.ofSeconds(5), "leak");

    assertThat(r.error()).isEqualTo(ErrorKind.EXECUTION);
    assertThat(r.content())
        .isEqualTo("tool `leak` failed with an internal error; try a different approach");
  }
}
