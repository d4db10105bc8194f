package dev.agentloop.bench.jmh.tools;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import java.util.List;

/** Ten tools of the math family; part of {@link HundredTools}. */
public final class MathTools {

  @Tool(description = "Get math data (0)")
  public String getMath(@Param(description = "City name") String city) {
    return city;
  }

  @Tool(description = "List math data (1)")
  public String listMath(
      @Param(description = "Query text") String query,
      @Param(description = "Result limit", defaultValue = "10") int limit) {
    return query + limit;
  }

  @Tool(description = "Find math data (2)")
  public String findMath(
      @Param(description = "Identifier") long id,
      @Param(description = "Include details") boolean details) {
    return id + ":" + details;
  }

  @Tool(description = "Create math data (3)")
  public String createMath(
      @Param(description = "Amount") double amount,
      @Param(description = "Unit") HundredTools.Unit unit) {
    return amount + " " + unit;
  }

  @Tool(description = "Update math data (4)")
  public String updateMath(@Param(description = "Tags") List<String> tags) {
    return String.join(",", tags);
  }

  @Tool(description = "Delete math data (5)")
  public String deleteMath(@Param(description = "Date range") HundredTools.Range range) {
    return range.toString();
  }

  @Tool(description = "Count math data (6)")
  public String countMath(
      @Param(description = "Title") String title,
      @Param(description = "Body", required = false) String body) {
    return title;
  }

  @Tool(description = "Check math data (7)")
  public int checkMath(@Param(description = "First") int a, @Param(description = "Second") int b) {
    return a + b;
  }

  @Tool(description = "Plan math data (8)")
  public String planMath(@Param(description = "Items") List<HundredTools.Item> items) {
    return Integer.toString(items.size());
  }

  @Tool(description = "Sync math data (9)")
  public String syncMath(
      @Param(description = "Flag") boolean flag,
      @Param(description = "Note", required = false) String note,
      @Param(description = "Level") int level) {
    return flag + ":" + level;
  }
}
