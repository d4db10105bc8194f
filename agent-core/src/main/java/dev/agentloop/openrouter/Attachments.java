package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.agentloop.openrouter.impl.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Creates typed file (PDF), image, audio and video {@link ContentPart}s, from bytes or a path (sent
 * inline as a base64 {@code data:} URL) or from a URL, and reads them back.
 *
 * <pre>{@code
 * Message turn = Message.user(List.of(
 *     ContentPart.text("Summarise this report"),
 *     Attachments.file(Path.of("report.pdf"))));
 * }</pre>
 *
 * <p>Inline content is bounded: more than {@link #MAX_BYTES} raw bytes fail with {@link
 * IllegalArgumentException} before anything is read or encoded. The {@link Path} factories read the
 * file synchronously: call them on a worker or at start-up, never on an event loop.
 */
public final class Attachments {

  /** The largest inline content in raw bytes (before base64): {@value} (32 MiB). */
  public static final long MAX_BYTES = 32L * 1024 * 1024;

  private static final Map<String, String> MEDIA_TYPES =
      Map.ofEntries(
          Map.entry("pdf", "application/pdf"),
          Map.entry("txt", "text/plain"),
          Map.entry("md", "text/markdown"),
          Map.entry("csv", "text/csv"),
          Map.entry("json", "application/json"),
          Map.entry("html", "text/html"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("wav", "audio/wav"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("flac", "audio/flac"),
          Map.entry("m4a", "audio/mp4"),
          Map.entry("ogg", "audio/ogg"),
          Map.entry("aac", "audio/aac"),
          Map.entry("aiff", "audio/aiff"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("mpeg", "video/mpeg"),
          Map.entry("mov", "video/quicktime"),
          Map.entry("webm", "video/webm"));

  private Attachments() {}

  /**
   * The {@code file} object of a {@code file} part.
   *
   * @param filename the original file name, or null
   * @param fileData a {@code data:} URL with base64 content, or an {@code https:} URL; or null
   * @param fileId the id of an uploaded file, or null
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record FileData(
      @Nullable String filename, @Nullable String fileData, @Nullable String fileId) {}

  /**
   * The {@code input_audio} object of an audio part.
   *
   * @param data base64 audio, without a {@code data:} prefix
   * @param format {@code wav}, {@code mp3}, {@code flac}, {@code m4a}, {@code ogg}, ...
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record InputAudio(String data, String format) {
    /** Validates the components. */
    public InputAudio {
      Objects.requireNonNull(data, "data == null");
      Objects.requireNonNull(format, "format == null");
    }
  }

  /**
   * The {@code video_url} object of a video part.
   *
   * @param url an {@code https:} or {@code data:} URL
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record VideoUrl(String url) {
    /** Validates the components. */
    public VideoUrl {
      Objects.requireNonNull(url, "url == null");
    }
  }

  /** Creates a file part sent inline, e.g. a PDF ({@code application/pdf}). */
  public static ContentPart file(String filename, byte[] data, String mediaType) {
    Objects.requireNonNull(filename, "filename == null");
    return filePart(new FileData(filename, dataUrl(mediaType, checked(data)), null));
  }

  /** Creates a file part from a local file; the media type comes from its extension. */
  public static ContentPart file(Path path) {
    String type = MEDIA_TYPES.getOrDefault(extension(path), "application/octet-stream");
    return file(path.getFileName().toString(), read(path), type);
  }

  /** Creates a file part the provider fetches from an {@code https:} URL. */
  public static ContentPart fileUrl(String filename, String url) {
    return filePart(new FileData(filename, Objects.requireNonNull(url, "url == null"), null));
  }

  /** Creates an image part sent inline; {@code mediaType} is e.g. {@code image/png}. */
  public static ContentPart image(byte[] data, String mediaType) {
    return ContentPart.imageUrl(dataUrl(mediaType, checked(data)));
  }

  /** Creates an image part from a local {@code png}, {@code jpg}, {@code gif} or {@code webp}. */
  public static ContentPart image(Path path) {
    return image(read(path), mediaType(path, "image/"));
  }

  /** Creates an audio part; {@code format} is e.g. {@code wav} or {@code mp3}. */
  public static ContentPart audio(byte[] data, String format) {
    String b64 = Base64.getEncoder().encodeToString(checked(data));
    return new ContentPart(
        "input_audio", null, null, tree(new InputAudio(b64, format)), null, null, null);
  }

  /** Creates an audio part from a local file; the format is its extension ({@code wav}, ...). */
  public static ContentPart audio(Path path) {
    mediaType(path, "audio/");
    return audio(read(path), extension(path));
  }

  /** Creates a video part sent inline; {@code mediaType} is e.g. {@code video/mp4}. */
  public static ContentPart video(byte[] data, String mediaType) {
    return videoUrl(dataUrl(mediaType, checked(data)));
  }

  /** Creates a video part from a local {@code mp4}, {@code mpeg}, {@code mov} or {@code webm}. */
  public static ContentPart video(Path path) {
    return video(read(path), mediaType(path, "video/"));
  }

  /** Creates a video part the provider fetches from a URL. */
  public static ContentPart videoUrl(String url) {
    return new ContentPart("video_url", null, null, null, null, tree(new VideoUrl(url)), null);
  }

  /** Returns the {@code file} object of a {@code file} part, or null for other parts. */
  public static @Nullable FileData fileOf(ContentPart part) {
    return part.file() == null ? null : Json.convert(part.file(), FileData.class);
  }

  /** Returns the {@code input_audio} object of an audio part, or null for other parts. */
  public static @Nullable InputAudio audioOf(ContentPart part) {
    return part.inputAudio() == null ? null : Json.convert(part.inputAudio(), InputAudio.class);
  }

  /** Returns the {@code video_url} object of a video part, or null for other parts. */
  public static @Nullable VideoUrl videoOf(ContentPart part) {
    return part.videoUrl() == null ? null : Json.convert(part.videoUrl(), VideoUrl.class);
  }

  private static ContentPart filePart(FileData file) {
    return new ContentPart("file", null, null, null, tree(file), null, null);
  }

  private static JsonNode tree(Object value) {
    return Json.MAPPER.valueToTree(value);
  }

  private static String dataUrl(String mediaType, byte[] data) {
    Objects.requireNonNull(mediaType, "mediaType == null");
    return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(data);
  }

  private static byte[] checked(byte[] data) {
    Objects.requireNonNull(data, "data == null");
    checkSize(data.length, "attachment");
    return data;
  }

  private static void checkSize(long size, String what) {
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException(
          "attachment too large (max " + MAX_BYTES + " bytes): " + what + " has " + size);
    }
  }

  private static byte[] read(Path path) {
    Objects.requireNonNull(path, "path == null");
    try {
      // Checked before reading, so a huge file is never loaded.
      checkSize(Files.size(path), path.toString());
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read attachment: " + path, e);
    }
  }

  private static String extension(Path path) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String mediaType(Path path, String prefix) {
    String type = MEDIA_TYPES.get(extension(path));
    if (type == null || !type.startsWith(prefix)) {
      throw new IllegalArgumentException(
          "unsupported " + prefix.substring(0, prefix.length() - 1) + " file type: " + path);
    }
    return type;
  }
}
