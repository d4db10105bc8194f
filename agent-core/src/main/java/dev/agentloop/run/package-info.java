/**
 * Durable runs: the append-only run journal ({@link dev.agentloop.run.JournalRecord}), its
 * versioned JSON form ({@link dev.agentloop.run.JournalCodec}), the {@link
 * dev.agentloop.run.RunStore} SPI with an in-memory store, and the values of deferred approvals
 * ({@link dev.agentloop.run.PendingApproval}, {@link dev.agentloop.run.ApprovalDecision}).
 */
@NullMarked
package dev.agentloop.run;

import org.jspecify.annotations.NullMarked;
