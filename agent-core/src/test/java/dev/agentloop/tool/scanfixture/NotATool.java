package dev.agentloop.tool.scanfixture;

/** Ignored by scanning: no @Tool methods. */
public class NotATool {
  /** Not a tool. */
  public String hello() {
    return "hi";
  }
}
