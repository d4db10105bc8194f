package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/**
 * A fragment of a tool call in a stream chunk. Fragments with the same {@code index} belong to one
 * call: the first carries {@code id}, {@code type} and the name, later ones only argument text.
 *
 * @param index position of the call in the assistant message's {@code tool_calls}
 * @param id the call id, on the first fragment
 * @param type {@code "function"}, on the first fragment
 * @param function name and/or an arguments fragment
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolCallDelta(
    @Nullable Integer index,
    @Nullable String id,
    @Nullable String type,
    @Nullable FunctionCall function) {}
