package dev.agentloop.examples;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import java.util.Locale;
import java.util.Map;

/**
 * A weather tool with fixed sample data, so the {@code weather} example gives the same answer every
 * time, online and offline.
 */
public final class WeatherTools {

  /** Current weather in a city. */
  public record Weather(String city, int celsius, String conditions, int humidityPercent) {}

  /** The cities the tool knows, with their sample weather. */
  public static final Map<String, Weather> CITIES =
      Map.of(
          "tokyo", new Weather("Tokyo", 18, "light rain", 81),
          "paris", new Weather("Paris", 14, "partly cloudy", 62),
          "london", new Weather("London", 11, "overcast", 77),
          "new york", new Weather("New York", 22, "sunny", 48),
          "sydney", new Weather("Sydney", 25, "clear", 55),
          "berlin", new Weather("Berlin", 9, "drizzle", 85),
          "cairo", new Weather("Cairo", 31, "sunny", 20));

  /**
   * Returns the current weather in a city.
   *
   * @throws IllegalArgumentException for a city without data (the model reads the message)
   */
  @Tool(
      name = "weather",
      nonBlocking = true,
      description = "Returns the current temperature (Celsius), conditions and humidity in a city.")
  public Weather weather(@Param(description = "City name, e.g. Tokyo") String city) {
    Weather w = CITIES.get(city.strip().toLowerCase(Locale.ROOT));
    if (w == null) {
      throw new IllegalArgumentException(
          "no weather data for "
              + city
              + "; known cities: Tokyo, Paris, London, New York, Sydney, Berlin, Cairo");
    }
    return w;
  }
}
