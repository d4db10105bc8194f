package dev.agentloop.agent;

import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.OpenRouterOptions;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

public final class QuickStartExample {
  public record Outfit(String city, int celsius, String advice) {}

  public static final class WeatherTools {
    @Tool(description = "Current temperature in Celsius for a city")
    public int temperature(@Param(description = "City name") String city) {
      return city.equals("Oslo") ? -3 : 18;
    }

    @Tool(description = "Whether it rains in a city today")
    public boolean raining(@Param(description = "City name") String city) {
      return city.equals("Paris");
    }
  }

  public static Future<Outfit> advise(Vertx vertx, OpenRouterOptions openRouter, String city) {
    Agent agent = Agent.create(vertx, OpenRouterClient.create(vertx, openRouter), new AgentOptions()
        .setModel("openai/gpt-4o-mini")
        .setInstructions("You advise what to wear. Check the weather with the tools first.")
        .setToolbox(Toolbox.builder().add(new WeatherTools()).build()));
    return agent.run("What should I wear in " + city + " today?", Outfit.class)
        .map(result -> result.output(Outfit.class));
  }
}
