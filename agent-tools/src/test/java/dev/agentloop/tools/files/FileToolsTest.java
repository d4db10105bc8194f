package dev.agentloop.tools.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.tools.AbstractToolTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileToolsTest extends AbstractToolTest {

  @TempDir Path temp;
  private Path root;
  private FileTools files;

  @Override
  protected Class<?> toolClass() {
    return FileTools.class;
  }

  @Override
  protected List<String> expectedToolNames() {
    return List.of("list_files", "read_file", "find_files", "search_text", "write_file");
  }

  @BeforeEach
  void createSandbox() throws IOException {
    root = Files.createDirectory(temp.resolve("root"));
    Files.createDirectories(root.resolve("docs/guide"));
    Files.writeString(root.resolve("README.md"), "# Project\nline two\nline three\n");
    Files.writeString(root.resolve("docs/intro.md"), "Intro\nThe TODO list\n");
    Files.writeString(root.resolve("docs/guide/setup.txt"), "install java\ntodo: add maven\n");
    Files.write(root.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
    Files.writeString(temp.resolve("secret.txt"), "top secret\n");
    files = new FileTools(new FileToolsOptions().setRoot(root));
  }

  @Test
  void listsDirectoriesAndFilesWithSizes() {
    assertThat(files.listFiles("."))
        .isEqualTo("README.md (30 bytes)\ndocs/\nlogo.png (8 bytes)");
    assertThat(files.listFiles("docs")).isEqualTo("guide/\nintro.md (20 bytes)");
  }

  @Test
  void readsWholeFileAndLineRanges() {
    assertThat(files.readFile("README.md", 1, 0)).isEqualTo("# Project\nline two\nline three\n");
    assertThat(files.readFile("README.md", 2, 3)).isEqualTo("line two\nline three\n");
    assertThat(files.readFile("docs/../README.md", 3, 0)).isEqualTo("line three\n");
  }

  @Test
  void rangePastEndIsReported() {
    assertThatThrownBy(() -> files.readFile("README.md", 9, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("startLine 9 is past the end of README.md (3 lines)");
  }

  @Test
  void binaryFileIsReportedNotDumped() {
    assertThat(files.readFile("logo.png", 1, 0)).isEqualTo("binary file, 8 bytes");
  }

  @Test
  void oversizedFileMustBeReadByRange() throws IOException {
    Files.writeString(root.resolve("big.log"), "0123456789\n".repeat(100));
    FileTools small = new FileTools(new FileToolsOptions().setRoot(root).setMaxReadBytes(100));
    assertThatThrownBy(() -> small.readFile("big.log", 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("file big.log is 1100 bytes, above the 100-byte read limit;"
            + " read a line range with startLine and endLine");
    assertThat(small.readFile("big.log", 5, 6)).isEqualTo("0123456789\n0123456789\n");
    assertThat(small.readFile("big.log", 2, 50))
        .isEqualTo("0123456789\n".repeat(9) + "[truncated at 100 characters; continue from line 11]");
  }

  @Test
  void traversalOutOfRootIsRefused() {
    assertThatThrownBy(() -> files.readFile("../secret.txt", 1, 0))
        .isInstanceOf(SecurityException.class)
        .hasMessage("refused: ../secret.txt leaves the root directory");
    assertThatThrownBy(() -> files.listFiles("docs/../../"))
        .isInstanceOf(SecurityException.class)
        .hasMessage("refused: docs/../../ leaves the root directory");
  }

  @Test
  void absolutePathIsRefused() {
    String absolute = temp.resolve("secret.txt").toString();
    assertThatThrownBy(() -> files.readFile(absolute, 1, 0))
        .isInstanceOf(SecurityException.class)
        .hasMessage("refused: absolute paths are not allowed (" + absolute
            + "); use a path relative to the root");
  }

  @Test
  void symlinkLeavingRootIsRefused() throws IOException {
    Files.createSymbolicLink(root.resolve("escape.txt"), temp.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("outside"), temp);
    assertThatThrownBy(() -> files.readFile("escape.txt", 1, 0))
        .isInstanceOf(SecurityException.class)
        .hasMessage("refused: escape.txt is or passes through a symbolic link that leads outside the root");
    assertThatThrownBy(() -> files.readFile("outside/secret.txt", 1, 0))
        .isInstanceOf(SecurityException.class)
        .hasMessage("refused: outside/secret.txt is or passes through a symbolic link that leads"
            + " outside the root");
    assertThat(files.listFiles(".")).contains("escape.txt (symbolic link outside the root)");
    assertThat(files.searchText("secret", "**")).isEqualTo("no matches for 'secret'");
  }

  @Test
  void symlinkInsideRootIsFollowed() throws IOException {
    Files.createSymbolicLink(root.resolve("readme-link"), root.resolve("README.md"));
    assertThat(files.readFile("readme-link", 1, 1)).isEqualTo("# Project\n");
  }

  @Test
  void missingFileIsReported() {
    assertThatThrownBy(() -> files.readFile("nope.md", 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no such file or directory: nope.md");
  }

  @Test
  void findsFilesByGlob() {
    assertThat(files.findFiles("*.md")).isEqualTo("README.md\ndocs/intro.md");
    assertThat(files.findFiles("docs/**")).isEqualTo("docs/guide/setup.txt\ndocs/intro.md");
    assertThat(files.findFiles("*.java")).isEqualTo("no files match *.java");
  }

  @Test
  void searchesTextCaseInsensitively() {
    assertThat(files.searchText("todo", "**"))
        .isEqualTo("docs/guide/setup.txt:2: todo: add maven\ndocs/intro.md:2: The TODO list");
    assertThat(files.searchText("todo", "*.md")).isEqualTo("docs/intro.md:2: The TODO list");
  }

  @Test
  void searchResultsAreCapped() {
    FileTools capped = new FileTools(new FileToolsOptions().setRoot(root).setMaxResults(1));
    assertThat(capped.searchText("line", "**"))
        .isEqualTo("README.md:2: line two\n[matches capped at 1]");
  }

  @Test
  void writeIsRefusedByDefault() {
    assertThatThrownBy(() -> files.writeFile("new.md", "hi"))
        .isInstanceOf(SecurityException.class)
        .hasMessage("refused: writing is disabled; FileToolsOptions.setAllowWrite(true) permits it");
    assertThat(root.resolve("new.md")).doesNotExist();
  }

  @Test
  void writeCreatesFileWhenAllowed() throws IOException {
    FileTools writable = new FileTools(new FileToolsOptions().setRoot(root).setAllowWrite(true));
    assertThat(writable.writeFile("notes/new.md", "hello\n")).isEqualTo("wrote 6 bytes to notes/new.md");
    assertThat(Files.readString(root.resolve("notes/new.md"))).isEqualTo("hello\n");
    assertThatThrownBy(() -> writable.writeFile("../evil.md", "x"))
        .isInstanceOf(SecurityException.class)
        .hasMessage("refused: ../evil.md leaves the root directory");
  }

  @Test
  void writeThroughSymlinkedDirectoryIsRefused() throws IOException {
    Files.createSymbolicLink(root.resolve("outside"), temp);
    FileTools writable = new FileTools(new FileToolsOptions().setRoot(root).setAllowWrite(true));
    assertThatThrownBy(() -> writable.writeFile("outside/planted.txt", "x"))
        .isInstanceOf(SecurityException.class);
    assertThat(temp.resolve("planted.txt")).doesNotExist();
  }

  @Test
  void missingRootIsRejected() {
    assertThatThrownBy(() -> new FileTools(new FileToolsOptions().setRoot(temp.resolve("nope"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("root does not exist: " + temp.resolve("nope"));
  }
}
