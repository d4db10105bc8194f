package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.Plugin;
import dev.agentloop.openrouter.ProviderPreferences;
import dev.agentloop.openrouter.Reasoning;
import dev.agentloop.openrouter.ToolChoice;
import dev.agentloop.vertx.AgentVerticle;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link AgentOptions#AgentOptions(JsonObject)} and {@link AgentOptions#toJson()}. */
class AgentOptionsJsonTest {

  /** Every parameter and every JSON-able option set to a value other than its default. */
  static AgentOptions everyOption() {
    ChatParameters parameters = ChatParameters.builder().model("openai/gpt-4o-mini")
        .models(List.of("anthropic/claude-sonnet-4.5")).maxTokens(512).maxCompletionTokens(600)
        .temperature(0.2).topP(0.9).topK(40).frequencyPenalty(0.1).presencePenalty(-0.1)
        .repetitionPenalty(1.1).minP(0.05).topA(0.2).seed(42L).stop(List.of("END"))
        .logitBias(Map.of("50256", -100)).logprobs(true).topLogprobs(3)
        .toolChoice(ToolChoice.function("weather")).parallelToolCalls(false)
        .provider(ProviderPreferences.builder().sort("price").dataCollection("deny").build())
        .plugins(List.of(Plugin.of("response-healing")))
        .reasoning(Reasoning.effort("high")).user("user-1").sessionId("session-1")
        .metadata(Map.of("team", "search")).build();
    return new AgentOptions().setParameters(parameters).setInstructions("Be brief.")
        .setMaxIterations(7).setMaxIterationsBehavior(MaxIterationsBehavior.FINAL_ANSWER)
        .setMaxParallelToolCalls(3).setToolTimeout(Duration.ofSeconds(5))
        .setMaxCostUsd(new BigDecimal("0.25")).setMaxTotalTokens(10_000)
        .setTimeout(Duration.ofMinutes(2)).setMaxCallsPerTool("weather", 4)
        .setMaxCallsPerResponse(6).setMaxToolCalls(20).setLoopGuard(2).setMaxOutputRepairs(1)
        .setOutputMode(AgentOptions.OutputMode.JSON_OBJECT);
  }

  @Test
  void everyOptionSurvivesTheRoundTrip() {
    AgentOptions original = everyOption();

    AgentOptions read = new AgentOptions(original.toJson());

    assertThat(read.getParameters()).isEqualTo(original.getParameters());
    assertThat(read.getInstructions()).isEqualTo("Be brief.");
    assertThat(read.getMaxIterations()).isEqualTo(7);
    assertThat(read.getMaxIterationsBehavior()).isEqualTo(MaxIterationsBehavior.FINAL_ANSWER);
    assertThat(read.getMaxParallelToolCalls()).isEqualTo(3);
    assertThat(read.getToolTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(read.getMaxCostUsd()).isEqualTo(new BigDecimal("0.25"));
    assertThat(read.getMaxTotalTokens()).isEqualTo(10_000);
    assertThat(read.getTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(read.getMaxCallsPerTool()).containsExactly(Map.entry("weather", 4));
    assertThat(read.getMaxCallsPerResponse()).isEqualTo(6);
    assertThat(read.getMaxToolCalls()).isEqualTo(20);
    assertThat(read.getLoopGuard()).isEqualTo(2);
    assertThat(read.getMaxOutputRepairs()).isEqualTo(1);
    assertThat(read.getOutputMode()).isEqualTo(AgentOptions.OutputMode.JSON_OBJECT);
    assertThat(read.toJson()).isEqualTo(original.toJson());
  }

  @Test
  void theJsonFormIsReadable() {
    JsonObject json = everyOption().toJson();

    assertThat(json.fieldNames()).containsExactlyInAnyOrder("parameters", "instructions",
        "maxIterations", "maxIterationsBehavior", "maxParallelToolCalls", "toolTimeout",
        "maxCostUsd", "maxTotalTokens", "timeout", "maxCallsPerTool", "maxCallsPerResponse",
        "maxToolCalls", "loopGuard", "maxOutputRepairs", "outputMode");
    assertThat(json.getString("toolTimeout")).isEqualTo("PT5S");
    assertThat(json.getString("maxCostUsd")).isEqualTo("0.25");
    assertThat(json.getJsonObject("parameters").getInteger("max_tokens")).isEqualTo(512);
    assertThat(json.getJsonObject("parameters").getJsonObject("tool_choice"))
        .isEqualTo(new JsonObject().put("type", "function")
            .put("function", new JsonObject().put("name", "weather")));
  }

  @Test
  void defaultsRoundTripAndEmptyJsonGivesDefaults() {
    AgentOptions defaults = new AgentOptions(new JsonObject());

    assertThat(defaults.toJson()).isEqualTo(new AgentOptions().toJson());
    assertThat(defaults.getParameters()).isEqualTo(ChatParameters.EMPTY);
    assertThat(defaults.getToolTimeout()).isEqualTo(AgentOptions.DEFAULT_TOOL_TIMEOUT);
    assertThat(defaults.getTimeout()).isNull();
    assertThat(new AgentOptions().toJson().getJsonObject("parameters")).isEqualTo(new JsonObject());
  }

  @Test
  void durationsMayBeMillisecondsAndOtherKeysAreIgnored() {
    AgentOptions o = new AgentOptions(new JsonObject().put("toolTimeout", 1500)
        .put("timeout", "PT1M").put("address", "agents.weather").put("maxConversations", 3));

    assertThat(o.getToolTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(o.getTimeout()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void invalidValuesFailWithTheSettersMessageOrTheKey() {
    assertThatThrownBy(() -> new AgentOptions(new JsonObject().put("maxIterations", 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxIterations must be > 0: 0");
    assertThatThrownBy(() -> new AgentOptions(new JsonObject().put("parameters",
        new JsonObject().put("temperature", 3.0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("temperature must be within [0, 2]: 3.0");
    assertThatThrownBy(() -> new AgentOptions(new JsonObject().put("maxIterations", "ten")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid agent option maxIterations: ");
    assertThatThrownBy(() -> new AgentOptions(new JsonObject().put("toolTimeout", "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid agent option toolTimeout: ");
    assertThatThrownBy(() -> new AgentOptions(new JsonObject().put("parameters",
        new JsonObject().put("stop", "END"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid agent option parameters: ");
    assertThatThrownBy(() -> new AgentOptions(new JsonObject().put("outputMode", "XML")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XML");
  }

  @Test
  void verticleConfigurationReadsEveryOptionAndTheShortcuts() {
    JsonObject config = everyOption().toJson().put("address", "agents.weather")
        .put("model", "anthropic/claude-sonnet-4.5").put("maxTokens", 64)
        .put("temperature", 1.0).put("timeoutSeconds", 30);

    AgentOptions o = AgentVerticle.options(config);

    assertThat(o.getParameters()).isEqualTo(everyOption().getParameters().toBuilder()
        .model("anthropic/claude-sonnet-4.5").maxTokens(64).temperature(1.0).build());
    assertThat(o.getTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.getMaxCallsPerTool()).containsExactly(Map.entry("weather", 4));
    assertThat(AgentVerticle.options(new JsonObject().put("model", "m")).getParameters())
        .isEqualTo(ChatParameters.builder().model("m").build());
  }
}
