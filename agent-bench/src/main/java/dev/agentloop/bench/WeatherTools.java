package dev.agentloop.bench;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;

/** The benchmark's one tool, the AgentLoop way; trivial, so the framework's cost shows. */
public final class WeatherTools {

  /** Returns the scripted weather; never blocks, so it runs on the event loop. */
  @Tool(description = "Current weather for a city", nonBlocking = true)
  public String weather(@Param(description = "City name, e.g. Paris") String city) {
    return Script.TOOL_RESULT;
  }
}
