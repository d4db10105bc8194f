package dev.agentloop.run;

/** Where a journaled run stands, as shown by its last record. */
public enum RunStatus {
  /** Started and not parked or finished: in flight, or lost with its node. */
  RUNNING,
  /** Parked until a person decides its pending calls. */
  AWAITING_APPROVAL,
  /** Finished; it can no longer be resumed. */
  FINISHED;

  /** Returns the status of a run whose last record is the given one. */
  public static RunStatus after(JournalRecord last) {
    if (last instanceof JournalRecord.RunFinished) {
      return FINISHED;
    }
    return last instanceof JournalRecord.RunParked ? AWAITING_APPROVAL : RUNNING;
  }
}
