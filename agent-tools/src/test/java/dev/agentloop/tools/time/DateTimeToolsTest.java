package dev.agentloop.tools.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.tools.AbstractToolTest;
import dev.agentloop.tools.time.DateTimeTools.Unit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTimeToolsTest extends AbstractToolTest {

  private static final Clock FIXED = Clock.fixed(Instant.parse("2024-03-15T13:30:05.123Z"), ZoneOffset.UTC);
  private final DateTimeTools time = new DateTimeTools(new DateTimeToolsOptions().setClock(FIXED));

  @Override
  protected Class<?> toolClass() {
    return DateTimeTools.class;
  }

  @Override
  protected List<String> expectedToolNames() {
    return List.of("current_time", "parse_datetime", "format_datetime", "add_to_datetime",
        "subtract_from_datetime", "datetime_difference", "day_of_week");
  }

  @Test
  void currentTimeUsesInjectedClockAndZone() {
    assertThat(time.currentTime("")).isEqualTo("2024-03-15T13:30:05Z (Friday)");
    assertThat(time.currentTime("Europe/Paris"))
        .isEqualTo("2024-03-15T14:30:05+01:00[Europe/Paris] (Friday)");
    assertThat(time.currentTime("Pacific/Auckland"))
        .isEqualTo("2024-03-16T02:30:05+13:00[Pacific/Auckland] (Saturday)");
    assertThat(time.currentTime("-05:00")).isEqualTo("2024-03-15T08:30:05-05:00 (Friday)");
  }

  @Test
  void defaultZoneComesFromOptions() {
    DateTimeTools tokyo = new DateTimeTools(
        new DateTimeToolsOptions().setClock(FIXED).setDefaultZone(ZoneId.of("Asia/Tokyo")));
    assertThat(tokyo.currentTime("")).isEqualTo("2024-03-15T22:30:05+09:00[Asia/Tokyo] (Friday)");
  }

  @Test
  void unknownZoneListsValidExamples() {
    assertThatThrownBy(() -> time.currentTime("Mars/Olympus"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown time zone 'Mars/Olympus'; use a region like Europe/Paris,"
            + " America/New_York or UTC, or an offset like +02:00");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-03-15                    | ''            | ''            | 2024-03-15",
        "2024-03-15T14:30              | ''            | ''            | 2024-03-15T14:30:00",
        "2024-03-15T14:30:00Z          | ''            | ''            | 2024-03-15T14:30:00Z",
        "2024-03-15T14:30+01:00[Europe/Paris] | ''     | ''            | 2024-03-15T14:30:00+01:00[Europe/Paris]",
        "15.03.2024 14:30              | dd.MM.yyyy HH:mm | ''         | 2024-03-15T14:30:00",
        "15.03.2024 14:30              | dd.MM.yyyy HH:mm | Europe/Paris | 2024-03-15T14:30:00+01:00[Europe/Paris]",
        "March 5, 2024                 | MMMM d, yyyy  | ''            | 2024-03-05"
      })
  void parsesIsoAndPatterns(String text, String pattern, String zone, String expected) {
    assertThat(time.parse(text, pattern, zone)).isEqualTo(expected);
  }

  @Test
  void badValueShowsValidExamples() {
    assertThatThrownBy(() -> time.parse("15/03/2024", "", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot parse '15/03/2024' as a date or date-time; expected ISO-8601 like"
            + " 2024-03-15, 2024-03-15T14:30:00, 2024-03-15T14:30:00Z or"
            + " 2024-03-15T14:30:00+01:00[Europe/Paris]");
  }

  @Test
  void formatsWithPatternsAndZones() {
    assertThat(time.format("2024-03-15T14:30:00Z", "EEEE d MMMM yyyy, HH:mm", ""))
        .isEqualTo("Friday 15 March 2024, 14:30");
    assertThat(time.format("2024-03-15T14:30:00Z", "yyyy-MM-dd HH:mm z", "Asia/Tokyo"))
        .isEqualTo("2024-03-15 23:30 JST");
    assertThat(time.format("2024-03-15T14:30:00Z", "ISO", "America/New_York"))
        .isEqualTo("2024-03-15T10:30:00-04:00[America/New_York]");
  }

  @Test
  void badPatternAndMissingFieldsAreExplained() {
    assertThatThrownBy(() -> time.format("2024-03-15", "yyyy-bb", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid pattern 'yyyy-bb': Unknown pattern letter: b;"
            + " example of a valid pattern: yyyy-MM-dd HH:mm");
    assertThatThrownBy(() -> time.format("2024-03-15", "HH:mm", ""))
        .hasMessage("pattern 'HH:mm' needs fields that 2024-03-15 does not have"
            + " (Unsupported field: HourOfDay)");
    assertThatThrownBy(() -> time.format("2024-03-15T10:00", "HH:mm", "UTC"))
        .hasMessage("cannot convert 2024-03-15T10:00 to zone UTC: it has no offset or zone;"
            + " e.g. 2024-03-15T14:30:00Z");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-01-31           | P1M         | 2024-02-29",
        "2024-03-15           | P1Y2M3D     | 2025-05-18",
        "2024-03-15           | -P2W        | 2024-03-01",
        "2024-03-15T23:00     | PT90M       | 2024-03-16T00:30:00",
        "2024-03-15T10:00Z    | P1DT2H      | 2024-03-16T12:00:00Z",
        "2024-03-30T12:00+01:00[Europe/Paris] | P1D | 2024-03-31T12:00:00+02:00[Europe/Paris]"
      })
  void addsIsoAmounts(String value, String amount, String expected) {
    assertThat(time.add(value, amount)).isEqualTo(expected);
  }

  @Test
  void subtractsIsoAmounts() {
    assertThat(time.subtract("2024-03-01", "P1D")).isEqualTo("2024-02-29");
    assertThat(time.subtract("2024-03-01T00:15", "PT30M")).isEqualTo("2024-02-29T23:45:00");
  }

  @Test
  void badAmountsAreExplained() {
    assertThatThrownBy(() -> time.add("2024-03-15", "1 day"))
        .hasMessage("invalid ISO-8601 amount '1 day'; examples: P1D (1 day), PT2H30M (2 hours 30"
            + " minutes), P1Y2M3DT4H (mixed), P2W (2 weeks)");
    assertThatThrownBy(() -> time.add("2024-03-15", "PT2H"))
        .hasMessage("cannot add a time amount (PT2H) to the date 2024-03-15;"
            + " pass a date-time like 2024-03-15T00:00:00");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-01-01          | 2024-03-01          | DAYS    | 60 days",
        "2024-03-01          | 2024-01-01          | DAYS    | -60 days",
        "2024-01-01          | 2024-01-02          | DAYS    | 1 day",
        "2020-02-29          | 2024-02-28          | YEARS   | 3 years",
        "2024-01-01          | 2024-03-01          | WEEKS   | 8 weeks",
        "2024-03-15T10:00Z   | 2024-03-15T12:30+01:00 | MINUTES | 90 minutes",
        "2024-03-15          | 2024-03-15T06:00    | HOURS   | 6 hours"
      })
  void computesDifferences(String start, String end, Unit unit, String expected) {
    assertThat(time.difference(start, end, unit)).isEqualTo(expected);
  }

  @Test
  void dayOfWeekOfDatesAndDateTimes() {
    assertThat(time.dayOfWeek("2024-02-29")).isEqualTo("Thursday");
    assertThat(time.dayOfWeek("2024-03-17T23:59Z")).isEqualTo("Sunday");
  }
}
