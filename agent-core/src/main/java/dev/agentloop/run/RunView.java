package dev.agentloop.run;

import dev.agentloop.agent.StopReason;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.run.JournalRecord.ApprovalDecided;
import dev.agentloop.run.JournalRecord.ApprovalRequested;
import dev.agentloop.run.JournalRecord.ModelResponded;
import dev.agentloop.run.JournalRecord.RunFinished;
import dev.agentloop.run.JournalRecord.RunStarted;
import dev.agentloop.run.JournalRecord.ToolFinished;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a run's journal says, for people and APIs: status, pending approvals, the transcript so far
 * and the usage. Built from the records alone, on any node.
 *
 * @param runId the run id
 * @param agent the agent's name, or null
 * @param status the status
 * @param pendingApprovals calls requested and not yet decided
 * @param decidedCalls ids of calls already decided
 * @param transcript the messages journaled so far
 * @param usage the summed usage of the journaled answers
 * @param stopReason the stop reason of a finished run, or null
 * @param text the final answer of a finished run, or null
 */
public record RunView(
    String runId,
    @Nullable String agent,
    RunStatus status,
    List<PendingApproval> pendingApprovals,
    Set<String> decidedCalls,
    List<Message> transcript,
    Usage usage,
    @Nullable StopReason stopReason,
    @Nullable String text) {

  /** Validates and copies. */
  public RunView {
    Objects.requireNonNull(runId, "runId == null");
    Objects.requireNonNull(status, "status == null");
    pendingApprovals = List.copyOf(pendingApprovals);
    decidedCalls = Set.copyOf(decidedCalls);
    transcript = List.copyOf(transcript);
    Objects.requireNonNull(usage, "usage == null");
  }

  /**
   * Builds the view of a journal.
   *
   * @throws IllegalArgumentException when the journal is empty or does not begin with {@code
   *     run_started}
   */
  public static RunView of(String runId, List<JournalRecord> records) {
    if (records.isEmpty() || !(records.get(0) instanceof RunStarted started)) {
      throw new IllegalArgumentException("unknown run: " + runId);
    }
    List<Message> transcript = new ArrayList<>(started.transcript());
    Map<String, ApprovalRequested> requested = new LinkedHashMap<>();
    Set<String> decided = new HashSet<>();
    Map<String, String> results = new HashMap<>();
    List<ToolCall> open = List.of();
    Usage usage = Usage.ZERO;
    RunFinished finished = null;
    for (JournalRecord r : records) {
      if (r instanceof ModelResponded m) {
        closeOpen(transcript, open, results);
        transcript.add(m.message());
        usage = usage.plus(m.usage());
        open = m.message().hasToolCalls() ? m.message().toolCalls() : List.of();
      } else if (r instanceof ToolFinished t) {
        results.put(t.result().toolCallId(), t.result().content());
      } else if (r instanceof ApprovalRequested a) {
        requested.put(a.callId(), a);
      } else if (r instanceof ApprovalDecided d) {
        decided.add(d.callId());
      } else if (r instanceof RunFinished f) {
        finished = f;
      }
    }
    closeOpen(transcript, open, results);
    List<PendingApproval> pending = new ArrayList<>();
    for (ApprovalRequested a : requested.values()) {
      if (!decided.contains(a.callId())) {
        pending.add(new PendingApproval(runId, a.callId(), a.name(), a.arguments(), a.digest()));
      }
    }
    return new RunView(
        runId,
        started.agent(),
        RunStatus.after(records.get(records.size() - 1)),
        finished == null ? pending : List.of(),
        decided,
        transcript,
        usage,
        finished == null ? null : finished.reason(),
        finished == null ? null : finished.text());
  }

  /** Appends the tool messages of the calls that have journaled results, in call order. */
  private static void closeOpen(
      List<Message> transcript, List<ToolCall> open, Map<String, String> results) {
    for (ToolCall call : open) {
      String content = results.get(call.id());
      if (content != null) {
        transcript.add(Message.tool(call.id(), content));
      }
    }
  }
}
