package dev.agentloop.run;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long a {@link RunRetention} keeps finished runs, and how often it prunes. */
public final class RunRetentionOptions {

  /** Default time a finished run is kept: 7 days. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

  /** Default time between two prunes, capped at the max age: 1 hour. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

  private static final Pattern SPEC = Pattern.compile("(\\d{1,9})([smhd])");

  private Duration maxAge = DEFAULT_MAX_AGE;
  private Duration interval = DEFAULT_INTERVAL;
  private Clock clock = Clock.systemUTC();

  /** Creates options with the defaults. */
  public RunRetentionOptions() {}

  /** Copies other options. */
  public RunRetentionOptions(RunRetentionOptions other) {
    this.maxAge = other.maxAge;
    this.interval = other.interval;
    this.clock = other.clock;
  }

  /**
   * Parses a duration written as a number and a unit: {@code 90s}, {@code 30m}, {@code 12h}, {@code
   * 7d}.
   *
   * @throws IllegalArgumentException for any other text, or zero
   */
  public static Duration parseDuration(String text) {
    Objects.requireNonNull(text, "text == null");
    Matcher m = SPEC.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new IllegalArgumentException(
          "a duration must be a positive number followed by s, m, h or d (e.g. 7d): " + text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** How long a run is kept after it finished. */
  public Duration getMaxAge() {
    return maxAge;
  }

  /**
   * Sets how long a run is kept after it finished (after its last journal record).
   *
   * @throws IllegalArgumentException unless at least one second
   */
  public RunRetentionOptions setMaxAge(Duration maxAge) {
    this.maxAge = atLeastASecond(maxAge, "maxAge");
    return this;
  }

  /** The time between two prunes. */
  public Duration getInterval() {
    return interval;
  }

  /**
   * Sets the time between two prunes; a retention never waits longer than its max age.
   *
   * @throws IllegalArgumentException unless at least one millisecond
   */
  public RunRetentionOptions setInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval == null");
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("interval must be at least 1 ms: " + interval);
    }
    this.interval = interval;
    return this;
  }

  /** The clock that says what "now" is (the system clock unless set). */
  public Clock getClock() {
    return clock;
  }

  /**
   * Sets the clock that says what "now" is; tests pass a controllable one. Use the clock the store
   * stamps its records with.
   */
  public RunRetentionOptions setClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return this;
  }

  private static Duration atLeastASecond(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(name + " must be at least 1 s: " + d);
    }
    return d;
  }
}
