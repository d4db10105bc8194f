package dev.agentloop.bench.jmh.tools;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import java.util.List;

/**
 * One hundred {@code @Tool} methods (ten classes of ten) with the parameter shapes real tools
 * have: strings, numbers, booleans, enums, lists, records, optional and defaulted parameters.
 * Input of the toolbox-building benchmark; the bodies are trivial on purpose.
 */
@SuppressWarnings("unused")
public final class HundredTools {

  private HundredTools() {}

  /** A unit enum, for enum schemas. */
  public enum Unit {
    METRIC,
    IMPERIAL
  }

  /** A nested object parameter. */
  public record Range(String from, String to) {}

  /** A list element object. */
  public record Item(String name, int quantity, double price) {}

  /** Instances of all ten classes, in order. */
  public static List<Object> all() {
    return List.of(new WeatherTools(), new CalendarTools(), new MailTools(), new FilesTools(), new SearchTools(), new MathTools(), new TravelTools(), new ShopTools(), new NotesTools(), new OpsTools());
  }


  /** Ten tools of the weather family. */
  public static final class WeatherTools {
    @Tool(description = "Get weather data (0)")
    public String getWeather(@Param(description = "City name") String city) {
      return city;
    }
    @Tool(description = "List weather data (1)")
    public String listWeather(@Param(description = "Query text") String query, @Param(description = "Result limit", defaultValue = "10") int limit) {
      return query + limit;
    }
    @Tool(description = "Find weather data (2)")
    public String findWeather(@Param(description = "Identifier") long id, @Param(description = "Include details") boolean details) {
      return id + ":" + details;
    }
    @Tool(description = "Create weather data (3)")
    public String createWeather(@Param(description = "Amount") double amount, @Param(description = "Unit") Unit unit) {
      return amount + " " + unit;
    }
    @Tool(description = "Update weather data (4)")
    public String updateWeather(@Param(description = "Tags") List<String> tags) {
      return String.join(",", tags);
    }
    @Tool(description = "Delete weather data (5)")
    public String deleteWeather(@Param(description = "Range") Range range) {
      return range.toString();
    }
    @Tool(description = "Count weather data (6)")
    public String countWeather(@Param(description = "Title") String title, @Param(description = "Body", required = false) String body) {
      return title;
    }
    @Tool(description = "Check weather data (7)")
    public int checkWeather(@Param(description = "First") int a, @Param(description = "Second") int b) {
      return a + b;
    }
    @Tool(description = "Plan weather data (8)")
    public String planWeather(@Param(description = "Items") List<Item> items) {
      return Integer.toString(items.size());
    }
    @Tool(description = "Sync weather data (9)")
    public String syncWeather(@Param(description = "Flag") boolean flag, @Param(description = "Note", required = false) String note, @Param(description = "Level") int level) {
      return flag + ":" + level;
    }
  }

  /** Ten tools of the calendar family. */
  public static final class CalendarTools {
    @Tool(description = "Get calendar data (0)")
    public String getCalendar(@Param(description = "City name") String city) {
      return city;
    }
    @Tool(description = "List calendar data (1)")
    public String listCalendar(@Param(description = "Query text") String query, @Param(description = "Result limit", defaultValue = "10") int limit) {
      return query + limit;
    }
    @Tool(description = "Find calendar data (2)")
    public String findCalendar(@Param(description = "Identifier") long id, @Param(description = "Include details") boolean details) {
      return id + ":" + details;
    }
    @Tool(description = "Create calendar data (3)")
    public String createCalendar(@Param(description = "Amount") double amount, @Param(description = "Unit") Unit unit) {
      return amount + " " + unit;
    }
    @Tool(description = "Update calendar data (4)")
    public String updateCalendar(@Param(description = "Tags") List<String> tags) {
      return String.join(",", tags);
    }
    @Tool(description = "Delete calendar data (5)")
    public String deleteCalendar(@Param(description = "Range") Range range) {
      return range.toString();
    }
    @Tool(description = "Count calendar data (6)")
    public String countCalendar(@Param(description = "Title") String title, @Param(description = "Body", required = false) String body) {
      return title;
    }
    @Tool(description = "Check calendar data (7)")
    public int checkCalendar(@Param(description = "First") int a, @Param(description = "Second") int b) {
      return a + b;
    }
    @Tool(description = "Plan calendar data (8)")
    public String planCalendar(@Param(description = "Items") List<Item> items) {
      return Integer.toString(items.size());
    }
    @Tool(description = "Sync calendar data (9)")
    public String syncCalendar(@Param(description = "Flag") boolean flag, @Param(description = "Note", required = false) String note, @Param(description = "Level") int level) {
      return flag + ":" + level;
    }
  }

