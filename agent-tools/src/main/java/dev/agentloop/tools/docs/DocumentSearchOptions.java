package dev.agentloop.tools.docs;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of {@link DocumentSearch}: which files are indexed, how they are cut into passages,
 * where the index lives, and how many results a search may return. Mutable; the search copies the
 * options it receives.
 */
public class DocumentSearchOptions {

  /** Default file extensions indexed: md, markdown, txt, rst, adoc. */
  public static final Set<String> DEFAULT_EXTENSIONS =
      Set.of("md", "markdown", "txt", "rst", "adoc");

  /** Default maximum lines per passage: {@value}. */
  public static final int DEFAULT_MAX_PASSAGE_LINES = 12;

  /**
   * Default maximum size of an indexed file, in bytes: {@value} (1 MiB); larger files are skipped.
   */
  public static final int DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

  /** Default upper bound on results per search: {@value}. */
  public static final int DEFAULT_MAX_RESULTS = 20;

  private Set<String> extensions = new LinkedHashSet<>(DEFAULT_EXTENSIONS);
  private int maxPassageLines = DEFAULT_MAX_PASSAGE_LINES;
  private int maxFileBytes = DEFAULT_MAX_FILE_BYTES;
  private int maxResults = DEFAULT_MAX_RESULTS;
  private @Nullable Path indexDirectory;

  /** Creates options with the defaults: an in-memory index of Markdown and text files. */
  public DocumentSearchOptions() {}

  /** Creates a copy of {@code other}. */
  public DocumentSearchOptions(DocumentSearchOptions other) {
    Objects.requireNonNull(other, "other == null");
    extensions = new LinkedHashSet<>(other.extensions);
    maxPassageLines = other.maxPassageLines;
    maxFileBytes = other.maxFileBytes;
    maxResults = other.maxResults;
    indexDirectory = other.indexDirectory;
  }

  /** The file extensions indexed, lower-case, without dots. */
  public Set<String> getExtensions() {
    return Set.copyOf(extensions);
  }

  /**
   * Replaces the file extensions indexed ({@code "md"}, {@code "txt"}; a leading dot is ignored).
   *
   * @throws IllegalArgumentException if empty
   */
  public DocumentSearchOptions setExtensions(Set<String> extensions) {
    if (extensions.isEmpty()) {
      throw new IllegalArgumentException("extensions must not be empty");
    }
    Set<String> copy = new LinkedHashSet<>();
    for (String e : extensions) {
      copy.add(e.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""));
    }
    this.extensions = copy;
    return this;
  }

  /** Maximum lines per passage. */
  public int getMaxPassageLines() {
    return maxPassageLines;
  }

  /**
   * Sets the maximum lines per passage; passages are cut at headings and blank lines first.
   *
   * @throws IllegalArgumentException if not positive
   */
  public DocumentSearchOptions setMaxPassageLines(int maxPassageLines) {
    if (maxPassageLines <= 0) {
      throw new IllegalArgumentException("maxPassageLines must be > 0: " + maxPassageLines);
    }
    this.maxPassageLines = maxPassageLines;
    return this;
  }

  /** Maximum size of an indexed file, in bytes. */
  public int getMaxFileBytes() {
    return maxFileBytes;
  }

  /**
   * Sets the maximum size of an indexed file, in bytes; larger files are skipped.
   *
   * @throws IllegalArgumentException if not positive
   */
  public DocumentSearchOptions setMaxFileBytes(int maxFileBytes) {
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be > 0: " + maxFileBytes);
    }
    this.maxFileBytes = maxFileBytes;
    return this;
  }

  /** Upper bound on results per search; larger requests are clamped to it. */
  public int getMaxResults() {
    return maxResults;
  }

  /**
   * Sets the upper bound on results per search.
   *
   * @throws IllegalArgumentException if not positive
   */
  public DocumentSearchOptions setMaxResults(int maxResults) {
    if (maxResults <= 0) {
      throw new IllegalArgumentException("maxResults must be > 0: " + maxResults);
    }
    this.maxResults = maxResults;
    return this;
  }

  /** The on-disk index directory, or null for an in-memory index. */
  public @Nullable Path getIndexDirectory() {
    return indexDirectory;
  }

  /** Sets an on-disk index directory (rebuilt on each indexing), or null for in-memory. */
  public DocumentSearchOptions setIndexDirectory(@Nullable Path indexDirectory) {
    this.indexDirectory = indexDirectory;
    return this;
  }
}
