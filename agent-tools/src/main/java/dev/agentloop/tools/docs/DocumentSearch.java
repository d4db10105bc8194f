package dev.agentloop.tools.docs;

import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;

/**
 * Searches a folder of text and Markdown files with Apache Lucene (BM25 ranking) and returns
 * passages a model can cite.
 *
 * <p>Files are cut into passages at headings and blank lines, at most {@link
 * DocumentSearchOptions#getMaxPassageLines()} lines each. Each passage has a stable source id,
 * {@code relative/path.md:startLine-endLine}; the tool's text numbers the hits {@code [1]}, {@code
 * [2]} so the model can cite them. Query text is analysed into plain terms, never parsed as Lucene
 * syntax, so input like {@code foo AND (} is safe. Indexing happens once, in the constructor; the
 * index is in memory unless {@link DocumentSearchOptions#setIndexDirectory(Path)} is set. Searching
 * is thread-safe. Close the search to release the index.
 *
 * <pre>{@code
 * DocumentSearch docs = DocumentSearch.index(Path.of("docs"), new DocumentSearchOptions());
 * docs.search("how do I configure retries", 3);
 * // "[1] guide/retries.md:12-20 (Retries)\nThe client retries 429 and 5xx..."
 * Toolbox tools = Toolbox.builder().add(docs).build();
 * }</pre>
 */
public final class DocumentSearch implements AutoCloseable {

  private static final int MAX_QUERY_TERMS = 64;

  /** The most passages a hybrid index embeds: {@value}; more fail the indexing. */
  public static final int MAX_EMBEDDED_PASSAGES = 20_000;

  private final DocumentSearchOptions options;
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final int passages;
  private final @Nullable Embedder embedder;

  /**
   * Indexes {@code folder} and returns a search over it.
   *
   * @throws IllegalArgumentException if the folder does not exist
   * @throws UncheckedIOException if reading files or writing the index fails
   */
  public static DocumentSearch index(Path folder, DocumentSearchOptions options) {
    return new DocumentSearch(folder, options, null);
  }

  /**
   * Indexes {@code folder} for hybrid ranking: BM25 and, with an {@code embedder}, a Lucene KNN
   * vector per passage, fused by reciprocal rank. Without an embedder (offline, no key) it is the
   * BM25 index of {@link #index(Path, DocumentSearchOptions)}. Blocks until every passage is
   * embedded: call it on a worker thread or at start-up, never on an event loop.
   *
   * @throws IllegalArgumentException if the folder does not exist, or with an embedder more than
   *     {@link #MAX_EMBEDDED_PASSAGES} passages
   * @throws UncheckedIOException if reading files or writing the index fails
   * @throws IllegalStateException if embedding the passages fails
   */
  public static DocumentSearch index(
      Path folder, DocumentSearchOptions options, @Nullable Embedder embedder) {
    return new DocumentSearch(folder, options, embedder);
  }

  /**
   * Indexes {@code folder} with the given options (copied).
   *
   * @throws IllegalArgumentException if the folder does not exist
   * @throws UncheckedIOException if reading files or writing the index fails
   */
  public DocumentSearch(Path folder, DocumentSearchOptions options) {
    this(folder, options, null);
  }

