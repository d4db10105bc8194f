package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.agentloop.testing.MockChat;
import dev.agentloop.tool.ToolResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The approval hook for tools marked {@code requiresApproval}. */
@ExtendWith(VertxExtension.class)
class AgentApprovalTest {

  private AgentFixture fx;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = AgentFixture.start(vertx);
    fx.fake.enqueue(MockChat.toolCall("deleteFile", "{\"path\":\"/tmp/a\"}"));
    fx.fake.enqueue(MockChat.text("done"));
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  @Timeout(10)
  void approvedCallRuns() {
    Agent agent = fx.agent(fx.options().setApprover(
        (call, spec) -> fx.vertx.timer(20).map(v -> ToolApprover.Decision.approve())));

    AgentResult result = agent.run("delete").await();

    assertThat(fx.tools.calls).containsExactly("deleteFile(/tmp/a)");
    assertThat(result.toolExecutions().get(0).result().content()).isEqualTo("deleted /tmp/a");
  }

  @Test
  @Timeout(10)
  void rejectedCallIsReportedToTheModel() {
    Agent agent = fx.agent(fx.options().setApprover(
        (call, spec) -> Future.succeededFuture(ToolApprover.Decision.reject("not in production"))));

    AgentResult result = agent.run("delete").await();

    assertThat(fx.tools.calls).isEmpty();
    ToolResult r = result.toolExecutions().get(0).result();
    assertThat(r.error()).isEqualTo(ToolResult.ErrorKind.REJECTED);
    assertThat(fx.chatBodies().get(1).getJsonArray("messages").getJsonObject(2).getString("content"))
        .contains("not in production");
  }

  @Test
  @Timeout(10)
  void approverMayEditTheArguments() {
    Agent agent = fx.agent(fx.options().setApprover((call, spec) -> Future.succeededFuture(
        ToolApprover.Decision.approveWithArguments(JsonNodeFactory.instance.objectNode().put("path", "/tmp/safe")))));

    AgentResult result = agent.run("delete").await();

    assertThat(fx.tools.calls).containsExactly("deleteFile(/tmp/safe)");
    assertThat(result.toolExecutions().get(0).result().toolCallId())
        .isEqualTo(result.toolExecutions().get(0).call().id());
  }

  @Test
  @Timeout(10)
  void withoutApproverTheCallIsRefused() {
    AgentResult result = fx.agent().run("delete").await();

    assertThat(fx.tools.calls).isEmpty();
    assertThat(result.toolExecutions().get(0).result().error()).isEqualTo(ToolResult.ErrorKind.REJECTED);
  }
}
