package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.agentloop.openrouter.impl.ContentDeserializer;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One chat message, as sent to and received from OpenRouter.
 *
 * <p>{@code content} is either a {@code String} or a {@code List<ContentPart>}; assistant messages
 * that only call tools may have none. Assistant messages are kept exactly as received, including
 * {@code reasoning_details}, which some models require to be sent back on the next turn.
 *
 * @param role {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}
 * @param content a {@code String}, a {@code List<ContentPart>}, or null
 * @param name optional participant name
 * @param toolCalls the tool calls of an assistant message
 * @param toolCallId the call a {@code tool} message answers
 * @param reasoning the model's reasoning text, when the provider returns it
 * @param reasoningDetails structured reasoning blocks, to be echoed back unchanged
 * @param refusal a refusal message, when the model refused
 * @param annotations citations and file annotations of an assistant message
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(
    String role,
    @JsonDeserialize(using = ContentDeserializer.class) @Nullable Object content,
    @Nullable String name,
    @Nullable List<ToolCall> toolCalls,
    @Nullable String toolCallId,
    @Nullable String reasoning,
    @Nullable List<JsonNode> reasoningDetails,
    @Nullable String refusal,
    @Nullable List<JsonNode> annotations) {

  /** Validates the components and copies the lists. */
  public Message {
    Objects.requireNonNull(role, "role == null");
    if (content instanceof List<?> parts) {
      for (Object part : parts) {
        if (!(part instanceof ContentPart)) {
          throw new IllegalArgumentException("content list must hold ContentPart values: " + part);
        }
      }
      content = List.copyOf(parts);
    } else if (content != null && !(content instanceof String)) {
      throw new IllegalArgumentException(
          "content must be a String or a List<ContentPart>: " + content.getClass().getName());
    }
    toolCalls = toolCalls == null ? null : List.copyOf(toolCalls);
    reasoningDetails = reasoningDetails == null ? null : List.copyOf(reasoningDetails);
    annotations = annotations == null ? null : List.copyOf(annotations);
  }

  /** Creates a system message. */
  public static Message system(String text) {
    return new Message("system", text, null, null, null, null, null, null, null);
  }

  /** Creates a user message with text content. */
  public static Message user(String text) {
    return new Message("user", text, null, null, null, null, null, null, null);
  }

  /** Creates a user message with multi-part content (text and images). */
  public static Message user(List<ContentPart> parts) {
    return new Message("user", parts, null, null, null, null, null, null, null);
  }

  /** Creates an assistant message with text content. */
  public static Message assistant(String text) {
    return new Message("assistant", text, null, null, null, null, null, null, null);
  }

  /** Creates an assistant message that calls tools. */
  public static Message assistant(@Nullable String text, List<ToolCall> toolCalls) {
    return new Message("assistant", text, null, toolCalls, null, null, null, null, null);
  }

  /** Creates a tool message answering the call with the given id. */
  public static Message tool(String toolCallId, String content) {
    return new Message("tool", content, null, null, toolCallId, null, null, null, null);
  }

  /**
   * Returns the text of this message: the string content, or the text parts joined, or null when
   * there is no text.
   */
  public @Nullable String text() {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof List<?> parts) {
      String joined =
          parts.stream()
              .map(p -> ((ContentPart) p).text())
              .filter(Objects::nonNull)
              .collect(Collectors.joining());
      return joined.isEmpty() ? null : joined;
    }
    return null;
  }

  /** Returns {@code true} when this is an assistant message with at least one tool call. */
  public boolean hasToolCalls() {
    return toolCalls != null && !toolCalls.isEmpty();
  }
}
