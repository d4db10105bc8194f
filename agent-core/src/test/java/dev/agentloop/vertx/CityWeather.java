package dev.agentloop.vertx;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A test tool that records the cities it was asked about and the threads it ran on. */
public final class CityWeather {

  final Queue<String> cities = new ConcurrentLinkedQueue<>();
  final Queue<String> threads = new ConcurrentLinkedQueue<>();

  @Tool(description = "Current weather of a city")
  public String weather(@Param(description = "City name") String city) {
    cities.add(city);
    threads.add(Thread.currentThread().getName());
    return "snow, -3 °C in " + city;
  }
}