  /** Ten tools of the mail family. */
  public static final class MailTools {
    @Tool(description = "Get mail data (0)")
    public String getMail(@Param(description = "City name") String city) {
      return city;
    }
    @Tool(description = "List mail data (1)")
    public String listMail(@Param(description = "Query text") String query, @Param(description = "Result limit", defaultValue = "10") int limit) {
      return query + limit;
    }
    @Tool(description = "Find mail data (2)")
    public String findMail(@Param(description = "Identifier") long id, @Param(description = "Include details") boolean details) {
      return id + ":" + details;
    }
    @Tool(description = "Create mail data (3)")
    public String createMail(@Param(description = "Amount") double amount, @Param(description = "Unit") Unit unit) {
      return amount + " " + unit;
    }
    @Tool(description = "Update mail data (4)")
    public String updateMail(@Param(description = "Tags") List<String> tags) {
      return String.join(",", tags);
    }
    @Tool(description = "Delete mail data (5)")
    public String deleteMail(@Param(description = "Range") Range range) {
      return range.toString();
    }
    @Tool(description = "Count mail data (6)")
    public String countMail(@Param(description = "Title") String title, @Param(description = "Body", required = false) String body) {
      return title;
    }
    @Tool(description = "Check mail data (7)")
    public int checkMail(@Param(description = "First") int a, @Param(description = "Second") int b) {
      return a + b;
    }
    @Tool(description = "Plan mail data (8)")
    public String planMail(@Param(description = "Items") List<Item> items) {
      return Integer.toString(items.size());
    }
    @Tool(description = "Sync mail data (9)")
    public String syncMail(@Param(description = "Flag") boolean flag, @Param(description = "Note", required = false) String note, @Param(description = "Level") int level) {
      return flag + ":" + level;
    }
  }

  /** Ten tools of the files family. */
  public static final class FilesTools {
    @Tool(description = "Get files data (0)")
    public String getFiles(@Param(description = "City name") String city) {
      return city;
    }
    @Tool(description = "List files data (1)")
    public String listFiles(@Param(description = "Query text") String query, @Param(description = "Result limit", defaultValue = "10") int limit) {
      return query + limit;
    }
    @Tool(description = "Find files data (2)")
    public String findFiles(@Param(description = "Identifier") long id, @Param(description = "Include details") boolean details) {
      return id + ":" + details;
    }
    @Tool(description = "Create files data (3)")
    public String createFiles(@Param(description = "Amount") double amount, @Param(description = "Unit") Unit unit) {
      return amount + " " + unit;
    }
    @Tool(description = "Update files data (4)")
    public String updateFiles(@Param(description = "Tags") List<String> tags) {
      return String.join(",", tags);
    }
    @Tool(description = "Delete files data (5)")
    public String deleteFiles(@Param(description = "Range") Range range) {
      return range.toString();
    }
    @Tool(description = "Count files data (6)")
    public String countFiles(@Param(description = "Title") String title, @Param(description = "Body", required = false) String body) {
      return title;
    }
    @Tool(description = "Check files data (7)")
    public int checkFiles(@Param(description = "First") int a, @Param(description = "Second") int b) {
      return a + b;
    }
    @Tool(description = "Plan files data (8)")
    public String planFiles(@Param(description = "Items") List<Item> items) {
      return Integer.toString(items.size());
    }
    @Tool(description = "Sync files data (9)")
    public String syncFiles(@Param(description = "Flag") boolean flag, @Param(description = "Note", required = false) String note, @Param(description = "Level") int level) {
      return flag + ":" + level;
    }
  }

  /** Ten tools of the search family. */
  public static final class SearchTools {
    @Tool(description = "Get search data (0)")
    public String getSearch(@Param(description = "City name") String city) {
      return city;
    }
    @Tool(description = "List search data (1)")
    public String listSearch(@Param(description = "Query text") String query, @Param(description = "Result limit", defaultValue = "10") int limit) {
      return query + limit;
    }
    @Tool(description = "Find search data (2)")
    public String findSearch(@Param(description = "Identifier") long id, @Param(description = "Include details") boolean details) {
      return id + ":" + details;
    }
    @Tool(description = "Create search data (3)")
    public String createSearch(@Param(description = "Amount") double amount, @Param(description = "Unit") Unit unit) {
      return amount + " " + unit;
    }
    @Tool(description = "Update search data (4)")
    public String updateSearch(@Param(description = "Tags") List<String> tags) {
      return String.join(",", tags);
    }
    @Tool(description = "Delete search data (5)")
    public String deleteSearch(@Param(description = "Range") Range range) {
      return range.toString();
    }
    @Tool(description = "Count search data (6)")
    public String countSearch(@Param(description = "Title") String title, @Param(description = "Body", required = false) String body) {
      return title;
    }
    @Tool(description = "Check search data (7)")
    public int checkSearch(@Param(description = "First") int a, @Param(description = "Second") int b) {
      return a + b;
    }
    @Tool(description = "Plan search data (8)")
    public String planSearch(@Param(description = "Items") List<Item> items) {
      return Integer.toString(items.size());
    }
    @Tool(description = "Sync search data (9)")
    public String syncSearch(@Param(description = "Flag") boolean flag, @Param(description = "Note", required = false) String note, @Param(description = "Level") int level) {
      return flag + ":" + level;
    }
  }

