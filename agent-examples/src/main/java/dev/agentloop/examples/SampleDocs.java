package dev.agentloop.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The sample Markdown documents bundled for the {@code rag} example, copied to a temp folder. */
final class SampleDocs {

  /** The bundled documents, under {@code dev/agentloop/examples/docs/}. */
  static final List<String> NAMES = List.of("agent-loop.md", "tools.md", "offline.md");

  private SampleDocs() {}

  /** Copies the documents to a new temporary folder, deleted when the context closes. */
  static Path extract(ExampleContext context) {
    try {
      Path dir = Files.createTempDirectory("agentloop-docs");
      for (String name : NAMES) {
        try (InputStream in = SampleDocs.class.getResourceAsStream("docs/" + name)) {
          if (in == null) {
            throw new IllegalStateException("missing resource: docs/" + name);
          }
          Files.copy(in, dir.resolve(name));
        }
      }
      context.closeLater(
          () -> {
            for (String name : NAMES) {
              Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
          });
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the sample documents: " + e.getMessage(), e);
    }
  }
}
