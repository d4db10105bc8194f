package dev.agentloop.tools.http;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link HttpFetch} got back: the response's status and type, where it ended up after
 * redirects, and its body reduced to readable text.
 *
 * @param url the URL that was asked for
 * @param finalUrl the URL that answered, after redirects
 * @param status the HTTP status code of the final response
 * @param contentType the {@code Content-Type} header, or null when absent
 * @param title the HTML page title, or null for non-HTML or untitled pages
 * @param text the readable text (HTML reduced to text; empty for HEAD and binary bodies)
 * @param bytes how many body bytes were read (at most the size cap)
 * @param truncated whether the body or the text was cut at a size cap
 * @param links the page's links as {@code "label -> url"}, when asked for
 */
public record FetchResult(
    String url,
    String finalUrl,
    int status,
    @Nullable String contentType,
    @Nullable String title,
    String text,
    long bytes,
    boolean truncated,
    List<String> links) {

  /** Validates and copies the components. */
  public FetchResult {
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(finalUrl, "finalUrl == null");
    Objects.requireNonNull(text, "text == null");
    links = List.copyOf(links);
  }
}
