package dev.agentloop.openrouter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Typed settings for OpenRouter's plugins, each returning the {@link Plugin} entry to put in {@code
 * plugins}. Names and values follow the OpenAPI spec ({@code FileParserPlugin}, {@code
 * WebSearchPlugin}, {@code AutoRouterPlugin}, {@code ContextCompressionPlugin}, {@code
 * ModerationPlugin}).
 *
 * <pre>{@code
 * ChatParameters p = ChatParameters.builder()
 *     .plugins(List.of(Plugins.fileParser(Plugins.PdfEngine.NATIVE), Plugins.contextCompression()))
 *     .build();
 * }</pre>
 */
public final class Plugins {

  /** The largest number of model patterns of the auto-router: {@value} (the spec's bound). */
  public static final int MAX_MODEL_PATTERNS = 1024;

  /** The most web results per search this API lets a request ask for: {@value}. */
  public static final int MAX_WEB_RESULTS = 100;

  private Plugins() {}

  /** How the {@code file-parser} plugin reads PDFs ({@code PDFParserEngine}). */
  public enum PdfEngine {
    /** The model reads the PDF itself, where it can (billed as input tokens). */
    NATIVE("native"),
    /** Mistral OCR, for scanned documents (billed per page). */
    MISTRAL_OCR("mistral-ocr"),
    /** Cloudflare AI text extraction (free). */
    CLOUDFLARE_AI("cloudflare-ai");

    private final String wire;

    PdfEngine(String wire) {
      this.wire = wire;
    }

    /** The value sent on the wire. */
    public String wire() {
      return wire;
    }
  }

  /** The search engine of the {@code web} plugin ({@code WebSearchEngine}). */
  public enum WebEngine {
    /** The provider's own search. */
    NATIVE("native"),
    /** Exa. */
    EXA("exa"),
    /** Firecrawl. */
    FIRECRAWL("firecrawl"),
    /** Parallel. */
    PARALLEL("parallel"),
    /** Perplexity. */
    PERPLEXITY("perplexity");

    private final String wire;

    WebEngine(String wire) {
      this.wire = wire;
    }

    /** The value sent on the wire. */
    public String wire() {
      return wire;
    }
  }

  /** The auto-router's cost band ({@code cost_tier}). */
  public enum CostTier {
    /** Cost percentiles [0, 20). */
    LOW,
    /** Cost percentiles [20, 40). */
    MEDIUM,
    /** Cost percentiles [40, 60). */
    HIGH,
    /** Cost percentiles [60, 80). */
    XHIGH,
    /** Cost percentiles [80, 100]. */
    MAX
  }

  /** Returns {@code {"id":"file-parser","pdf":{"engine":...}}}. */
  public static Plugin fileParser(PdfEngine engine) {
    Objects.requireNonNull(engine, "engine == null");
    return Plugin.of("file-parser", Map.of("pdf", Map.of("engine", engine.wire())));
  }

  /** Returns {@code {"id":"context-compression","engine":"middle-out"}}. */
  public static Plugin contextCompression() {
    return Plugin.of("context-compression", Map.of("engine", "middle-out"));
  }

  /**
   * Returns {@code {"id":"context-compression","enabled":false}}, which turns off the compression
   * OpenRouter applies by default on endpoints with 8k context or less.
   */
  public static Plugin contextCompressionOff() {
    return new Plugin("context-compression", false, Map.of());
  }

  /** Returns {@code {"id":"moderation"}}. */
  public static Plugin moderation() {
    return Plugin.of("moderation");
  }

  /**
   * Returns the {@code auto-router} plugin for model {@code openrouter/auto}.
   *
   * @param allowedModels patterns the router may choose from ({@code anthropic/*}); empty for any
   * @param excludedModels patterns it must not choose; empty for none
   * @param costTier the cost band, or null for OpenRouter's default
   * @throws IllegalArgumentException with more than {@link #MAX_MODEL_PATTERNS} patterns in a list
   */
  public static Plugin autoRouter(
      List<String> allowedModels, List<String> excludedModels, @Nullable CostTier costTier) {
    Map<String, Object> options = new LinkedHashMap<>();
    putPatterns(options, "allowed_models", allowedModels);
    putPatterns(options, "excluded_models", excludedModels);
    if (costTier != null) {
      options.put("cost_tier", costTier.name().toLowerCase(java.util.Locale.ROOT));
    }
    return Plugin.of("auto-router", options);
  }

  /** Returns the {@code web} plugin with OpenRouter's defaults. */
  public static Plugin web() {
    return Plugin.of("web");
  }

  /**
   * Returns the {@code web} plugin (deprecated by OpenRouter in favour of the {@code
   * openrouter:web_search} server tool, still served).
   *
   * @param engine the search engine, or null for the default
   * @param maxResults results per search (OpenRouter's default is 5), 1 to {@link #MAX_WEB_RESULTS}
   * @param includeDomains domains to restrict results to; empty for any
   * @param excludeDomains domains to leave out; empty for none
   * @throws IllegalArgumentException when {@code maxResults} is outside 1..{@link #MAX_WEB_RESULTS}
   */
  public static Plugin web(
      @Nullable WebEngine engine,
      int maxResults,
      List<String> includeDomains,
      List<String> excludeDomains) {
    if (maxResults < 1 || maxResults > MAX_WEB_RESULTS) {
      throw new IllegalArgumentException(
          "maxResults must be in 1.." + MAX_WEB_RESULTS + ": " + maxResults);
    }
    Map<String, Object> options = new LinkedHashMap<>();
    if (engine != null) {
      options.put("engine", engine.wire());
    }
    options.put("max_results", maxResults);
    putPatterns(options, "include_domains", includeDomains);
    putPatterns(options, "exclude_domains", excludeDomains);
    return Plugin.of("web", options);
  }

  private static void putPatterns(Map<String, Object> options, String key, List<String> values) {
    Objects.requireNonNull(values, key + " == null");
    if (values.size() > MAX_MODEL_PATTERNS) {
      throw new IllegalArgumentException(
          key + " has too many entries (max " + MAX_MODEL_PATTERNS + "): " + values.size());
    }
    if (!values.isEmpty()) {
      options.put(key, List.copyOf(values));
    }
  }
}
