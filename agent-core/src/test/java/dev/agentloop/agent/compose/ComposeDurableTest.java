package dev.agentloop.agent.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.agent.Agent;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.StopReason;
import dev.agentloop.run.JournalRecord;
import dev.agentloop.run.RunStore;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Composition inside journaled runs: sub-runs resume; handoffs are refused. */
@ExtendWith(VertxExtension.class)
class ComposeDurableTest {

  private ComposeFixture fx;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = ComposeFixture.start(vertx);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @Test
  // Journal writes and a sub-run on cold code paths: over 10 s on a loaded 2-core machine.
  @Timeout(30)
  void subRunInsideAJournaledRunIsJournaledAsOneToolResult() {
    fx.script(
        "triage",
        r ->
            r.countMessages("tool") > 0
                ? MockChat.text("done").usage(3, 1, 0.003).toResponse()
                : MockChat.toolCall("research", "{\"input\":\"q\"}").usage(1, 1, 0.001).toResponse());
    fx.script("research", r -> MockChat.text("found").usage(2, 1, 0.002).toResponse());
    RunStore store = RunStore.inMemory();
    Agent triage =
        fx.agent(
            fx.options("triage")
                .setRunStore(store)
                .setToolbox(
                    AgentToolbox.of(null, AgentTool.of("research", "Researches", fx.agent(fx.options("research"))))));

    AgentResult result = triage.run("go").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.usage().costOrZero()).isEqualByComparingTo("0.006");
    List<JournalRecord> journal = store.load(result.runId()).await();
    // Only the caller's run is journaled; the sub-run is one tool result in it, reused on resume.
    assertThat(journal.stream().filter(r -> r instanceof JournalRecord.ToolFinished))
        .singleElement()
        .satisfies(r -> assertThat(((JournalRecord.ToolFinished) r).result().content()).isEqualTo("found"));
    assertThat(journal.get(journal.size() - 1)).isInstanceOf(JournalRecord.RunFinished.class);
  }

  @Test
  void handoffsWithARunStoreAreRefusedClearly() {
    Agent target = fx.agent(fx.options("weather"));

    assertThatThrownBy(
            () ->
                fx.agent(
                    fx.options("triage")
                        .setRunStore(RunStore.inMemory())
                        .setHandoffs(new HandoffOptions().add(Handoff.to(target, "Weather")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "handoffs are not supported in journaled runs yet: remove the run store or the handoffs"
                + " of agent triage");
  }
}
