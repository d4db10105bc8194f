package dev.agentloop.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.StopReason;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.run.PendingApproval;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON form of a result, as it crosses the event bus. */
class AgentJsonResultTest {

  @Test
  void pendingApprovalsSurviveTheRoundTrip() {
    PendingApproval pending =
        new PendingApproval("run-1", "call-7", "pay", "{\"amount\":12}", "ab12cd");
    AgentResult parked =
        new AgentResult(
            "run-1",
            "session-1",
            StopReason.AWAITING_APPROVAL,
            null,
            null,
            null,
            List.of(),
            List.of(),
            Usage.ZERO,
            Map.of(),
            null,
            null,
            List.of(),
            List.of(pending));

    AgentResult back = AgentJson.resultFromJson(AgentJson.toJson(parked, true));

    assertThat(back.stopReason()).isEqualTo(StopReason.AWAITING_APPROVAL);
    assertThat(back.pendingApprovals()).containsExactly(pending);
  }
}
