package dev.agentloop.tool.scanfixture.sub;

import dev.agentloop.tool.Tool;

/** Found by scanning a subpackage: a static tool. */
public final class MathTools {
  private MathTools() {}

  @Tool(description = "Adds two numbers")
  public static int add(int a, int b) {
    return a + b;
  }
}