  /** Ten tools of the math family. */
  public static final class MathTools {
    @Tool(description = "Get math data (0)")
    public String getMath(@Param(description = "City name") String city) {
      return city;
    }
    @Tool(description = "List math data (1)")
    public String listMath(@Param(description = "Query text") String query, @Param(description = "Result limit", defaultValue = "10") int limit) {
      return query + limit;
    }
    @Tool(description = "Find math data (2)")
    public String findMath(@Param(description = "Identifier") long id, @Param(description = "Include details") boolean details) {
      return id + ":" + details;
    }
    @Tool(description = "Create math data (3)")
    public String createMath(@Param(description = "Amount") double amount, @Param(description = "Unit") Unit unit) {
      return amount + " " + unit;
    }
    @Tool(description = "Update math data (4)")
    public String updateMath(@Param(description = "Tags") List<String> tags) {
      return String.join(",", tags);
    }
    @Tool(description = "Delete math data (5)")
    public String deleteMath(@Param(description = "Range") Range range) {
      return range.toString();
    }
    @Tool(description = "Count math data (6)")
    public String countMath(@Param(description = "Title") String title, @Param(description = "Body", required = false) String body) {
      return title;
    }
    @Tool(description = "Check math data (7)")
    public int checkMath(@Param(description = "First") int a, @Param(description = "Second") int b) {
      return a + b;
    }
    @Tool(description = "Plan math data (8)")
    public String planMath(@Param(description = "Items") List<Item> items) {
      return Integer.toString(items.size());
    }
    @Tool(description = "Sync math data (9)")
    public String syncMath(@Param(description = "Flag") boolean flag, @Param(description = "Note", required = false) String note, @Param(description = "Level") int level) {
      return flag + ":" + level;
    }
  }

  /** Ten tools of the travel family. */
  public static final class TravelTools {
    @Tool(description = "Get travel data (0)")
    public String getTravel(@Param(description = "City name") String city) {
      return city;
    }
    @Tool(description = "List travel data (1)")
    public String listTravel(@Param(description = "Query text") String query, @Param(description = "Result limit", defaultValue = "10") int limit) {
      return query + limit;
    }
    @Tool(description = "Find travel data (2)")
    public String findTravel(@Param(description = "Identifier") long id, @Param(description = "Include details") boolean details) {
      return id + ":" + details;
    }
    @Tool(description = "Create travel data (3)")
    public String createTravel(@Param(description = "Amount") double amount, @Param(description = "Unit") Unit unit) {
      return amount + " " + unit;
    }
    @Tool(description = "Update travel data (4)")
    public String updateTravel(@Param(description = "Tags") List<String> tags) {
      return String.join(",", tags);
    }
    @Tool(description = "Delete travel data (5)")
    public String deleteTravel(@Param(description = "Range") Range range) {
      return range.toString();
    }
    @Tool(description = "Count travel data (6)")
    public String countTravel(@Param(description = "Title") String title, @Param(description = "Body", required = false) String body) {
      return title;
    }
    @Tool(description = "Check travel data (7)")
    public int checkTravel(@Param(description = "First") int a, @Param(description = "Second") int b) {
      return a + b;
    }
    @Tool(description = "Plan travel data (8)")
    public String planTravel(@Param(description = "Items") List<Item> items) {
      return Integer.toString(items.size());
    }
    @Tool(description = "Sync travel data (9)")
    public String syncTravel(@Param(description = "Flag") boolean flag, @Param(description = "Note", required = false) String note, @Param(description = "Level") int level) {
      return flag + ":" + level;
    }
  }

