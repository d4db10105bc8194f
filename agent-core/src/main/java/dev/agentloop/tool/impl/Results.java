package dev.agentloop.tool.impl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.agentloop.schema.JsonSchemas;
import org.jspecify.annotations.Nullable;

/** Turns a tool's return value into the tool message text. */
final class Results {

  /** Leaves out nulls and empty Optionals: they cost the model tokens and say nothing. */
  private static final ObjectWriter WRITER =
      JsonSchemas.objectMapper()
          .copy()
          .setSerializationInclusion(JsonInclude.Include.NON_ABSENT)
          .writer();

  private Results() {}

  /**
   * Returns the text: {@code "ok"} for void results, strings as they are, anything else as JSON
   * without null properties; cut to {@code maxChars} with a visible marker.
   */
  static String render(@Nullable Object value, boolean voidLike, int maxChars)
      throws JsonProcessingException {
    String text;
    if (value == null) {
      text = voidLike ? "ok" : "null";
    } else if (value instanceof CharSequence chars) {
      text = chars.toString();
    } else if (value instanceof JsonNode node) {
      text = node.toString();
    } else {
      text = WRITER.writeValueAsString(value);
    }
    return truncate(text, maxChars);
  }

  /** Cuts {@code text} to {@code maxChars}, appending {@code …[truncated N more characters]}. */
  static String truncate(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    return text.substring(0, end) + "…[truncated " + (text.length() - end) + " more characters]";
  }
}
