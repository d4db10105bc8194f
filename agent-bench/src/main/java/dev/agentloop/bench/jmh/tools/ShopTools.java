package dev.agentloop.bench.jmh.tools;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import java.util.List;

/** Ten tools of the shop family; part of {@link HundredTools}. */
public final class ShopTools {

  @Tool(description = "Get shop data (0)")
  public String getShop(@Param(description = "City name") String city) {
    return city;
  }

  @Tool(description = "List shop data (1)")
  public String listShop(
      @Param(description = "Query text") String query,
      @Param(description = "Result limit", defaultValue = "10") int limit) {
    return query + limit;
  }

  @Tool(description = "Find shop data (2)")
  public String findShop(
      @Param(description = "Identifier") long id,
      @Param(description = "Include details") boolean details) {
    return id + ":" + details;
  }

  @Tool(description = "Create shop data (3)")
  public String createShop(
      @Param(description = "Amount") double amount,
      @Param(description = "Unit") HundredTools.Unit unit) {
    return amount + " " + unit;
  }

  @Tool(description = "Update shop data (4)")
  public String updateShop(@Param(description = "Tags") List<String> tags) {
    return String.join(",", tags);
  }

  @Tool(description = "Delete shop data (5)")
  public String deleteShop(@Param(description = "Date range") HundredTools.Range range) {
    return range.toString();
  }

  @Tool(description = "Count shop data (6)")
  public String countShop(
      @Param(description = "Title") String title,
      @Param(description = "Body", required = false) String body) {
    return title;
  }

  @Tool(description = "Check shop data (7)")
  public int checkShop(@Param(description = "First") int a, @Param(description = "Second") int b) {
    return a + b;
  }

  @Tool(description = "Plan shop data (8)")
  public String planShop(@Param(description = "Items") List<HundredTools.Item> items) {
    return Integer.toString(items.size());
  }

  @Tool(description = "Sync shop data (9)")
  public String syncShop(
      @Param(description = "Flag") boolean flag,
      @Param(description = "Note", required = false) String note,
      @Param(description = "Level") int level) {
    return flag + ":" + level;
  }
}
