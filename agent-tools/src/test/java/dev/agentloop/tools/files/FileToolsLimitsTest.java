package dev.agentloop.tools.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Huge lines, hostile globs and symlink races against {@link FileTools}. */
class FileToolsLimitsTest {

  @TempDir Path temp;
  private Path root;
  private Path outside;

  @BeforeEach
  void createSandbox() throws IOException {
    root = Files.createDirectory(temp.resolve("root"));
    outside = Files.createDirectory(temp.resolve("outside"));
  }

  /** A 3 GiB file that is one line: 8 KiB of text, then a sparse hole (no disk space used). */
  private Path hugeSingleLine() throws IOException {
    Path big = root.resolve("big.txt");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.write("a".repeat(8192).getBytes());
      f.setLength(3L << 30);
    }
    return big;
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  @Test
  void rangedReadOfAHugeSingleLineHoldsOnlyWhatItReturns() throws IOException {
    hugeSingleLine();
    FileTools files = new FileTools(new FileToolsOptions().setRoot(root));
    long before = allocatedBytes();
    String text = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> files.readFile("big.txt", 1, 1));
    long allocated = allocatedBytes() - before;
    assertThat(text)
        .hasSize(262_143 + "[truncated at 262144 characters; line 1 is longer]".length())
        .startsWith("aaaa")
        .endsWith("[truncated at 262144 characters; line 1 is longer]");
    // reading the line whole needs gigabytes; the bounded read a few buffers
    assertThat(allocated).isLessThan(32L << 20);
  }

  @Test
  void findingALineFarIntoAFileStopsAtTheScanLimit() throws IOException {
    hugeSingleLine();
    FileTools files =
        new FileTools(new FileToolsOptions().setRoot(root).setMaxScanBytes(1 << 20));
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> files.readFile("big.txt", 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                    "line 2 of big.txt starts beyond the first 1048576 bytes,"
                        + " the scan limit of read_file"));
  }

  @Test
  void rangesKeepTheirLineSemantics() throws IOException {
    Files.writeString(root.resolve("crlf.txt"), "one\r\ntwo\rthree\nfour");
    FileTools files = new FileTools(new FileToolsOptions().setRoot(root).setMaxReadBytes(9));
    assertThat(files.readFile("crlf.txt", 2, 3)).isEqualTo("two\n[truncated at 9 characters;"
        + " continue from line 3]");
    assertThat(files.readFile("crlf.txt", 4, 0)).isEqualTo("four\n");
    assertThatThrownBy(() -> files.readFile("crlf.txt", 6, 0))
        .hasMessage("startLine 6 is past the end of crlf.txt (4 lines)");
  }

  @Test
  void backtrackingGlobGivesUpAtTheTimeLimit() throws IOException {
    Files.writeString(root.resolve("a".repeat(200)), "x");
    FileTools files =
        new FileTools(new FileToolsOptions().setRoot(root).setSearchTimeoutMillis(300));
    String glob = "*a*a*a*a*a*a*a*a*a*a*a*a*b";
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> files.findFiles(glob))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                    "gave up on '"
                        + glob
                        + "' after 300 ms (time limit or interrupted);"
                        + " use a simpler pattern or a sub-directory"));
    assertThatThrownBy(() -> files.searchText("x", glob)).hasMessageStartingWith("gave up on");
  }

  @Test
  void backtrackingGlobStopsWhenItsThreadIsInterrupted() throws Exception {
    Files.writeString(root.resolve("a".repeat(200)), "x");
    FileTools files = new FileTools(new FileToolsOptions().setRoot(root));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                files.findFiles("*a*a*a*a*a*a*a*a*a*a*a*a*b");
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    worker.start();
    Thread.sleep(200);
    worker.interrupt();
    worker.join(3000);
    assertThat(worker.isAlive()).isFalse();
    assertThat(failure.get()).hasMessageContaining("(time limit or interrupted)");
  }

  @Test
  void longGlobsAreRefused() {
    FileTools files = new FileTools(new FileToolsOptions().setRoot(root));
    assertThatThrownBy(() -> files.findFiles("*".repeat(300)))
        .hasMessage("glob pattern is 300 characters, above the limit of 256");
    assertThatThrownBy(() -> files.findFiles("{a,{b}}"))
        .hasMessage("invalid glob pattern '{a,{b}}': nested '{' at index 3");
  }

  @Test
  void globSyntaxMatchesTheDocumentedForms() throws IOException {
    Files.createDirectories(root.resolve("src/main"));
    Files.writeString(root.resolve("src/main/App.java"), "");
    Files.writeString(root.resolve("src/Util.kt"), "");
    Files.writeString(root.resolve("notes-1.md"), "");
    FileTools files = new FileTools(new FileToolsOptions().setRoot(root));
    assertThat(files.findFiles("*.{java,kt}").split("\n"))
        .containsExactlyInAnyOrder("src/Util.kt", "src/main/App.java");
    assertThat(files.findFiles("src/*.kt")).isEqualTo("src/Util.kt");
    assertThat(files.findFiles("src/**.java")).isEqualTo("src/main/App.java");
    assertThat(files.findFiles("notes-[0-9].md")).isEqualTo("notes-1.md");
    assertThat(files.findFiles("notes-[!0-9].md")).isEqualTo("no files match notes-[!0-9].md");
    assertThat(files.findFiles("?otes*")).isEqualTo("notes-1.md");
  }

  /**
   * A racing thread swaps directory {@code d} for a link to a directory outside the root between
   * the tools' validation and their open. Before the open went through {@code O_NOFOLLOW} from the
   * opened root, reads returned the outside file and writes landed outside.
   */
  @Test
  void swappingADirectoryForALinkNeverLetsAReadOrWriteOut() throws Exception {
    Path d = Files.createDirectory(root.resolve("d"));
    Files.writeString(d.resolve("f.txt"), "inside\n");
    Files.writeString(outside.resolve("f.txt"), "SECRET\n");
    Path parked = root.resolve("parked");
    FileTools files = new FileTools(new FileToolsOptions().setRoot(root).setAllowWrite(true));
    AtomicBoolean stop = new AtomicBoolean();
    Thread racer =
        new Thread(
            () -> {
              while (!stop.get()) {
                try {
                  Files.move(d, parked, StandardCopyOption.ATOMIC_MOVE);
                  Files.createSymbolicLink(d, outside);
                  LockSupport.parkNanos(20_000);
                  Files.delete(d);
                  Files.move(parked, d, StandardCopyOption.ATOMIC_MOVE);
                  LockSupport.parkNanos(20_000);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              }
            });
    racer.start();
    int reads = 0;
    int writes = 0;
    long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    try {
      for (int i = 0; i < 20_000 && System.nanoTime() < end; i++) {
        try {
          String text = files.readFile("d/f.txt", 1, 0);
          assertThat(text).isEqualTo("inside\n");
          reads++;
        } catch (SecurityException | IllegalArgumentException | java.io.UncheckedIOException e) {
          // refused or not found while the link was in place: both fine
        }
        try {
          files.writeFile("d/w.txt", "x");
          writes++;
        } catch (SecurityException | IllegalArgumentException | java.io.UncheckedIOException e) {
          // same
        }
        assertThat(outside.resolve("w.txt")).doesNotExist();
      }
    } finally {
      stop.set(true);
      racer.join();
    }
    assertThat(racer.isAlive()).isFalse();
    System.out.println("race: " + reads + " reads, " + writes + " writes succeeded");
    assertThat(reads).isPositive();
    assertThat(writes).isPositive();
    assertThat(Files.readString(outside.resolve("f.txt"))).isEqualTo("SECRET\n");
  }
}
