package dev.agentloop.tools.time;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * Configuration of {@link DateTimeTools}: the clock (inject a fixed one in tests), the zone used
 * when the model names none, and the locale for names of days and months. Mutable; the tools copy
 * the options they receive.
 */
public class DateTimeToolsOptions {

  /** Default clock: {@link Clock#systemUTC()}. */
  public static final Clock DEFAULT_CLOCK = Clock.systemUTC();

  /** Default zone when none is given: UTC. */
  public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;

  /** Default locale for day and month names: English. */
  public static final Locale DEFAULT_LOCALE = Locale.ENGLISH;

  private Clock clock = DEFAULT_CLOCK;
  private ZoneId defaultZone = DEFAULT_ZONE;
  private Locale locale = DEFAULT_LOCALE;

  /** Creates options with the defaults. */
  public DateTimeToolsOptions() {}

  /** Creates a copy of {@code other}. */
  public DateTimeToolsOptions(DateTimeToolsOptions other) {
    Objects.requireNonNull(other, "other == null");
    clock = other.clock;
    defaultZone = other.defaultZone;
    locale = other.locale;
  }

  /** The clock that says what "now" is. */
  public Clock getClock() {
    return clock;
  }

  /** Sets the clock that says what "now" is; use {@link Clock#fixed} in tests. */
  public DateTimeToolsOptions setClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return this;
  }

  /** The zone used when the model names none. */
  public ZoneId getDefaultZone() {
    return defaultZone;
  }

  /** Sets the zone used when the model names none. */
  public DateTimeToolsOptions setDefaultZone(ZoneId defaultZone) {
    this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone == null");
    return this;
  }

  /** The locale for names of days and months in patterns. */
  public Locale getLocale() {
    return locale;
  }

  /** Sets the locale for names of days and months in patterns. */
  public DateTimeToolsOptions setLocale(Locale locale) {
    this.locale = Objects.requireNonNull(locale, "locale == null");
    return this;
  }
}
