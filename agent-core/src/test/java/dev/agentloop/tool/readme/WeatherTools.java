package dev.agentloop.tool.readme;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.ToolContext;
import io.vertx.core.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

public final class WeatherTools {

  public enum Unit {
    @JsonProperty("celsius") CELSIUS,
    @JsonProperty("fahrenheit") FAHRENHEIT
  }

  public record Day(
      LocalDate date,
      @JsonPropertyDescription("Temperature in the requested unit") double temperature,
      Optional<String> warning) {}

  @Tool(description = "Daily forecast for a city")
  public List<Day> forecast(
      @Param(description = "City name, e.g. Paris") String city,
      @Param(description = "Number of days") @Min(1) @Max(7) int days,
      @Param(description = "Temperature unit", defaultValue = "celsius") Unit unit) {
    // A plain method: it may block, so it runs on a worker thread.
    LocalDate today = LocalDate.of(2024, 5, 31);
    return today.datesUntil(today.plusDays(days))
        .map(date -> new Day(date, unit == Unit.CELSIUS ? 21.5 : 70.7, Optional.empty()))
        .toList();
  }

  @Tool(description = "Weather alerts for a city", timeoutMillis = 5_000)
  public Future<String> alerts(String city, ToolContext context) {
    // Returns a Future: runs on the event loop and must not block.
    return context.vertx().timer(10).map(id -> "no alerts for " + city);
  }
}
