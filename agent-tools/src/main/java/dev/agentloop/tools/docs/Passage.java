package dev.agentloop.tools.docs;

import java.util.Objects;

/**
 * One search hit: a passage of a document with a stable, citable source id.
 *
 * @param sourceId the stable id, {@code path:startLine-endLine}, e.g. {@code guide/setup.md:5-9}
 * @param path the file path relative to the indexed folder, with {@code /} separators
 * @param startLine the first line of the passage, 1-based
 * @param endLine the last line of the passage, inclusive
 * @param heading the nearest heading above the passage, or empty
 * @param text the passage text
 * @param score the BM25 relevance score, or in a hybrid index the reciprocal-rank fusion score
 */
public record Passage(
    String sourceId,
    String path,
    int startLine,
    int endLine,
    String heading,
    String text,
    float score) {

  /** Validates the components. */
  public Passage {
    Objects.requireNonNull(sourceId, "sourceId == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(heading, "heading == null");
    Objects.requireNonNull(text, "text == null");
  }
}
