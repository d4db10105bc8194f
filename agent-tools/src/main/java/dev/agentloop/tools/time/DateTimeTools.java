package dev.agentloop.tools.time;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;

/**
 * Date and time tools for a model: the current time in a zone, parsing and formatting, adding
 * ISO-8601 amounts, differences, and days of the week. Built on {@code java.time} only.
 *
 * <p>Values are exchanged as ISO-8601 text: a date ({@code 2024-03-15}), a local date-time ({@code
 * 2024-03-15T14:30:00}), or a date-time with offset or zone ({@code 2024-03-15T14:30:00Z}, {@code
 * 2024-03-15T14:30:00+01:00[Europe/Paris]}); results keep the kind of their input. Bad input fails
 * with {@link IllegalArgumentException} whose message shows an example of valid input. All methods
 * are quick and non-blocking.
 *
 * <pre>{@code
 * DateTimeTools time = new DateTimeTools(new DateTimeToolsOptions()
 *     .setClock(Clock.fixed(Instant.parse("2024-03-15T13:30:00Z"), ZoneOffset.UTC)));
 * time.currentTime("Europe/Paris");            // "2024-03-15T14:30:00+01:00[Europe/Paris] (Friday)"
 * time.add("2024-01-31", "P1M");               // "2024-02-29"
 * time.difference("2024-01-01", "2024-03-01", DateTimeTools.Unit.DAYS); // "60 days"
 * Toolbox tools = Toolbox.builder().add(time).build();
 * }</pre>
 */
public final class DateTimeTools {

  /** Units for {@link #difference}. */
  public enum Unit {
    /** Whole years. */
    YEARS(ChronoUnit.YEARS),
    /** Whole months. */
    MONTHS(ChronoUnit.MONTHS),
    /** Whole weeks. */
    WEEKS(ChronoUnit.WEEKS),
    /** Whole days. */
    DAYS(ChronoUnit.DAYS),
    /** Whole hours. */
    HOURS(ChronoUnit.HOURS),
    /** Whole minutes. */
    MINUTES(ChronoUnit.MINUTES),
    /** Whole seconds. */
    SECONDS(ChronoUnit.SECONDS);

    private final ChronoUnit chrono;

    Unit(ChronoUnit chrono) {
      this.chrono = chrono;
    }
  }

  private static final String VALUE_EXAMPLES =
      "expected ISO-8601 like 2024-03-15, 2024-03-15T14:30:00, 2024-03-15T14:30:00Z"
          + " or 2024-03-15T14:30:00+01:00[Europe/Paris]";
  private static final String AMOUNT_EXAMPLES =
      "examples: P1D (1 day), PT2H30M (2 hours 30 minutes), P1Y2M3DT4H (mixed), P2W (2 weeks)";

  private final DateTimeToolsOptions options;

  /** Creates the tools with the system UTC clock. */
  public DateTimeTools() {
    this(new DateTimeToolsOptions());
  }

  /** Creates the tools with the given options (copied). */
  public DateTimeTools(DateTimeToolsOptions options) {
    this.options = new DateTimeToolsOptions(options);
  }

  /** Returns the current date-time in a zone, with its day of the week. */
  @Tool(
      name = "current_time",
      nonBlocking = true,
      description = "Returns the current date and time in a time zone, with the day of the week.")
  public String currentTime(
      @Param(
              description =
                  "Time zone, e.g. Europe/Paris, America/New_York, UTC or +02:00;"
                      + " empty for the default",
              defaultValue = "")
          String zone) {
    ZonedDateTime now =
        ZonedDateTime.now(options.getClock().withZone(zone(zone))).truncatedTo(ChronoUnit.SECONDS);
    return render(now) + " (" + dayName(now) + ")";
  }

