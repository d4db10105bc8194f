package dev.agentloop.tool.scanfixture;

import dev.agentloop.tool.Tool;

/** Found by scanning: an instance tool made by the no-arg constructor. */
public class ClockTools {
  @Tool(description = "Current time in a zone")
  public String now(String zone) {
    return "12:00 " + zone;
  }
}
