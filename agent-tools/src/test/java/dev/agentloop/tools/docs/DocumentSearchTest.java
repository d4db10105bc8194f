package dev.agentloop.tools.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.tools.AbstractToolTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentSearchTest extends AbstractToolTest {

  @TempDir Path folder;
  private DocumentSearch docs;

  @Override
  protected Class<?> toolClass() {
    return DocumentSearch.class;
  }

  @Override
  protected List<String> expectedToolNames() {
    return List.of("search_documents");
  }

  @BeforeEach
  void createCorpus() throws IOException {
    Files.createDirectories(folder.resolve("guide"));
    Files.writeString(folder.resolve("guide/setup.md"), String.join("\n",
        "# Setup",                                    // 1
        "",                                           // 2
        "Install Java 17 and Maven before building.", // 3
        "",                                           // 4
        "## Retries",                                 // 5
        "",                                           // 6
        "The client retries requests that fail with 429 or 5xx.", // 7
        "Retry delays grow exponentially with jitter.",           // 8
        "",                                           // 9
        "## Logging",                                 // 10
        "Logs go to SLF4J.",                          // 11
        ""));
    Files.writeString(folder.resolve("faq.txt"), String.join("\n",
        "Why is my build slow?",
        "Parallel builds help a lot.",
        "",
        "Can I change the retry count?",
        "Yes: set maxRetries on the client options.",
        ""));
    Files.writeString(folder.resolve("image.png"), "retries retries retries");
    docs = DocumentSearch.index(folder, new DocumentSearchOptions().setMaxPassageLines(4));
  }

  @AfterEach
  void close() {
    docs.close();
  }

  @Test
  void splitsFilesIntoPassagesAtHeadingsAndParagraphs() {
    assertThat(docs.passageCount()).isEqualTo(5);
  }

  @Test
  void bestPassageComesFirstWithStableSourceId() {
    List<Passage> hits = docs.find("retrying failed requests", 3);
    Passage top = hits.get(0);
    assertThat(top.sourceId()).isEqualTo("guide/setup.md:5-8");
    assertThat(top.path()).isEqualTo("guide/setup.md");
    assertThat(top.startLine()).isEqualTo(5);
    assertThat(top.endLine()).isEqualTo(8);
    assertThat(top.heading()).isEqualTo("Retries");
    assertThat(top.text()).isEqualTo("## Retries\n\nThe client retries requests that fail with 429"
        + " or 5xx.\nRetry delays grow exponentially with jitter.");
    assertThat(hits).extracting(Passage::sourceId).contains("faq.txt:4-5");
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
  }

  @Test
  void toolTextNumbersPassagesForCitation() {
    assertThat(docs.search("install maven", 1))
        .isEqualTo("[1] guide/setup.md:1-3 (Setup)\n# Setup\n\nInstall Java 17 and Maven before building.");
    assertThat(docs.search("slow build", 2))
        .startsWith("[1] faq.txt:1-2\nWhy is my build slow?\nParallel builds help a lot.\n\n[2] ");
  }

  @Test
  void luceneSyntaxInQueryIsHarmless() {
    assertThat(docs.search("logging AND (", 1)).startsWith("[1] guide/setup.md:10-11 (Logging)");
    assertThat(docs.search("\"unbalanced* ~ [ {", 3)).isEqualTo("no passages match '\"unbalanced* ~ [ {'");
  }

  @Test
  void queryWithoutWordsIsRejected() {
    assertThatThrownBy(() -> docs.search("the ( ) AND", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query has no searchable words: 'the ( ) AND'; try a few keywords");
  }

  @Test
  void resultsAreClampedToConfiguredMaximum() throws IOException {
    try (DocumentSearch small = DocumentSearch.index(folder,
        new DocumentSearchOptions().setMaxPassageLines(4).setMaxResults(1))) {
      assertThat(small.find("retries build setup logging", 10)).hasSize(1);
    }
  }

  @Test
  void indexCanLiveOnDisk(@TempDir Path indexDir) {
    try (DocumentSearch onDisk = DocumentSearch.index(folder,
        new DocumentSearchOptions().setIndexDirectory(indexDir))) {
      assertThat(onDisk.find("jitter", 1)).extracting(Passage::path).containsExactly("guide/setup.md");
    }
    assertThat(indexDir.toFile().list()).isNotEmpty();
  }

  @Test
  void passagesSplitAtHeadingsBreaksAndLength() {
    List<String> lines = List.of("# A", "one", "two", "", "three", "four", "five", "six", "seven", "# B", "x");
    assertThat(Passages.split(lines, 4)).containsExactly(
        new Passages.Range(1, 3, "A"), new Passages.Range(5, 8, "A"),
        new Passages.Range(9, 9, "A"), new Passages.Range(10, 11, "B"));
  }
}
