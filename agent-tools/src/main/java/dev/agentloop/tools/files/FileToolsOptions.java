package dev.agentloop.tools.files;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Configuration of {@link FileTools}: the sandbox root, whether writes are allowed, and size caps.
 * Mutable; the tools copy the options they receive.
 */
public class FileToolsOptions {

  /** Default for {@link #isAllowWrite()}: {@value}. */
  public static final boolean DEFAULT_ALLOW_WRITE = false;

  /** Default maximum size of a file read whole, in bytes: {@value} (256 KiB). */
  public static final int DEFAULT_MAX_READ_BYTES = 256 * 1024;

  /** Default maximum size of a file written, in bytes: {@value} (1 MiB). */
  public static final int DEFAULT_MAX_WRITE_BYTES = 1024 * 1024;

  /** Default maximum number of entries or matches returned by list and search: {@value}. */
  public static final int DEFAULT_MAX_RESULTS = 200;

  /** Default maximum length of a glob pattern, in characters: {@value}. */
  public static final int DEFAULT_MAX_GLOB_LENGTH = 256;

  /** Default time limit of one find_files or search_text walk, in milliseconds: {@value}. */
  public static final long DEFAULT_SEARCH_TIMEOUT_MILLIS = 10_000;

  /**
   * Default maximum number of bytes read_file scans to find the first line of a range: {@value} (64
   * MiB).
   */
  public static final long DEFAULT_MAX_SCAN_BYTES = 64L * 1024 * 1024;

  private Path root = Path.of(".");
  private boolean allowWrite = DEFAULT_ALLOW_WRITE;
  private int maxReadBytes = DEFAULT_MAX_READ_BYTES;
  private int maxWriteBytes = DEFAULT_MAX_WRITE_BYTES;
  private int maxResults = DEFAULT_MAX_RESULTS;
  private int maxGlobLength = DEFAULT_MAX_GLOB_LENGTH;
  private long searchTimeoutMillis = DEFAULT_SEARCH_TIMEOUT_MILLIS;
  private long maxScanBytes = DEFAULT_MAX_SCAN_BYTES;

  /** Creates options rooted at the working directory, read-only. */
  public FileToolsOptions() {}

  /** Creates a copy of {@code other}. */
  public FileToolsOptions(FileToolsOptions other) {
    Objects.requireNonNull(other, "other == null");
    root = other.root;
    allowWrite = other.allowWrite;
    maxReadBytes = other.maxReadBytes;
    maxWriteBytes = other.maxWriteBytes;
    maxResults = other.maxResults;
    maxGlobLength = other.maxGlobLength;
    searchTimeoutMillis = other.searchTimeoutMillis;
    maxScanBytes = other.maxScanBytes;
  }

  /** The sandbox root; every path the model names is relative to it. */
  public Path getRoot() {
    return root;
  }

  /** Sets the sandbox root; it must exist when the tools are created. */
  public FileToolsOptions setRoot(Path root) {
    this.root = Objects.requireNonNull(root, "root == null");
    return this;
  }

  /** Whether {@code write_file} may write. */
  public boolean isAllowWrite() {
    return allowWrite;
  }

  /** Permits {@code write_file} to create and overwrite files inside the root. */
  public FileToolsOptions setAllowWrite(boolean allowWrite) {
    this.allowWrite = allowWrite;
    return this;
  }

  /** Maximum size of a file read whole, and of text returned by a ranged read. */
  public int getMaxReadBytes() {
    return maxReadBytes;
  }

  /**
   * Sets the maximum size of a file read whole, and of text returned by a ranged read.
   *
   * @throws IllegalArgumentException if not positive
   */
  public FileToolsOptions setMaxReadBytes(int maxReadBytes) {
    if (maxReadBytes <= 0) {
      throw new IllegalArgumentException("maxReadBytes must be > 0: " + maxReadBytes);
    }
    this.maxReadBytes = maxReadBytes;
    return this;
  }

  /** Maximum size of content written. */
  public int getMaxWriteBytes() {
    return maxWriteBytes;
  }

  /**
   * Sets the maximum size of content written.
   *
   * @throws IllegalArgumentException if not positive
   */
  public FileToolsOptions setMaxWriteBytes(int maxWriteBytes) {
    if (maxWriteBytes <= 0) {
      throw new IllegalArgumentException("maxWriteBytes must be > 0: " + maxWriteBytes);
    }
    this.maxWriteBytes = maxWriteBytes;
    return this;
  }

  /** Maximum number of entries or matches returned by list and search. */
  public int getMaxResults() {
    return maxResults;
  }

  /**
   * Sets the maximum number of entries or matches returned by list and search.
   *
   * @throws IllegalArgumentException if not positive
   */
  public FileToolsOptions setMaxResults(int maxResults) {
    if (maxResults <= 0) {
      throw new IllegalArgumentException("maxResults must be > 0: " + maxResults);
    }
    this.maxResults = maxResults;
    return this;
  }

  /** Maximum length of a glob pattern, in characters. */
  public int getMaxGlobLength() {
    return maxGlobLength;
  }

  /**
   * Sets the maximum length of a glob pattern given to find_files or search_text, in characters;
   * longer patterns are refused.
   *
   * @throws IllegalArgumentException if not positive
   */
  public FileToolsOptions setMaxGlobLength(int maxGlobLength) {
    if (maxGlobLength <= 0) {
      throw new IllegalArgumentException("maxGlobLength must be > 0: " + maxGlobLength);
    }
    this.maxGlobLength = maxGlobLength;
    return this;
  }

  /** Maximum time of one find_files or search_text walk, in milliseconds. */
  public long getSearchTimeoutMillis() {
    return searchTimeoutMillis;
  }

  /**
   * Sets the maximum time one find_files or search_text walk may take, glob matching included, in
   * milliseconds; a walk that takes longer (or whose thread is interrupted) fails.
   *
   * @throws IllegalArgumentException if not positive
   */
  public FileToolsOptions setSearchTimeoutMillis(long searchTimeoutMillis) {
    if (searchTimeoutMillis <= 0) {
      throw new IllegalArgumentException("searchTimeoutMillis must be > 0: " + searchTimeoutMillis);
    }
    this.searchTimeoutMillis = searchTimeoutMillis;
    return this;
  }

  /** Maximum number of bytes read_file scans to find the first line of a range. */
  public long getMaxScanBytes() {
    return maxScanBytes;
  }

  /**
   * Sets the maximum number of bytes read_file scans to find the first line of a range; a range
   * starting further into the file fails.
   *
   * @throws IllegalArgumentException if not positive
   */
  public FileToolsOptions setMaxScanBytes(long maxScanBytes) {
    if (maxScanBytes <= 0) {
      throw new IllegalArgumentException("maxScanBytes must be > 0: " + maxScanBytes);
    }
    this.maxScanBytes = maxScanBytes;
    return this;
  }
}
