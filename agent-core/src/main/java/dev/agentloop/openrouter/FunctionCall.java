package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * The function part of a tool call: the tool's name and its arguments as the model wrote them (a
 * JSON string, possibly malformed; never parsed here).
 *
 * @param name the tool name
 * @param arguments the arguments as a JSON text; may be empty or null in the wild
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionCall(@Nullable String name, @Nullable String arguments) {}