  /** Parses text (ISO-8601, or with a pattern) and returns it as normalized ISO-8601. */
  @Tool(
      name = "parse_datetime",
      nonBlocking = true,
      description =
          "Parses a date/time written in ISO-8601 or in a given pattern (e.g."
              + " 'dd.MM.yyyy HH:mm') and returns it as ISO-8601.")
  public String parse(
      @Param(description = "The text to parse, e.g. 15.03.2024 14:30") String text,
      @Param(
              description = "java.time pattern such as dd/MM/yyyy; empty for ISO-8601",
              defaultValue = "")
          String pattern,
      @Param(
              description = "Zone to attach to a parsed local date-time; empty for none",
              defaultValue = "")
          String zone) {
    Temporal value;
    if (pattern.isBlank()) {
      value = value(text);
    } else {
      DateTimeFormatter formatter = formatter(pattern);
      try {
        TemporalAccessor parsed =
            formatter.parseBest(
                text.strip(),
                ZonedDateTime::from,
                LocalDateTime::from,
                LocalDate::from,
                LocalTime::from);
        value = (Temporal) parsed;
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "cannot parse '"
                + text
                + "' with pattern '"
                + pattern
                + "': "
                + e.getMessage()
                + "; e.g. pattern dd.MM.yyyy matches 15.03.2024");
      }
    }
    if (!zone.isBlank() && value instanceof LocalDateTime local) {
      value = local.atZone(zone(zone));
    }
    return render(value);
  }

  /** Formats an ISO-8601 value with a pattern, optionally converted to another zone first. */
  @Tool(
      name = "format_datetime",
      nonBlocking = true,
      description =
          "Formats an ISO-8601 date/time with a java.time pattern (e.g. 'EEEE d MMMM"
              + " yyyy, HH:mm'), optionally converting it to another time zone first.")
  public String format(
      @Param(description = "ISO-8601 value, e.g. 2024-03-15T14:30:00Z") String value,
      @Param(description = "java.time pattern, e.g. yyyy-MM-dd HH:mm, or ISO") String pattern,
      @Param(
              description = "Zone to convert to first, e.g. Asia/Tokyo; empty to keep",
              defaultValue = "")
          String zone) {
    Temporal t = value(value);
    if (!zone.isBlank()) {
      if (!(t instanceof ZonedDateTime zoned)) {
        throw new IllegalArgumentException(
            "cannot convert "
                + value
                + " to zone "
                + zone
                + ": it has no offset or zone; e.g. 2024-03-15T14:30:00Z");
      }
      t = zoned.withZoneSameInstant(zone(zone));
    }
    if (pattern.strip().equalsIgnoreCase("ISO")) {
      return render(t);
    }
    try {
      return formatter(pattern).format(t);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "pattern '"
              + pattern
              + "' needs fields that "
              + value
              + " does not have ("
              + e.getMessage()
              + ")");
    }
  }

  /** Adds an ISO-8601 amount (period, duration or both) to a value; negative amounts subtract. */
  @Tool(
      name = "add_to_datetime",
      nonBlocking = true,
      description =
          "Adds an ISO-8601 amount to a date/time, e.g. P1D, PT90M, P1Y2M3DT4H, or"
              + " -P1W to go back a week. Months respect month lengths (2024-01-31 + P1M = 2024-02-29).")
  public String add(
      @Param(description = "ISO-8601 date or date-time") String value,
      @Param(description = "ISO-8601 amount, e.g. P1D, PT2H30M, P1Y2M3DT4H, -P2W") String amount) {
    return render(shift(value(value), amount, false, value));
  }

  /** Subtracts an ISO-8601 amount from a value. */
  @Tool(
      name = "subtract_from_datetime",
      nonBlocking = true,
      description = "Subtracts an ISO-8601 amount from a date/time, e.g. P1D, PT90M, P1Y2M3DT4H.")
  public String subtract(
      @Param(description = "ISO-8601 date or date-time") String value,
      @Param(description = "ISO-8601 amount, e.g. P1D, PT2H30M, P1Y2M3DT4H") String amount) {
    return render(shift(value(value), amount, true, value));
  }

  /**
   * Returns the whole number of units from {@code start} to {@code end}, e.g. {@code "60 days"}.
   */
  @Tool(
      name = "datetime_difference",
      nonBlocking = true,
      description =
          "Returns the whole number of units between two ISO-8601 dates or date-times"
              + " (negative when end is before start).")
  public String difference(
      @Param(description = "Start, ISO-8601") String start,
      @Param(description = "End, ISO-8601") String end,
      @Param(description = "Unit of the result", defaultValue = "DAYS") Unit unit) {
    Temporal a = value(start);
    Temporal b = value(end);
    long n;
    if (a instanceof LocalDate da && b instanceof LocalDate db && unit.chrono.isDateBased()) {
      n = unit.chrono.between(da, db);
    } else {
      n = unit.chrono.between(zoned(a), zoned(b));
    }
    String name = unit.name().toLowerCase(java.util.Locale.ROOT);
    return n + " " + (Math.abs(n) == 1 ? name.substring(0, name.length() - 1) : name);
  }

  /** Returns the day of the week of a date or date-time, e.g. {@code "Friday"}. */
  @Tool(
      name = "day_of_week",
      nonBlocking = true,
      description = "Returns the day of the week of an ISO-8601 date or date-time.")
  public String dayOfWeek(@Param(description = "ISO-8601 date, e.g. 2024-03-15") String value) {
    return dayName(value(value));
  }

  private Temporal shift(Temporal t, String amount, boolean subtract, String original) {
    String a = amount.strip().toUpperCase(java.util.Locale.ROOT);
    boolean negative = a.startsWith("-");
    String body = negative || a.startsWith("+") ? a.substring(1) : a;
    int tAt = body.indexOf('T');
    String datePart = tAt < 0 ? body : body.substring(0, tAt);
    Period period;
    Duration duration;
    try {
      period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
      duration = tAt < 0 ? Duration.ZERO : Duration.parse("P" + body.substring(tAt));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "invalid ISO-8601 amount '" + amount + "'; " + AMOUNT_EXAMPLES);
    }
    if (negative != subtract) {
      period = period.negated();
      duration = duration.negated();
    }
    if (t instanceof LocalDate && !duration.isZero()) {
      throw new IllegalArgumentException(
          "cannot add a time amount ("
              + amount
              + ") to the date "
              + original
              + "; pass a date-time like "
              + original
              + "T00:00:00");
    }
    return t.plus(period).plus(duration);
  }

  private Temporal value(String text) {
    String s = text.strip();
    try {
      return ZonedDateTime.parse(s);
    } catch (DateTimeParseException ignored) {
      // not zoned: try the local forms
    }
    try {
      return LocalDateTime.parse(s);
    } catch (DateTimeParseException ignored) {
      // not a local date-time
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "cannot parse '" + text + "' as a date or date-time; " + VALUE_EXAMPLES);
    }
  }

  private ZonedDateTime zoned(Temporal t) {
    if (t instanceof ZonedDateTime z) {
      return z;
    }
    if (t instanceof LocalDateTime l) {
      return l.atZone(options.getDefaultZone());
    }
    return ((LocalDate) t).atStartOfDay(options.getDefaultZone());
  }

  private ZoneId zone(String zone) {
    if (zone.isBlank()) {
      return options.getDefaultZone();
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "unknown time zone '"
              + zone
              + "'; use a region like"
              + " Europe/Paris, America/New_York or UTC, or an offset like +02:00");
    }
  }

  private DateTimeFormatter formatter(String pattern) {
    try {
      return DateTimeFormatter.ofPattern(pattern, options.getLocale());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid pattern '"
              + pattern
              + "': "
              + e.getMessage()
              + "; example of a valid pattern: yyyy-MM-dd HH:mm");
    }
  }

  private String dayName(TemporalAccessor t) {
    return java.time.DayOfWeek.from(t).getDisplayName(TextStyle.FULL, options.getLocale());
  }

  private static String render(TemporalAccessor t) {
    if (t instanceof ZonedDateTime z) {
      return z.getZone() instanceof ZoneOffset
          ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(z)
          : DateTimeFormatter.ISO_ZONED_DATE_TIME.format(z);
    }
    if (t instanceof LocalDateTime l) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(l);
    }
    if (t instanceof LocalTime l) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(l);
    }
    return DateTimeFormatter.ISO_LOCAL_DATE.format(t);
  }
}
