package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The increment carried by one stream chunk's choice.
 *
 * @param role {@code assistant}, on the first chunk
 * @param content a text fragment
 * @param reasoning a reasoning text fragment
 * @param reasoningDetails reasoning blocks
 * @param toolCalls tool-call fragments, to be assembled by {@code index}
 * @param refusal a refusal fragment
 * @param annotations citations (e.g. {@code url_citation}) arriving with this chunk
 * @param images generated images arriving with this chunk
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Delta(
    @Nullable String role,
    @Nullable String content,
    @Nullable String reasoning,
    @Nullable List<JsonNode> reasoningDetails,
    @Nullable List<ToolCallDelta> toolCalls,
    @Nullable String refusal,
    @Nullable List<JsonNode> annotations,
    @Nullable List<OutputImage> images) {

  /** Creates a delta without annotations and images (the form before citations). */
  public Delta(
      @Nullable String role,
      @Nullable String content,
      @Nullable String reasoning,
      @Nullable List<JsonNode> reasoningDetails,
      @Nullable List<ToolCallDelta> toolCalls,
      @Nullable String refusal) {
    this(role, content, reasoning, reasoningDetails, toolCalls, refusal, null, null);
  }
}
