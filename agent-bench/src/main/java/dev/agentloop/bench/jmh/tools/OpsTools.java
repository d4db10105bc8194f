package dev.agentloop.bench.jmh.tools;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import java.util.List;

/** Ten tools of the ops family; part of {@link HundredTools}. */
public final class OpsTools {

  @Tool(description = "Get ops data (0)")
  public String getOps(@Param(description = "City name") String city) {
    return city;
  }

  @Tool(description = "List ops data (1)")
  public String listOps(
      @Param(description = "Query text") String query,
      @Param(description = "Result limit", defaultValue = "10") int limit) {
    return query + limit;
  }

  @Tool(description = "Find ops data (2)")
  public String findOps(
      @Param(description = "Identifier") long id,
      @Param(description = "Include details") boolean details) {
    return id + ":" + details;
  }

  @Tool(description = "Create ops data (3)")
  public String createOps(
      @Param(description = "Amount") double amount,
      @Param(description = "Unit") HundredTools.Unit unit) {
    return amount + " " + unit;
  }

  @Tool(description = "Update ops data (4)")
  public String updateOps(@Param(description = "Tags") List<String> tags) {
    return String.join(",", tags);
  }

  @Tool(description = "Delete ops data (5)")
  public String deleteOps(@Param(description = "Date range") HundredTools.Range range) {
    return range.toString();
  }

  @Tool(description = "Count ops data (6)")
  public String countOps(
      @Param(description = "Title") String title,
      @Param(description = "Body", required = false) String body) {
    return title;
  }

  @Tool(description = "Check ops data (7)")
  public int checkOps(@Param(description = "First") int a, @Param(description = "Second") int b) {
    return a + b;
  }

  @Tool(description = "Plan ops data (8)")
  public String planOps(@Param(description = "Items") List<HundredTools.Item> items) {
    return Integer.toString(items.size());
  }

  @Tool(description = "Sync ops data (9)")
  public String syncOps(
      @Param(description = "Flag") boolean flag,
      @Param(description = "Note", required = false) String note,
      @Param(description = "Level") int level) {
    return flag + ":" + level;
  }
}
