package dev.agentloop.agent.impl;

import dev.agentloop.agent.ToolApprover;
import dev.agentloop.internal.Json;
import dev.agentloop.openrouter.FunctionCall;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.run.ApprovalDecision;
import dev.agentloop.run.JournalRecord;
import dev.agentloop.run.JournalRecord.ApprovalDecided;
import dev.agentloop.run.JournalRecord.ApprovalRequested;
import dev.agentloop.run.JournalRecord.ModelResponded;
import dev.agentloop.run.JournalRecord.RunStarted;
import dev.agentloop.run.JournalRecord.ToolFinished;
import dev.agentloop.run.JournalRecord.ToolStarted;
import dev.agentloop.run.PendingApproval;
import dev.agentloop.run.RunConflictException;
import dev.agentloop.tool.ToolResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A run's state rebuilt from its journal, plus the decisions given to resume it. */
final class Replay {

  final String runId;
  final RunStarted started;
  final List<ModelResponded> responses = new ArrayList<>();
  final Map<String, ToolResult> results = new HashMap<>();
  final Set<String> startedCalls = new HashSet<>();
  final Map<String, ApprovalRequested> requested = new LinkedHashMap<>();
  final Map<String, ToolApprover.Decision> decided = new HashMap<>();
  private int size;

  private Replay(String runId, RunStarted started) {
    this.runId = runId;
    this.started = started;
  }

  /**
   * Rebuilds a run.
   *
   * @throws IllegalArgumentException for an unknown run
   * @throws IllegalStateException for a finished run
   */
  static Replay of(String runId, List<JournalRecord> records) {
    if (records.isEmpty()) {
      throw new IllegalArgumentException("unknown run: " + runId);
    }
    if (!(records.get(0) instanceof RunStarted first)) {
      throw new IllegalStateException(
          "journal of run " + runId + " does not begin with run_started");
    }
    if (records.get(records.size() - 1) instanceof JournalRecord.RunFinished f) {
      throw new IllegalStateException("run already finished: " + runId + " (" + f.reason() + ")");
    }
    Replay r = new Replay(runId, first);
    r.size = records.size();
    for (JournalRecord rec : records) {
      if (rec instanceof ModelResponded m) {
        r.responses.add(m);
      } else if (rec instanceof ToolStarted t) {
        r.startedCalls.add(t.callId());
      } else if (rec instanceof ToolFinished t) {
        r.results.put(t.result().toolCallId(), t.result());
      } else if (rec instanceof ApprovalRequested a) {
        r.requested.put(a.callId(), a);
      } else if (rec instanceof ApprovalDecided d) {
        r.decided.put(d.callId(), decision(d));
      }
    }
    return r;
  }

  /** How many records the journal holds (the position of the next append). */
  int size() {
    return size;
  }

  /** The calls waiting for a decision. */
  List<PendingApproval> pending() {
    List<PendingApproval> list = new ArrayList<>();
    for (ApprovalRequested a : requested.values()) {
      if (!decided.containsKey(a.callId())) {
        list.add(new PendingApproval(runId, a.callId(), a.name(), a.arguments(), a.digest()));
      }
    }
    return list;
  }

  /**
   * Checks the decisions against the pending calls and returns the records to journal.
   *
   * @throws IllegalArgumentException for a call that is not pending here or a digest mismatch
   * @throws RunConflictException for a call already decided
   */
  List<JournalRecord> decide(List<ApprovalDecision> decisions) {
    List<JournalRecord> records = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ApprovalDecision d : decisions) {
      ApprovalRequested a = requested.get(d.callId());
      if (a == null) {
        throw new IllegalArgumentException(
            "no approval was requested for call " + d.callId() + " in run " + runId);
      }
      if (decided.containsKey(d.callId()) || !seen.add(d.callId())) {
        throw new RunConflictException("approval already decided: " + d.callId());
      }
      if (!a.digest().equals(d.digest())) {
        throw new IllegalArgumentException(
            "the decision's argument digest does not match call " + d.callId() + ": " + d.digest());
      }
      records.add(
          new ApprovalDecided(
              d.callId(),
              d.approved(),
              d.message(),
              d.arguments() == null ? null : d.arguments().toString()));
    }
    for (JournalRecord r : records) {
      ApprovalDecided d = (ApprovalDecided) r;
      decided.put(d.callId(), decision(d));
    }
    return records;
  }

  private static ToolApprover.Decision decision(ApprovalDecided d) {
    if (!d.approved()) {
      return ToolApprover.Decision.reject(d.message() == null ? "rejected" : d.message());
    }
    return d.arguments() == null
        ? ToolApprover.Decision.approve()
        : ToolApprover.Decision.approveWithArguments(Json.parse(d.arguments()));
  }

  /** A call as the model wrote it, for building edited calls. */
  static ToolCall withArguments(ToolCall call, String arguments) {
    return new ToolCall(
        call.id(), call.type(), new FunctionCall(call.function().name(), arguments));
  }
}
