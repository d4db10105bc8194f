package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.agentloop.openrouter.Message;
import dev.agentloop.run.ApprovalDecision;
import dev.agentloop.run.JournalCodec;
import dev.agentloop.run.JournalRecord;
import dev.agentloop.run.PendingApproval;
import dev.agentloop.run.RunConflictException;
import dev.agentloop.run.RunInfo;
import dev.agentloop.run.RunStatus;
import dev.agentloop.run.RunStore;
import dev.agentloop.testing.MockChat;
import dev.agentloop.tool.ToolResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Journaled runs: the journal written before acting, resume, deferred approvals. */
@ExtendWith(VertxExtension.class)
class AgentDurableRunTest {

  private static final ToolApprover DEFER = (call, spec) ->
      Future.succeededFuture(ToolApprover.Decision.defer());

  private AgentFixture fx;
  private RunStore store;

  /**
   * Loads Jackson's serializers for the journal off the event loop: on a loaded machine their first
   * use (class loading) took seconds, inside the first test's timeout.
   */
  @BeforeAll
  static void warmUp() {
    JournalRecord started = new JournalRecord.RunStarted("r", "s",
        List.of(Message.user("hi")), dev.agentloop.openrouter.ChatParameters.builder().build(), null);
    JournalCodec.decode(JournalCodec.encode(started));
    JournalCodec.decode(JournalCodec.encode(new JournalRecord.ModelResponded(1, "ITERATION", "m",
        "m", Message.assistant("x"), dev.agentloop.openrouter.Usage.ZERO, "stop")));
  }

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = AgentFixture.start(vertx);
    store = RunStore.inMemory();
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private Agent agent(RunStore s) {
    return fx.agent(fx.options().setRunStore(s).setApprover(DEFER));
  }

  private static List<String> types(List<JournalRecord> records) {
    return records.stream()
        .map(r -> new io.vertx.core.json.JsonObject(JournalCodec.encode(r)).getString("type"))
        .toList();
  }

  /** A store holding the first {@code n} records of another store's run (a crash after them). */
  private RunStore crashedAfter(String runId, int n) {
    RunStore copy = RunStore.inMemory();
    List<JournalRecord> records = store.load(runId).await();
    for (int i = 0; i < n; i++) {
      copy.append(runId, i, records.get(i)).await();
    }
    return copy;
  }

