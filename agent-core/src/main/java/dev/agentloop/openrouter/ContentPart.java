package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One part of a multi-part message content: text, an image (for vision models), audio, a file or a
 * video. Parts other than text and image are carried as raw JSON objects.
 *
 * @param type {@code text}, {@code image_url}, {@code input_audio}, {@code file} or {@code
 *     video_url}
 * @param text the text, for {@code text} parts
 * @param imageUrl the image, for {@code image_url} parts
 * @param inputAudio {@code {data, format}}, for {@code input_audio} parts
 * @param file {@code {filename, file_data}}, for {@code file} parts
 * @param videoUrl {@code {url}}, for {@code video_url} parts
 * @param cacheControl a prompt-cache breakpoint after this part ({@code {"type":"ephemeral"}}), or
 *     null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContentPart(
    String type,
    @Nullable String text,
    @Nullable ImageUrl imageUrl,
    @Nullable JsonNode inputAudio,
    @Nullable JsonNode file,
    @Nullable JsonNode videoUrl,
    @Nullable CacheControl cacheControl) {

  /** Validates the components. */
  public ContentPart {
    Objects.requireNonNull(type, "type == null");
  }

  /** Creates a text part. */
  public static ContentPart text(String text) {
    return new ContentPart(
        "text", Objects.requireNonNull(text, "text == null"), null, null, null, null, null);
  }

  /** Creates a text part followed by a prompt-cache breakpoint. */
  public static ContentPart text(String text, CacheControl cacheControl) {
    return text(text)
        .withCacheControl(Objects.requireNonNull(cacheControl, "cacheControl == null"));
  }

  /** Returns a copy with a prompt-cache breakpoint after this part; null removes it. */
  public ContentPart withCacheControl(@Nullable CacheControl cacheControl) {
    return new ContentPart(type, text, imageUrl, inputAudio, file, videoUrl, cacheControl);
  }

  /** Creates an image part from an {@code https:} URL or a {@code data:image/...;base64,} URL. */
  public static ContentPart imageUrl(String url) {
    return imageUrl(url, null);
  }

  /** Creates an image part with a detail level ({@code auto}, {@code low}, {@code high}). */
  public static ContentPart imageUrl(String url, @Nullable String detail) {
    return new ContentPart("image_url", null, new ImageUrl(url, detail), null, null, null, null);
  }

  /**
   * An image reference.
   *
   * @param url an {@code https:} or {@code data:} URL
   * @param detail {@code auto}, {@code low}, {@code high} or null
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ImageUrl(String url, @Nullable String detail) {
    /** Validates the components. */
    public ImageUrl {
      Objects.requireNonNull(url, "url == null");
    }
  }
}
