package dev.agentloop.bench.jmh.tools;

import java.util.List;

/**
 * One hundred {@code @Tool} methods in ten classes of ten, with the parameter shapes real tools
 * have: strings, numbers, booleans, enums, lists, records, optional and defaulted parameters. Input
 * of the toolbox-building benchmark; the bodies are trivial on purpose. This package holds nothing
 * else, so scanning it finds exactly these hundred tools.
 */
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
    return List.of(
        new WeatherTools(),
        new CalendarTools(),
        new MailTools(),
        new FilesTools(),
        new SearchTools(),
        new MathTools(),
        new TravelTools(),
        new ShopTools(),
        new NotesTools(),
        new OpsTools());
  }
}
