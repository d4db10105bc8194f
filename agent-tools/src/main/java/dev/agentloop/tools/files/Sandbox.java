package dev.agentloop.tools.files;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Opens files below a root so that checking the path and opening it are one step: every component
 * is opened relative to the already opened parent directory and never follows a symbolic link
 * ({@code openat} with {@code O_NOFOLLOW} through {@link SecureDirectoryStream}). A link swapped in
 * after validation makes the open fail instead of leaving the root. Where the platform has no
 * secure directory streams, only the last component is opened without following links.
 */
final class Sandbox {

  /** Thrown when a component turned out to be a symbolic link at open time. */
  static final class LinkRefused extends IOException {
    LinkRefused(String message) {
      super(message);
    }
  }

  private final Path root;

  /** Creates a sandbox over a real (symlink-free) root directory. */
  Sandbox(Path root) {
    this.root = root;
  }

  /** Opens a file for reading; {@code real} must be a real path inside the root. */
  SeekableByteChannel openRead(Path real) throws IOException {
    return open(real, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
  }

  /** Creates or truncates a file for writing; its parent directory must exist. */
  SeekableByteChannel openWrite(Path real) throws IOException {
    return open(
        real,
        Set.of(
            StandardOpenOption.WRITE,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            LinkOption.NOFOLLOW_LINKS));
  }

  private SeekableByteChannel open(Path real, Set<OpenOption> options) throws IOException {
    Path rel = root.relativize(real);
    if (rel.toString().isEmpty() || rel.startsWith("..")) {
      throw new LinkRefused("not a file below the root: " + rel);
    }
    DirectoryStream<Path> top = Files.newDirectoryStream(root);
    if (!(top instanceof SecureDirectoryStream<Path> secureTop)) {
      top.close();
      return Files.newByteChannel(real, options);
    }
    SecureDirectoryStream<Path> dir = secureTop;
    try {
      for (int i = 0; i < rel.getNameCount() - 1; i++) {
        SecureDirectoryStream<Path> parent = dir;
        Path name = rel.getName(i);
        SecureDirectoryStream<Path> child =
            refuseLinks(() -> parent.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS), name);
        dir.close();
        dir = child;
      }
      SecureDirectoryStream<Path> parent = dir;
      Path name = rel.getFileName();
      return refuseLinks(() -> parent.newByteChannel(name, options), name);
    } finally {
      dir.close();
    }
  }

  private interface Open<T> {
    T open() throws IOException;
  }

  /** Turns the errors of an {@code O_NOFOLLOW} open of a symbolic link into {@link LinkRefused}. */
  private static <T> T refuseLinks(Open<T> open, Path name) throws IOException {
    try {
      return open.open();
    } catch (NoSuchFileException e) {
      throw e;
    } catch (FileSystemException e) {
      // ELOOP: "too many levels of symbolic links", the O_NOFOLLOW answer for a link
      String reason = String.valueOf(e.getReason()).toLowerCase(java.util.Locale.ROOT);
      if (reason.contains("symbolic")) {
        throw new LinkRefused(name + " is a symbolic link");
      }
      throw e;
    }
  }
}
