package dev.agentloop.bench.jmh.tools;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import java.util.List;

/** Ten tools of the mail family; part of {@link HundredTools}. */
public final class MailTools {

  @Tool(description = "Get mail data (0)")
  public String getMail(@Param(description = "City name") String city) {
    return city;
  }

  @Tool(description = "List mail data (1)")
  public String listMail(
      @Param(description = "Query text") String query,
      @Param(description = "Result limit", defaultValue = "10") int limit) {
    return query + limit;
  }

  @Tool(description = "Find mail data (2)")
  public String findMail(
      @Param(description = "Identifier") long id,
      @Param(description = "Include details") boolean details) {
    return id + ":" + details;
  }

  @Tool(description = "Create mail data (3)")
  public String createMail(
      @Param(description = "Amount") double amount,
      @Param(description = "Unit") HundredTools.Unit unit) {
    return amount + " " + unit;
  }

  @Tool(description = "Update mail data (4)")
  public String updateMail(@Param(description = "Tags") List<String> tags) {
    return String.join(",", tags);
  }

  @Tool(description = "Delete mail data (5)")
  public String deleteMail(@Param(description = "Date range") HundredTools.Range range) {
    return range.toString();
  }

  @Tool(description = "Count mail data (6)")
  public String countMail(
      @Param(description = "Title") String title,
      @Param(description = "Body", required = false) String body) {
    return title;
  }

  @Tool(description = "Check mail data (7)")
  public int checkMail(@Param(description = "First") int a, @Param(description = "Second") int b) {
    return a + b;
  }

  @Tool(description = "Plan mail data (8)")
  public String planMail(@Param(description = "Items") List<HundredTools.Item> items) {
    return Integer.toString(items.size());
  }

  @Tool(description = "Sync mail data (9)")
  public String syncMail(
      @Param(description = "Flag") boolean flag,
      @Param(description = "Note", required = false) String note,
      @Param(description = "Level") int level) {
    return flag + ":" + level;
  }
}
