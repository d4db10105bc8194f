package dev.agentloop.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A web source cited by an answer: a {@code url_citation} annotation of an assistant message, as
 * web search (the {@code openrouter:web_search} server tool or the {@code web} plugin) returns
 * them.
 *
 * @param url the cited page
 * @param title the page title, or null
 * @param content the cited excerpt, or null
 * @param startIndex where the citing text starts in the message content, or null
 * @param endIndex where it ends, or null
 */
public record UrlCitation(
    String url,
    @Nullable String title,
    @Nullable String content,
    @Nullable Integer startIndex,
    @Nullable Integer endIndex) {

  /** Validates the components. */
  public UrlCitation {
    Objects.requireNonNull(url, "url == null");
  }

  /**
   * Reads the {@code url_citation} entries of a message's {@code annotations}, in order; other
   * annotations (such as {@code file}) and entries without a url are skipped. Both the nested form
   * {@code {"type":"url_citation","url_citation":{"url":...}}} and the flat form {@code
   * {"type":"url_citation","url":...}} are read.
   *
   * @param annotations the raw annotations, or null
   * @return the citations; empty when there are none
   */
  public static List<UrlCitation> from(@Nullable List<JsonNode> annotations) {
    if (annotations == null || annotations.isEmpty()) {
      return List.of();
    }
    List<UrlCitation> out = new ArrayList<>();
    for (JsonNode a : annotations) {
      if (!"url_citation".equals(a.path("type").asText())) {
        continue;
      }
      JsonNode c = a.path("url_citation").isObject() ? a.get("url_citation") : a;
      if (!c.path("url").isTextual()) {
        continue;
      }
      out.add(
          new UrlCitation(
              c.get("url").asText(),
              text(c, "title"),
              text(c, "content"),
              integer(c, "start_index"),
              integer(c, "end_index")));
    }
    return List.copyOf(out);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isTextual() ? null : v.asText();
  }

  private static @Nullable Integer integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.canConvertToInt() ? null : v.asInt();
  }
}
