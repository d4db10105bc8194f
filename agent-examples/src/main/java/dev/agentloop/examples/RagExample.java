package dev.agentloop.examples;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import dev.agentloop.tool.Toolbox;
import dev.agentloop.tools.docs.DocumentSearch;
import dev.agentloop.tools.docs.DocumentSearchOptions;
import dev.agentloop.tools.docs.Embedder;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Answers from a folder of documents ({@code --docs}, or bundled samples), citing sources. Online,
 * the search ranks passages with embeddings as well as keywords.
 */
public final class RagExample implements Example {

  /** The embedding model of online runs. */
  static final String EMBEDDING_MODEL = "openai/text-embedding-3-small";

  /** The vector size asked of it. */
  static final int EMBEDDING_DIMENSIONS = 512;

  private static final Pattern HIT = Pattern.compile("(?m)^\\[(\\d+)] (\\S+)(?: \\(.*\\))?$");

  /** Runs {@code agentloop run rag <question>}. */
  public static void main(String[] args) {
    Main.main(Examples.argsFor("rag", args));
  }

  @Override
  public String name() {
    return "rag";
  }

  @Override
  public String description() {
    return "answers from documents (--docs) with sources";
  }

  @Override
  public AgentOptions agent(ExampleContext context) {
    Path folder = context.docs() != null ? context.docs() : SampleDocs.extract(context);
    DocumentSearch search = context.closeLater(index(folder, context.onlineClient()));
    return new AgentOptions()
        .setInstructions(
            "Answer only from the documents: search them first, then answer in a"
                + " few sentences, citing passages as [1], [2], and end with a Sources list of the"
                + " passages' source ids. If the documents do not say, say so.")
        .setToolbox(Toolbox.builder().add(search).build());
  }

  /**
   * Online, ranks with embeddings too (hybrid BM25 + vectors); offline, or when the server has no
   * embeddings endpoint, with BM25 only.
   */
  private static DocumentSearch index(Path folder, @Nullable OpenRouterClient online) {
    if (online != null) {
      try {
        return DocumentSearch.index(
            folder,
            new DocumentSearchOptions(),
            Embedder.openRouter(online, EMBEDDING_MODEL, EMBEDDING_DIMENSIONS));
      } catch (IllegalStateException e) {
        // An OpenAI-compatible server without /embeddings: keyword search still answers.
      }
    }
    return DocumentSearch.index(folder, new DocumentSearchOptions());
  }

  @Override
  public MockResponse simulate(RecordedRequest request) {
    String question = ScriptedModel.userText(request);
    List<JsonObject> results = ScriptedModel.toolResults(request);
    if (results.isEmpty()) {
      return ScriptedModel.call(
          request,
          MockChat.ToolCall.of(
              "search_documents",
              new JsonObject()
                  .put("query", question.replaceAll("[^\\p{L}\\p{N} ]", " ").strip())
                  .put("maxResults", 3)
                  .encode()));
    }
    String passages = ScriptedModel.text(results.get(0));
    Matcher m = HIT.matcher(passages);
    if (!m.find()) {
      return ScriptedModel.answer(request, "The documents do not say.");
    }
    int start = m.end();
    String source = m.group(2);
    String text = m.find() ? passages.substring(start, m.start()) : passages.substring(start);
    return ScriptedModel.answer(
        request, bestSentence(text, question) + " [1]\n\nSources:\n[1] " + source);
  }

  /** Returns the passage sentence sharing the most words with the question. */
  private static String bestSentence(String passage, String question) {
    List<String> words =
        Arrays.stream(question.toLowerCase(Locale.ROOT).split("\\W+"))
            .filter(w -> w.length() > 3)
            .toList();
    String prose =
        passage.lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + " " + b);
    return Arrays.stream(prose.strip().split("(?<=\\.)\\s+"))
        .max(
            Comparator.comparingLong(
                s -> words.stream().filter(s.toLowerCase(Locale.ROOT)::contains).count()))
        .orElse(prose.strip());
  }
}
