package dev.agentloop.tools.files;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Lets a model list, read and search files inside one sandbox directory, and write there only when
 * {@link FileToolsOptions#setAllowWrite(boolean)} says so.
 *
 * <p>Every path is relative to the root. Absolute paths, {@code ..} that escapes the root, and
 * symbolic links whose real target lies outside the root are refused with a {@link
 * SecurityException}; missing files and exceeded caps raise {@link IllegalArgumentException}; I/O
 * failures raise {@link UncheckedIOException}. Binary files are reported as {@code "binary file,
 * 12345 bytes"} instead of being dumped. All methods block on the file system, so the toolbox runs
 * them on a worker thread.
 *
 * <pre>{@code
 * FileTools files = new FileTools(new FileToolsOptions().setRoot(Path.of("/srv/project")));
 * files.readFile("README.md", 1, 20);        // the first 20 lines
 * files.searchText("TODO", "**.java");       // "src/Main.java:12: // TODO tidy up"
 * Toolbox tools = Toolbox.builder().add(files).build();
 * }</pre>
 */
public final class FileTools {

  private static final int MAX_LINE_CHARS = 300;

  private final FileToolsOptions options;
  private final Path root;
  private final Sandbox sandbox;

  /**
   * Creates the tools over {@code options.getRoot()}, which must be an existing directory.
   *
   * @throws IllegalArgumentException if the root does not exist or is not a directory
   */
  public FileTools(FileToolsOptions options) {
    this.options = new FileToolsOptions(options);
    try {
      this.root = this.options.getRoot().toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("root does not exist: " + options.getRoot(), e);
    }
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("root is not a directory: " + options.getRoot());
    }
    this.sandbox = new Sandbox(root);
  }

  /** Lists a directory: {@code "name/"} for directories, {@code "name (N bytes)"} for files. */
  @Tool(
      name = "list_files",
      description =
          "Lists a directory inside the sandbox: sub-directories end with '/', files show their"
              + " size in bytes. Paths are relative to the sandbox root.")
  public String listFiles(
      @Param(description = "Directory relative to the root; '.' for the root", defaultValue = ".")
          String path) {
    Path dir = resolve(path, true);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("not a directory: " + path);
    }
    List<String> lines = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries.sorted().forEach(p -> lines.add(describe(p)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty()) {
      return "(empty directory)";
    }
    return capped(lines, "entries");
  }

  /**
   * Reads a text file, whole or as an inclusive 1-based line range.
   *
   * @param path the file, relative to the root
   * @param startLine the first line to return, from 1
   * @param endLine the last line to return; 0 or less means the end of the file
   */
  @Tool(
      name = "read_file",
      description =
          "Reads a text file inside the sandbox, whole or a 1-based inclusive line range. Large"
              + " files must be read by line range; binary files are reported, not shown.")
  public String readFile(
      @Param(description = "File path relative to the root, e.g. docs/guide.md") String path,
      @Param(description = "First line to return (1-based)", defaultValue = "1") int startLine,
      @Param(description = "Last line to return; 0 means to the end", defaultValue = "0")
          int endLine) {
    if (startLine < 1) {
      throw new IllegalArgumentException("startLine must be >= 1: " + startLine);
    }
    if (endLine > 0 && endLine < startLine) {
      throw new IllegalArgumentException(
          "endLine must be >= startLine: " + endLine + " < " + startLine);
    }
    Path file = real(resolve(path, true), path);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("not a regular file: " + path);
    }
    try (SeekableByteChannel channel = open(file, path)) {
      long size = channel.size();
      if (TextFile.isBinary(channel)) {
        return "binary file, " + size + " bytes";
      }
      if (startLine == 1 && endLine <= 0 && size > options.getMaxReadBytes()) {
        throw new IllegalArgumentException(
            "file "
                + path
                + " is "
                + size
                + " bytes, above the "
                + options.getMaxReadBytes()
                + "-byte read limit; read a line range with startLine and endLine");
      }
      return TextFile.lines(
          channel, path, startLine, endLine, options.getMaxReadBytes(), options.getMaxScanBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Finds files whose path matches a glob, e.g. {@code **.md} or {@code src/*.java}. */
  @Tool(
      name = "find_files",
      description =
          "Finds files in the sandbox by glob pattern, e.g. '*.md' (file names anywhere),"
              + " 'docs/**.md' or 'src/*/Main.java'. Returns relative paths.")
  public String findFiles(
      @Param(description = "Glob pattern; without '/' it matches file names anywhere")
          String pattern) {
    List<String> hits = new ArrayList<>();
    walk(pattern, (rel, file) -> hits.add(rel));
    return hits.isEmpty() ? "no files match " + pattern : capped(hits, "files");
  }

  /**
   * Searches text files for a case-insensitive substring and returns {@code path:line: text} lines.
   */
  @Tool(
      name = "search_text",
      description =
          "Searches text files in the sandbox for a case-insensitive substring; returns matches"
              + " as 'path:line: text', capped.")
  public String searchText(
      @Param(description = "Text to look for (plain text, not a regex)") String text,
      @Param(description = "Glob of files to search, e.g. '*.java'", defaultValue = "**")
          String pattern) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("text must not be empty");
    }
    String needle = text.toLowerCase(Locale.ROOT);
    List<String> hits = new ArrayList<>();
    int limit = options.getMaxResults();
    walk(
        pattern,
        (rel, file) -> {
          if (hits.size() > limit || size(file) > options.getMaxReadBytes()) {
            return;
          }
          try (SeekableByteChannel channel = sandbox.openRead(file);
              BufferedReader reader = TextFile.reader(Channels.newInputStream(channel))) {
            if (TextFile.isBinary(channel)) {
              return;
            }
            int n = 0;
            for (String line = reader.readLine();
                line != null && hits.size() <= limit;
                line = reader.readLine()) {
              n++;
              if (line.toLowerCase(Locale.ROOT).contains(needle)) {
                String shown = line.strip();
                hits.add(
                    rel
                        + ":"
                        + n
                        + ": "
                        + (shown.length() > MAX_LINE_CHARS
                            ? shown.substring(0, MAX_LINE_CHARS) + "…"
                            : shown));
              }
            }
          } catch (IOException e) {
            // An unreadable file is skipped: one bad file must not sink the whole search.
          }
        });
    return hits.isEmpty() ? "no matches for '" + text + "'" : capped(hits, "matches");
  }

  /** Creates or overwrites a text file; refused unless writes are allowed. */
  @Tool(
      name = "write_file",
      sequential = true,
      description =
          "Creates or overwrites a UTF-8 text file inside the sandbox (parent directories are"
              + " created). Only available when the deployment allows writes.")
  public String writeFile(
      @Param(description = "File path relative to the root, e.g. notes/summary.md") String path,
      @Param(description = "The complete new content of the file") String content) {
    if (!options.isAllowWrite()) {
      throw new SecurityException(
          "refused: writing is disabled; FileToolsOptions.setAllowWrite(true) permits it");
    }
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > options.getMaxWriteBytes()) {
      throw new IllegalArgumentException(
          "content is "
              + bytes.length
              + " bytes, above the "
              + options.getMaxWriteBytes()
              + "-byte write limit");
    }
    Path file = resolve(path, false);
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("is a directory: " + path);
    }
    try {
      // Directories are created by path; a link swapped in meanwhile makes the open below fail.
      Files.createDirectories(file.getParent());
      file = real(file.getParent(), path).resolve(file.getFileName());
      try (SeekableByteChannel channel = sandbox.openWrite(file)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
    } catch (Sandbox.LinkRefused e) {
      throw linkRefused(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
    return "wrote " + bytes.length + " bytes to " + relative(file);
  }

  /** Resolves a model-supplied path inside the root, refusing anything that would leave it. */
  private Path resolve(String path, boolean mustExist) {
    String p = path.isBlank() ? "." : path.strip();
    if (p.startsWith("/")
        || p.startsWith("\\")
        || p.matches("^[A-Za-z]:.*")
        || Path.of(p).isAbsolute()) {
      throw new SecurityException(
          "refused: absolute paths are not allowed ("
              + path
              + "); use a path relative to the root");
    }
    Path resolved = root.resolve(p).normalize();
    if (!resolved.startsWith(root)) {
      throw new SecurityException("refused: " + path + " leaves the root directory");
    }
    // The nearest existing ancestor's real path catches symlinks anywhere along the way.
    Path existing = resolved;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null || (mustExist && existing != resolved)) {
      throw new IllegalArgumentException("no such file or directory: " + path);
    }
    try {
      if (!existing.toRealPath().startsWith(root)) {
        throw new SecurityException(
            "refused: "
                + path
                + " is or passes through a symbolic link that leads outside the root");
      }
    } catch (IOException e) { // a dangling link
      throw new IllegalArgumentException("no such file or directory: " + path, e);
    }
    return resolved;
  }

  /** The real path of a validated existing path, checked again to be inside the root. */
  private Path real(Path resolved, String path) {
    try {
      Path real = resolved.toRealPath();
      if (!real.startsWith(root)) {
        throw linkRefused(path);
      }
      return real;
    } catch (IOException e) {
      throw new IllegalArgumentException("no such file or directory: " + path, e);
    }
  }

  /** Opens a real path for reading in one step with its validation (see {@link Sandbox}). */
  private SeekableByteChannel open(Path real, String path) throws IOException {
    try {
      return sandbox.openRead(real);
    } catch (Sandbox.LinkRefused e) {
      throw linkRefused(path);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file or directory: " + path, e);
    }
  }

  private static SecurityException linkRefused(String path) {
    return new SecurityException(
        "refused: " + path + " is or passes through a symbolic link that leads outside the root");
  }

  private void walk(String pattern, BiConsumer<String, Path> onFile) {
    String glob = pattern.isBlank() ? "**" : pattern.strip();
    if (glob.length() > options.getMaxGlobLength()) {
      throw new IllegalArgumentException(
          "glob pattern is "
              + glob.length()
              + " characters, above the limit of "
              + options.getMaxGlobLength());
    }
    long deadline = System.nanoTime() + options.getSearchTimeoutMillis() * 1_000_000;
    Glob matcher;
    try {
      matcher = Glob.compile(glob, deadline);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid glob pattern '" + pattern + "': " + e.getMessage());
    }
    boolean byName = !glob.contains("/");
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              // Symbolic links are not followed (attrs describe the link itself), so none can
              // escape.
              Path rel = root.relativize(file);
              String subject = (byName ? rel.getFileName() : rel).toString().replace('\\', '/');
              if (attrs.isRegularFile() && matcher.matches(subject)) {
                onFile.accept(relative(file), file);
              }
              if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
                throw new Glob.Expired();
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (Glob.Expired e) {
      throw new IllegalArgumentException(
          "gave up on '"
              + pattern
              + "' after "
              + options.getSearchTimeoutMillis()
              + " ms (time limit or interrupted); use a simpler pattern or a sub-directory");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk the root: " + e.getMessage(), e);
    }
  }

  private String describe(Path p) {
    String name = p.getFileName().toString();
    if (Files.isSymbolicLink(p)) {
      try {
        if (!p.toRealPath().startsWith(root)) {
          return name + " (symbolic link outside the root)";
        }
      } catch (IOException e) {
        return name + " (dangling symbolic link)";
      }
    }
    return Files.isDirectory(p) ? name + "/" : name + " (" + size(p) + " bytes)";
  }

  private String capped(List<String> lines, String what) {
    List<String> sorted = new ArrayList<>(lines);
    int limit = options.getMaxResults();
    if (sorted.size() <= limit) {
      return String.join("\n", sorted);
    }
    return String.join("\n", sorted.subList(0, limit)) + "\n[" + what + " capped at " + limit + "]";
  }

  private String relative(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot stat " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }
}