  private DocumentSearch(Path folder, DocumentSearchOptions options, @Nullable Embedder embedder) {
    this.embedder = embedder;
    this.options = new DocumentSearchOptions(options);
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("not a directory: " + folder);
    }
    try {
      Path dir = this.options.getIndexDirectory();
      directory = dir == null ? new ByteBuffersDirectory() : FSDirectory.open(dir);
      IndexWriterConfig config =
          new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      List<Document> docs = new ArrayList<>();
      for (Path file : files(folder)) {
        String rel = folder.relativize(file).toString().replace('\\', '/');
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (Passages.Range r : Passages.split(lines, this.options.getMaxPassageLines())) {
          docs.add(document(rel, r, lines));
        }
      }
      if (embedder != null) {
        addVectors(docs, embedder);
      }
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        writer.addDocuments(docs);
      }
      passages = docs.size();
      reader = DirectoryReader.open(directory);
      searcher = new IndexSearcher(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * Searches the documents and returns the best passages as citable text.
   *
   * @param query words to look for; any text is accepted
   * @param maxResults how many passages at most (clamped to the configured maximum)
   * @return numbered passages, {@code "[1] path:start-end (heading)\ntext"}, separated by blank
   *     lines; or a "no passages match" note
   */
  @Tool(
      name = "search_documents",
      description =
          "Searches the document collection and returns the most relevant passages, numbered [1],"
              + " [2], ... with their source id (path:lines). Cite passages by number and source.")
  public String search(
      @Param(description = "What to look for, in plain words") String query,
      @Param(description = "Maximum number of passages to return", defaultValue = "5")
          int maxResults) {
    List<Passage> hits = find(query, maxResults);
    if (hits.isEmpty()) {
      return "no passages match '" + query + "'";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hits.size(); i++) {
      Passage p = hits.get(i);
      if (i > 0) {
        out.append("\n\n");
      }
      out.append('[').append(i + 1).append("] ").append(p.sourceId());
      if (!p.heading().isEmpty()) {
        out.append(" (").append(p.heading()).append(')');
      }
      out.append('\n').append(p.text());
    }
    return out.toString();
  }

  /**
   * Returns the best passages for {@code query}, best first.
   *
   * @throws IllegalArgumentException if {@code maxResults < 1} or the query has no searchable words
   */
  public List<Passage> find(String query, int maxResults) {
    if (maxResults < 1) {
      throw new IllegalArgumentException("maxResults must be >= 1: " + maxResults);
    }
    Set<String> terms = terms(query);
    if (terms.isEmpty()) {
      throw new IllegalArgumentException(
          "query has no searchable words: '" + query + "'; try a few keywords");
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (String t : terms) {
      q.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
      q.add(new BoostQuery(new TermQuery(new Term("heading", t)), 2f), BooleanClause.Occur.SHOULD);
    }
    int limit = Math.min(maxResults, options.getMaxResults());
    try {
      float[] vector = embedder == null ? null : queryVector(embedder, query);
      List<ScoreDoc> docs;
      if (vector == null) {
        docs = List.of(searcher.search(q.build(), limit).scoreDocs);
      } else {
        int depth = Math.max(limit * 4, 20);
        docs =
            HybridRanking.fuse(
                limit,
                searcher.search(q.build(), depth).scoreDocs,
                searcher.search(new KnnFloatVectorQuery("vector", vector, depth), depth).scoreDocs);
      }
      StoredFields stored = searcher.storedFields();
      List<Passage> hits = new ArrayList<>();
      for (ScoreDoc sd : docs) {
        Document d = stored.document(sd.doc);
        hits.add(
            new Passage(
                d.get("id"),
                d.get("path"),
                d.getField("start").numericValue().intValue(),
                d.getField("end").numericValue().intValue(),
                d.get("heading"),
                d.get("text"),
                sd.score));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException("search failed: " + e.getMessage(), e);
    }
  }

  /** Whether passages are ranked with embeddings as well as BM25. */
  public boolean isHybrid() {
    return embedder != null;
  }

  /** The number of passages indexed. */
  public int passageCount() {
    return passages;
  }

  /** Releases the index. */
  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addVectors(List<Document> docs, Embedder embedder) {
    if (docs.size() > MAX_EMBEDDED_PASSAGES) {
      throw new IllegalArgumentException(
          "too many passages to embed (max " + MAX_EMBEDDED_PASSAGES + "): " + docs.size());
    }
    if (docs.isEmpty()) {
      return;
    }
    List<String> texts = new ArrayList<>();
    for (Document d : docs) {
      String text = (d.get("heading") + "\n" + d.get("text")).strip();
      texts.add(text.isEmpty() ? d.get("id") : text);
    }
    List<float[]> vectors;
    try {
      vectors = embedder.embed(texts).await();
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot embed the passages: " + e.getMessage(), e);
    }
    if (vectors.size() != docs.size()) {
      throw new IllegalStateException(
          "embedder returned " + vectors.size() + " vectors for " + docs.size() + " passages");
    }
    for (int i = 0; i < docs.size(); i++) {
      float[] unit = unitVector(vectors.get(i), embedder.dimensions());
      if (unit != null) {
        docs.get(i)
            .add(new KnnFloatVectorField("vector", unit, VectorSimilarityFunction.DOT_PRODUCT));
      }
    }
  }

  private static float @Nullable [] unitVector(float[] v, int dimensions) {
    if (v.length != dimensions) {
      throw new IllegalStateException(
          "embedding has " + v.length + " dimensions, expected " + dimensions);
    }
    return HybridRanking.unit(v);
  }

  // A failing embedding service must not take search down: the query falls back to BM25.
  private static float @Nullable [] queryVector(Embedder embedder, String query) {
    try {
      List<float[]> v = embedder.embed(List.of(query)).await();
      return v.size() == 1 ? unitVector(v.get(0), embedder.dimensions()) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Set<String> terms(String query) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream("text", query)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen when reading from a String
    }
    return terms;
  }

  private List<Path> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !folder.relativize(p).toString().startsWith("."))
          .filter(p -> options.getExtensions().contains(extension(p)))
          .filter(
              p -> {
                try {
                  return Files.size(p) <= options.getMaxFileBytes();
                } catch (IOException e) {
                  return false;
                }
              })
          .sorted()
          .toList();
    }
  }

  private static String extension(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static Document document(String rel, Passages.Range r, List<String> lines) {
    Document d = new Document();
    d.add(new StringField("id", rel + ":" + r.start() + "-" + r.end(), Field.Store.YES));
    d.add(new StoredField("path", rel));
    d.add(new StoredField("start", r.start()));
    d.add(new StoredField("end", r.end()));
    d.add(new TextField("heading", r.heading(), Field.Store.YES));
    d.add(
        new TextField(
            "text", String.join("\n", lines.subList(r.start() - 1, r.end())), Field.Store.YES));
    return d;
  }
}