  @Test
  @Timeout(10)
  void everyStepIsJournaledInOrder() {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":2,\"b\":3}"));
    fx.fake.enqueue(MockChat.text("5"));

    AgentResult result = agent(store).run("add").await();

    assertThat(types(store.load(result.runId()).await())).containsExactly(
        "run_started", "model_responded", "tool_started", "tool_finished", "model_responded",
        "run_finished");
    assertThat(store.list(RunStatus.FINISHED, 10).await())
        .extracting(RunInfo::runId).containsExactly(result.runId());
  }

  @Test
  @Timeout(10)
  void resumeAfterCrashReusesJournaledResponsesAndResults() {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":2,\"b\":3}"));
    fx.fake.enqueue(MockChat.text("5"));
    AgentResult reference = agent(store).run("add").await();
    fx.fake.enqueue(MockChat.text("5"));
    int requestsBefore = fx.chatBodies().size();

    // Crash after the tool result: the next model request is the only thing left to do.
    RunStore crashed = crashedAfter(reference.runId(), 4);
    AgentResult resumed = agent(crashed).resume(reference.runId(), List.of()).await();

    assertThat(fx.chatBodies()).hasSize(requestsBefore + 1);
    assertThat(fx.tools.calls).containsExactly("add(2,3)");
    assertThat(resumed.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(resumed.transcript()).isEqualTo(reference.transcript());
    assertThat(fx.chatBodies().get(requestsBefore))
        .isEqualTo(fx.chatBodies().get(requestsBefore - 1));
    assertThat(types(crashed.load(reference.runId()).await()))
        .containsExactly("run_started", "model_responded", "tool_started", "tool_finished",
            "model_responded", "run_finished");
  }

  @Test
  @Timeout(10)
  void resumeAfterCrashOnAJournaledAnswerFinishesWithoutAnyRequest() {
    fx.fake.enqueue(MockChat.text("hello"));
    AgentResult reference = agent(store).run("hi").await();

    AgentResult resumed =
        agent(crashedAfter(reference.runId(), 2)).resume(reference.runId(), List.of()).await();

    assertThat(fx.chatBodies()).hasSize(1);
    assertThat(resumed.text()).isEqualTo("hello");
    assertThat(resumed.transcript()).isEqualTo(reference.transcript());
  }

  @Test
  @Timeout(10)
  void toolStartedWithoutResultIsReportedAsOutcomeUnknownAndNotRepeated() {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":2,\"b\":3}"));
    fx.fake.enqueue(MockChat.text("5"));
    AgentResult reference = agent(store).run("add").await();
    fx.fake.enqueue(MockChat.text("not sure"));

    AgentResult resumed =
        agent(crashedAfter(reference.runId(), 3)).resume(reference.runId(), List.of()).await();

    assertThat(fx.tools.calls).containsExactly("add(2,3)");
    ToolResult r = resumed.toolExecutions().get(0).result();
    assertThat(r.error()).isEqualTo(ToolResult.ErrorKind.EXECUTION);
    assertThat(r.content()).startsWith("outcome unknown: add was started but the run stopped");
    assertThat(fx.chatBodies().get(2).getJsonArray("messages").getJsonObject(2).getString("content"))
        .isEqualTo(r.content());
  }

  @Test
  @Timeout(10)
  void deferredApprovalParksTheRunAndApprovalCompletesIt() {
    fx.fake.enqueue(MockChat.toolCall("deleteFile", "{\"path\":\"/tmp/a\"}"));
    fx.fake.enqueue(MockChat.text("done"));
    Agent agent = agent(store);

    AgentResult parked = agent.run("delete").await();

    assertThat(parked.stopReason()).isEqualTo(StopReason.AWAITING_APPROVAL);
    assertThat(fx.tools.calls).isEmpty();
    PendingApproval p = parked.pendingApprovals().get(0);
    assertThat(p.tool()).isEqualTo("deleteFile");
    assertThat(p.arguments()).isEqualTo("{\"path\":\"/tmp/a\"}");
    assertThat(p.digest()).isEqualTo(ApprovalDecision.digest("{\"path\":\"/tmp/a\"}"));
    assertThat(store.list(RunStatus.AWAITING_APPROVAL, 10).await())
        .extracting(RunInfo::runId).containsExactly(parked.runId());

    AgentResult done = agent.resume(p.runId(), List.of(ApprovalDecision.approve(p))).await();

    assertThat(done.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(done.text()).isEqualTo("done");
    assertThat(fx.tools.calls).containsExactly("deleteFile(/tmp/a)");
    assertThat(fx.chatBodies()).hasSize(2);
    assertThat(done.transcript().get(2)).isEqualTo(Message.tool(p.callId(), "deleted /tmp/a"));
  }

  @Test
  @Timeout(10)
  void aDecisionIsSingleUse() {
    fx.fake.enqueue(MockChat.toolCall("deleteFile", "{\"path\":\"/tmp/a\"}"));
    fx.fake.enqueue(MockChat.text("done"));
    Agent agent = agent(store);
    PendingApproval p = agent.run("delete").await().pendingApprovals().get(0);
    ApprovalDecision approve = ApprovalDecision.approve(p);

    assertThatThrownBy(() -> agent.resume(p.runId(), List.of(approve, approve)).await())
        .isInstanceOf(RunConflictException.class)
        .hasMessage("approval already decided: " + p.callId());
    agent.resume(p.runId(), List.of(approve)).await();
    assertThatThrownBy(() -> agent.resume(p.runId(), List.of(approve)).await())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("run already finished: " + p.runId() + " (COMPLETED)");
    assertThat(fx.tools.calls).containsExactly("deleteFile(/tmp/a)");
  }

  @Test
  @Timeout(10)
  void decisionRecordedBeforeACrashIsNotAskedAgainNorRepeated() {
    fx.fake.enqueue(MockChat.toolCall("deleteFile", "{\"path\":\"/tmp/a\"}"));
    Agent agent = agent(store);
    PendingApproval p = agent.run("delete").await().pendingApprovals().get(0);
    // The decision is journaled (record 4) but the process dies before the tool starts.
    store.append(p.runId(), 4,
        new JournalRecord.ApprovalDecided(p.callId(), true, null, null)).await();
    fx.fake.enqueue(MockChat.text("done"));

    AgentResult done = agent.resume(p.runId(), List.of()).await();

    assertThat(done.text()).isEqualTo("done");
    assertThat(fx.tools.calls).containsExactly("deleteFile(/tmp/a)");
    assertThatThrownBy(() -> agent.resume(p.runId(), List.of(ApprovalDecision.approve(p))).await())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @Timeout(10)
  void rejectedCallNeverRunsAndTheModelReadsTheMessage() {
    fx.fake.enqueue(MockChat.toolCall("deleteFile", "{\"path\":\"/tmp/a\"}"));
    fx.fake.enqueue(MockChat.text("ok, not deleted"));
    Agent agent = agent(store);
    PendingApproval p = agent.run("delete").await().pendingApprovals().get(0);

    AgentResult done =
        agent.resume(p.runId(), List.of(ApprovalDecision.reject(p, "keep that file"))).await();

    assertThat(fx.tools.calls).isEmpty();
    assertThat(done.toolExecutions().get(0).result().error())
        .isEqualTo(ToolResult.ErrorKind.REJECTED);
    assertThat(fx.chatBodies().get(1).getJsonArray("messages").getJsonObject(2).getString("content"))
        .isEqualTo("The user rejected this call: keep that file");
  }

  @Test
  @Timeout(10)
  void approvalWithEditedArgumentsRunsThoseArguments() {
    fx.fake.enqueue(MockChat.toolCall("deleteFile", "{\"path\":\"/tmp/a\"}"));
    fx.fake.enqueue(MockChat.text("done"));
    Agent agent = agent(store);
    PendingApproval p = agent.run("delete").await().pendingApprovals().get(0);

    agent.resume(p.runId(), List.of(ApprovalDecision.approve(p,
        JsonNodeFactory.instance.objectNode().put("path", "/tmp/safe")))).await();

    assertThat(fx.tools.calls).containsExactly("deleteFile(/tmp/safe)");
  }

  @Test
  @Timeout(10)
  void decisionWithAnotherDigestIsRefused() {
    fx.fake.enqueue(MockChat.toolCall("deleteFile", "{\"path\":\"/tmp/a\"}"));
    Agent agent = agent(store);
    PendingApproval p = agent.run("delete").await().pendingApprovals().get(0);
    String forged = ApprovalDecision.digest("{\"path\":\"/etc\"}");

    assertThatThrownBy(() -> agent.resume(p.runId(),
            List.of(new ApprovalDecision(p.callId(), forged, true, null, null))).await())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the decision's argument digest does not match call " + p.callId() + ": "
            + forged);
    assertThatThrownBy(() -> agent.resume(p.runId(),
            List.of(new ApprovalDecision("call_x", p.digest(), true, null, null))).await())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no approval was requested for call call_x in run " + p.runId());
    assertThat(fx.tools.calls).isEmpty();
    assertThat(store.list(RunStatus.AWAITING_APPROVAL, 10).await()).hasSize(1);
  }

  @Test
  @Timeout(10)
  void undecidedCallsParkTheRunAgain() {
    fx.fake.enqueue(MockChat.toolCall("deleteFile", "{\"path\":\"/tmp/a\"}"));
    Agent agent = agent(store);
    PendingApproval p = agent.run("delete").await().pendingApprovals().get(0);

    AgentResult again = agent.resume(p.runId(), List.of()).await();

    assertThat(again.stopReason()).isEqualTo(StopReason.AWAITING_APPROVAL);
    assertThat(again.pendingApprovals()).containsExactly(p);
    assertThat(fx.chatBodies()).hasSize(1);
  }

  @Test
  @Timeout(10)
  void deferWithoutARunStoreRefusesTheCall() {
    fx.fake.enqueue(MockChat.toolCall("deleteFile", "{\"path\":\"/tmp/a\"}"));
    fx.fake.enqueue(MockChat.text("ok"));

    AgentResult result = fx.agent(fx.options().setApprover(DEFER)).run("delete").await();

    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.toolExecutions().get(0).result().content())
        .isEqualTo("Refused: approval of deleteFile was deferred but the agent has no run store"
            + " to park the run.");
  }

  @Test
  @Timeout(10)
  void aRefusedJournalWriteStopsTheRunBeforeTheToolRuns() {
    RunStore failing = new RunStore() {
      @Override
      public Future<Void> append(String runId, int seq, JournalRecord record) {
        return record instanceof JournalRecord.ToolStarted
            ? Future.failedFuture(new RunConflictException("journal conflict: stale owner"))
            : store.append(runId, seq, record);
      }

      @Override
      public Future<List<JournalRecord>> load(String runId) {
        return store.load(runId);
      }

      @Override
      public Future<List<RunInfo>> list(RunStatus status, int limit) {
        return store.list(status, limit);
      }

      @Override
      public Future<Integer> prune(java.time.Instant finishedBefore) {
        return store.prune(finishedBefore);
      }
    };
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":2,\"b\":3}"));

    AgentRunException e = AgentFixture.failure(agent(failing).run("add"));

    assertThat(e.result().stopReason()).isEqualTo(StopReason.STORE_ERROR);
    assertThat(e.result().error()).hasMessage(
        "the run journal could not be written: journal conflict: stale owner");
    assertThat(fx.tools.calls).isEmpty();
    assertThat(fx.chatBodies()).hasSize(1);
  }

  @Test
  @Timeout(10)
  void resumeWithoutAStoreOrOfAnUnknownRunFails() {
    assertThatThrownBy(() -> fx.agent().resume("run-1", List.of()).await())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("resume needs a run store: set AgentOptions.setRunStore");
    assertThatThrownBy(() -> agent(store).resume("run-1", List.of()).await())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown run: run-1");
  }

  @Test
  @Timeout(10)
  void recoverResumesRunsThatWereInFlight() {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":2,\"b\":3}"));
    fx.fake.enqueue(MockChat.text("5"));
    AgentResult reference = agent(store).run("add").await();
    fx.fake.enqueue(MockChat.text("5"));
    RunStore crashed = crashedAfter(reference.runId(), 4);
    crashed.append("run-done", 0, new JournalRecord.RunStarted("run-done", "s",
        List.of(Message.user("x")), null, null)).await();
    crashed.append("run-done", 1,
        new JournalRecord.RunFinished(StopReason.COMPLETED, "x")).await();

    List<String> recovered = agent(crashed).recover(100).await();

    assertThat(recovered).containsExactlyInAnyOrder(reference.runId());
    while (crashed.list(RunStatus.RUNNING, 10).await().size() > 0) {
      fx.vertx.timer(10).await();
    }
    List<JournalRecord> journal = crashed.load(reference.runId()).await();
    assertThat(journal.get(journal.size() - 1))
        .isEqualTo(new JournalRecord.RunFinished(StopReason.COMPLETED, "5"));
    assertThat(fx.tools.calls).containsExactly("add(2,3)");
    assertThat(fx.chatBodies()).hasSize(3);
  }

  /** An idempotent tool that records the key of each call. */
  public static final class Charges {
    final List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Charges. */
    @dev.agentloop.tool.Tool(description = "Charges a card", idempotent = true, nonBlocking = true)
    public String charge(dev.agentloop.tool.ToolContext context,
        @dev.agentloop.tool.Param(description = "amount") int amount) {
      keys.add(context.idempotencyKey());
      return "charged " + amount;
    }
  }

  @Test
  @Timeout(10)
  void idempotentToolStartedWithoutResultRunsAgainWithTheSameKey() {
    Charges charges = new Charges();
    AgentOptions options = new AgentOptions().setModel(AgentFixture.MODEL).setRunStore(store)
        .setToolbox(dev.agentloop.tool.Toolbox.builder().add(charges).build());
    fx.fake.enqueue(MockChat.toolCall("charge", "{\"amount\":7}"));
    fx.fake.enqueue(MockChat.text("ok"));
    AgentResult reference = fx.agent(options).run("charge").await();
    fx.fake.enqueue(MockChat.text("ok"));

    AgentResult resumed = fx.agent(new AgentOptions(options)
            .setRunStore(crashedAfter(reference.runId(), 3)))
        .resume(reference.runId(), List.of()).await();

    String key = reference.runId() + ":" + reference.toolExecutions().get(0).call().id();
    assertThat(charges.keys).containsExactly(key, key);
    assertThat(resumed.transcript()).isEqualTo(reference.transcript());
  }

  @Test
  @Timeout(10)
  void aToolFinishingAfterTheRunWasCancelledAppendsNothing() {
    fx.fake.enqueue(MockChat.toolCall("slow", "{\"label\":\"a\",\"ms\":300}"));
    AgentRun run = agent(store).start(RunRequest.of("slow"));
    fx.vertx.timer(150).await();

    run.cancel();
    AgentResult result = run.result().await();
    fx.vertx.timer(400).await();

    assertThat(fx.tools.calls).containsExactly("slow(a)");
    List<JournalRecord> journal = store.load(result.runId()).await();
    assertThat(journal.get(journal.size() - 1))
        .isEqualTo(new JournalRecord.RunFinished(StopReason.CANCELLED, null));
    // The cancelled call's result is recorded before the end; the late completion adds nothing.
    assertThat(types(journal)).containsExactly(
        "run_started", "model_responded", "tool_started", "tool_finished", "run_finished");
    assertThat(store.list(RunStatus.FINISHED, 10).await()).hasSize(1);
  }

  /** A structured answer. */
  public record Sum(int value) {}

  @Test
  @Timeout(10)
  void typedRunResumesWithItsOutputType() {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":2,\"b\":3}"));
    fx.fake.enqueue(MockChat.text("{\"value\":5}"));
    AgentResult reference = agent(store).run("add", Sum.class).await();
    fx.fake.enqueue(MockChat.text("{\"value\":5}"));
    int before = fx.chatBodies().size();

    RunStore crashed = crashedAfter(reference.runId(), 4);
    AgentResult resumed = agent(crashed).resume(reference.runId(), List.of()).await();

    assertThat(new io.vertx.core.json.JsonObject(JournalCodec.encode(
            crashed.load(reference.runId()).await().get(0))).getString("output_type"))
        .isEqualTo(Sum.class.getName());
    assertThat(resumed.output(Sum.class)).isEqualTo(new Sum(5));
    assertThat(fx.chatBodies().get(before).getJsonObject("response_format"))
        .isNotNull()
        .isEqualTo(fx.chatBodies().get(before - 1).getJsonObject("response_format"));
  }

  @Test
  @Timeout(10)
  void typedRunWhoseTypeIsMissingHereIsNotResumedAndRecordsNoDecision() {
    JournalRecord.RunStarted started = new JournalRecord.RunStarted("r-missing", "s",
        List.of(Message.user("pay")), null, null, "com.example.Missing", null);
    store.append("r-missing", 0, started).await();
    store.append("r-missing", 1, new JournalRecord.ApprovalRequested("c1", "add", "{}",
        ApprovalDecision.digest("{}"))).await();
    store.append("r-missing", 2, new JournalRecord.RunParked(List.of("c1"))).await();

    assertThatThrownBy(() -> agent(store).resume("r-missing", List.of(new ApprovalDecision(
            "c1", ApprovalDecision.digest("{}"), true, null, null))).await())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the run's output type cannot be loaded in this process: com.example.Missing"
            + " (a class on the class path is needed to resume a typed run)");
    assertThat(store.load("r-missing").await()).hasSize(3);
  }
}
