package dev.agentloop.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.internal.Json;
import dev.agentloop.openrouter.ChatParameters;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Converts {@link AgentOptions} from and to JSON, in the style of Vert.x's generated {@code
 * XxxOptionsConverter}: every key goes through the validating setter; unknown keys are ignored.
 */
final class AgentOptionsConverter {

  private AgentOptionsConverter() {}

  static void fromJson(JsonObject json, AgentOptions o) {
    Objects.requireNonNull(json, "json == null");
    String key = null;
    try {
      for (Map.Entry<String, @Nullable Object> e : json) {
        key = e.getKey();
        Object v = e.getValue();
        if (v == null) {
          continue;
        }
        switch (key) {
          case "parameters" -> o.setParameters(parameters(v));
          case "instructions" -> o.setInstructions((String) v);
          case "maxIterations" -> o.setMaxIterations(((Number) v).intValue());
          case "maxIterationsBehavior" ->
              o.setMaxIterationsBehavior(MaxIterationsBehavior.valueOf((String) v));
          case "maxParallelToolCalls" -> o.setMaxParallelToolCalls(((Number) v).intValue());
          case "toolTimeout" -> o.setToolTimeout(duration(v));
          case "maxCostUsd" -> o.setMaxCostUsd(new BigDecimal(v.toString()));
          case "maxTotalTokens" -> o.setMaxTotalTokens(((Number) v).longValue());
          case "timeout" -> o.setTimeout(duration(v));
          case "maxCallsPerTool" ->
              ((JsonObject) v)
                  .forEach(
                      t -> o.setMaxCallsPerTool(t.getKey(), ((Number) t.getValue()).intValue()));
          case "maxCallsPerResponse" -> o.setMaxCallsPerResponse(((Number) v).intValue());
          case "maxToolCalls" -> o.setMaxToolCalls(((Number) v).intValue());
          case "loopGuard" -> o.setLoopGuard(((Number) v).intValue());
          case "maxOutputRepairs" -> o.setMaxOutputRepairs(((Number) v).intValue());
          case "outputMode" -> o.setOutputMode(AgentOptions.OutputMode.valueOf((String) v));
          default -> {
            // Not an agent option: configurations carry other keys (address, service options).
          }
        }
      }
    } catch (ClassCastException | DateTimeParseException | JsonProcessingException e) {
      // A value of the wrong type or form; a value out of range fails in its setter, as in code.
      String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new IllegalArgumentException("invalid agent option " + key + ": " + why, e);
    }
  }

  static JsonObject toJson(AgentOptions o) {
    JsonObject json = new JsonObject();
    JsonNode parameters = Json.MAPPER.valueToTree(o.getParameters());
    json.put("parameters", new JsonObject(parameters.toString()));
    if (o.getInstructions() != null) {
      json.put("instructions", o.getInstructions());
    }
    json.put("maxIterations", o.getMaxIterations())
        .put("maxIterationsBehavior", o.getMaxIterationsBehavior().name())
        .put("maxParallelToolCalls", o.getMaxParallelToolCalls())
        .put("toolTimeout", o.getToolTimeout().toString());
    if (o.getMaxCostUsd() != null) {
      json.put("maxCostUsd", o.getMaxCostUsd().toPlainString());
    }
    json.put("maxTotalTokens", o.getMaxTotalTokens());
    if (o.getTimeout() != null) {
      json.put("timeout", o.getTimeout().toString());
    }
    if (o.getMaxToolCalls() != null) {
      json.put("maxToolCalls", o.getMaxToolCalls());
    }
    JsonObject perTool = new JsonObject();
    o.getMaxCallsPerTool().forEach(perTool::put);
    return json.put("maxCallsPerTool", perTool)
        .put("maxCallsPerResponse", o.getMaxCallsPerResponse())
        .put("loopGuard", o.getLoopGuard())
        .put("maxOutputRepairs", o.getMaxOutputRepairs())
        .put("outputMode", o.getOutputMode().name());
  }

  private static ChatParameters parameters(Object v) throws JsonProcessingException {
    try {
      return Json.MAPPER.readValue(((JsonObject) v).encode(), ChatParameters.class);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof IllegalArgumentException invalid) {
        throw invalid; // a value out of range, reported as ChatParameters words it
      }
      throw e;
    }
  }

  /** A duration as ISO-8601 ({@code "PT30S"}) or a number of milliseconds. */
  private static Duration duration(Object v) {
    return v instanceof Number n ? Duration.ofMillis(n.longValue()) : Duration.parse((String) v);
  }
}
