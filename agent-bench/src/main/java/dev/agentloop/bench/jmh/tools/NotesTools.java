package dev.agentloop.bench.jmh.tools;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import java.util.List;

/** Ten tools of the notes family; part of {@link HundredTools}. */
public final class NotesTools {

  @Tool(description = "Get notes data (0)")
  public String getNotes(@Param(description = "City name") String city) {
    return city;
  }

  @Tool(description = "List notes data (1)")
  public String listNotes(
      @Param(description = "Query text") String query,
      @Param(description = "Result limit", defaultValue = "10") int limit) {
    return query + limit;
  }

  @Tool(description = "Find notes data (2)")
  public String findNotes(
      @Param(description = "Identifier") long id,
      @Param(description = "Include details") boolean details) {
    return id + ":" + details;
  }

  @Tool(description = "Create notes data (3)")
  public String createNotes(
      @Param(description = "Amount") double amount,
      @Param(description = "Unit") HundredTools.Unit unit) {
    return amount + " " + unit;
  }

  @Tool(description = "Update notes data (4)")
  public String updateNotes(@Param(description = "Tags") List<String> tags) {
    return String.join(",", tags);
  }

  @Tool(description = "Delete notes data (5)")
  public String deleteNotes(@Param(description = "Date range") HundredTools.Range range) {
    return range.toString();
  }

  @Tool(description = "Count notes data (6)")
  public String countNotes(
      @Param(description = "Title") String title,
      @Param(description = "Body", required = false) String body) {
    return title;
  }

  @Tool(description = "Check notes data (7)")
  public int checkNotes(@Param(description = "First") int a, @Param(description = "Second") int b) {
    return a + b;
  }

  @Tool(description = "Plan notes data (8)")
  public String planNotes(@Param(description = "Items") List<HundredTools.Item> items) {
    return Integer.toString(items.size());
  }

  @Tool(description = "Sync notes data (9)")
  public String syncNotes(
      @Param(description = "Flag") boolean flag,
      @Param(description = "Note", required = false) String note,
      @Param(description = "Level") int level) {
    return flag + ":" + level;
  }
}