  /** Ten tools of the shop family. */
  public static final class ShopTools {
    @Tool(description = "Get shop data (0)")
    public String getShop(@Param(description = "City name") String city) {
      return city;
    }
    @Tool(description = "List shop data (1)")
    public String listShop(@Param(description = "Query text") String query, @Param(description = "Result limit", defaultValue = "10") int limit) {
      return query + limit;
    }
    @Tool(description = "Find shop data (2)")
    public String findShop(@Param(description = "Identifier") long id, @Param(description = "Include details") boolean details) {
      return id + ":" + details;
    }
    @Tool(description = "Create shop data (3)")
    public String createShop(@Param(description = "Amount") double amount, @Param(description = "Unit") Unit unit) {
      return amount + " " + unit;
    }
    @Tool(description = "Update shop data (4)")
    public String updateShop(@Param(description = "Tags") List<String> tags) {
      return String.join(",", tags);
    }
    @Tool(description = "Delete shop data (5)")
    public String deleteShop(@Param(description = "Range") Range range) {
      return range.toString();
    }
    @Tool(description = "Count shop data (6)")
    public String countShop(@Param(description = "Title") String title, @Param(description = "Body", required = false) String body) {
      return title;
    }
    @Tool(description = "Check shop data (7)")
    public int checkShop(@Param(description = "First") int a, @Param(description = "Second") int b) {
      return a + b;
    }
    @Tool(description = "Plan shop data (8)")
    public String planShop(@Param(description = "Items") List<Item> items) {
      return Integer.toString(items.size());
    }
    @Tool(description = "Sync shop data (9)")
    public String syncShop(@Param(description = "Flag") boolean flag, @Param(description = "Note", required = false) String note, @Param(description = "Level") int level) {
      return flag + ":" + level;
    }
  }

  /** Ten tools of the notes family. */
  public static final class NotesTools {
    @Tool(description = "Get notes data (0)")
    public String getNotes(@Param(description = "City name") String city) {
      return city;
    }
    @Tool(description = "List notes data (1)")
    public String listNotes(@Param(description = "Query text") String query, @Param(description = "Result limit", defaultValue = "10") int limit) {
      return query + limit;
    }
    @Tool(description = "Find notes data (2)")
    public String findNotes(@Param(description = "Identifier") long id, @Param(description = "Include details") boolean details) {
      return id + ":" + details;
    }
    @Tool(description = "Create notes data (3)")
    public String createNotes(@Param(description = "Amount") double amount, @Param(description = "Unit") Unit unit) {
      return amount + " " + unit;
    }
    @Tool(description = "Update notes data (4)")
    public String updateNotes(@Param(description = "Tags") List<String> tags) {
      return String.join(",", tags);
    }
    @Tool(description = "Delete notes data (5)")
    public String deleteNotes(@Param(description = "Range") Range range) {
      return range.toString();
    }
    @Tool(description = "Count notes data (6)")
    public String countNotes(@Param(description = "Title") String title, @Param(description = "Body", required = false) String body) {
      return title;
    }
    @Tool(description = "Check notes data (7)")
    public int checkNotes(@Param(description = "First") int a, @Param(description = "Second") int b) {
      return a + b;
    }
    @Tool(description = "Plan notes data (8)")
    public String planNotes(@Param(description = "Items") List<Item> items) {
      return Integer.toString(items.size());
    }
    @Tool(description = "Sync notes data (9)")
    public String syncNotes(@Param(description = "Flag") boolean flag, @Param(description = "Note", required = false) String note, @Param(description = "Level") int level) {
      return flag + ":" + level;
    }
  }

  /** Ten tools of the ops family. */
  public static final class OpsTools {
    @Tool(description = "Get ops data (0)")
    public String getOps(@Param(description = "City name") String city) {
      return city;
    }
    @Tool(description = "List ops data (1)")
    public String listOps(@Param(description = "Query text") String query, @Param(description = "Result limit", defaultValue = "10") int limit) {
      return query + limit;
    }
    @Tool(description = "Find ops data (2)")
    public String findOps(@Param(description = "Identifier") long id, @Param(description = "Include details") boolean details) {
      return id + ":" + details;
    }
    @Tool(description = "Create ops data (3)")
    public String createOps(@Param(description = "Amount") double amount, @Param(description = "Unit") Unit unit) {
      return amount + " " + unit;
    }
    @Tool(description = "Update ops data (4)")
    public String updateOps(@Param(description = "Tags") List<String> tags) {
      return String.join(",", tags);
    }
    @Tool(description = "Delete ops data (5)")
    public String deleteOps(@Param(description = "Range") Range range) {
      return range.toString();
    }
    @Tool(description = "Count ops data (6)")
    public String countOps(@Param(description = "Title") String title, @Param(description = "Body", required = false) String body) {
      return title;
    }
    @Tool(description = "Check ops data (7)")
    public int checkOps(@Param(description = "First") int a, @Param(description = "Second") int b) {
      return a + b;
    }
    @Tool(description = "Plan ops data (8)")
    public String planOps(@Param(description = "Items") List<Item> items) {
      return Integer.toString(items.size());
    }
    @Tool(description = "Sync ops data (9)")
    public String syncOps(@Param(description = "Flag") boolean flag, @Param(description = "Note", required = false) String note, @Param(description = "Level") int level) {
      return flag + ":" + level;
    }
  }
}
