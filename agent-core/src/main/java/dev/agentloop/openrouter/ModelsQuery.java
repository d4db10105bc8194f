package dev.agentloop.openrouter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Server-side filters of {@code GET /models} (the spec's query parameters). Empty lists and nulls
 * are not sent; every filter given must hold.
 *
 * <pre>{@code
 * client.models(ModelsQuery.builder().supportedParameters(List.of("tools"))
 *     .inputModalities(List.of("file")).build());
 * }</pre>
 *
 * @param supportedParameters parameters every model must support, e.g. {@code tools}, {@code
 *     structured_outputs}
 * @param inputModalities input modalities every model must take: {@code text}, {@code image},
 *     {@code audio}, {@code file}, {@code video}
 * @param outputModalities output modalities to include: {@code text} (OpenRouter's default), {@code
 *     image}, {@code audio}, {@code embeddings}, or {@code all}
 * @param category a use-case category ({@code programming}, {@code roleplay}, ...), or null
 * @param search free text matched against model names and slugs ({@code q}), or null
 * @param minContextLength the smallest context window in tokens ({@code context}), or null
 * @param sort a server-side order ({@code newest}, {@code pricing-low-to-high}, ...), or null
 */
public record ModelsQuery(
    List<String> supportedParameters,
    List<String> inputModalities,
    List<String> outputModalities,
    @Nullable String category,
    @Nullable String search,
    @Nullable Integer minContextLength,
    @Nullable String sort) {

  /** Every model OpenRouter lists by default (text output). */
  public static final ModelsQuery ALL = builder().build();

  /** Copies the lists and checks the values. */
  public ModelsQuery {
    supportedParameters = List.copyOf(supportedParameters);
    inputModalities = List.copyOf(inputModalities);
    outputModalities = List.copyOf(outputModalities);
    for (String m : inputModalities) {
      if (!List.of("text", "image", "audio", "file", "video").contains(m)) {
        throw new IllegalArgumentException("unknown input modality: " + m);
      }
    }
    if (minContextLength != null && minContextLength < 1) {
      throw new IllegalArgumentException("minContextLength must be > 0: " + minContextLength);
    }
  }

  /** Returns a builder with no filters. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the query string, starting with {@code ?}, or an empty string without filters. */
  public String toQueryString() {
    List<String> params = new ArrayList<>();
    add(params, "supported_parameters", String.join(",", supportedParameters));
    add(params, "input_modalities", String.join(",", inputModalities));
    add(params, "output_modalities", String.join(",", outputModalities));
    add(params, "category", category);
    add(params, "q", search);
    add(params, "context", minContextLength == null ? null : minContextLength.toString());
    add(params, "sort", sort);
    return params.isEmpty() ? "" : "?" + String.join("&", params);
  }

  private static void add(List<String> params, String name, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  /** Builds a {@link ModelsQuery}. */
  public static final class Builder {
    private List<String> supportedParameters = List.of();
    private List<String> inputModalities = List.of();
    private List<String> outputModalities = List.of();
    private @Nullable String category;
    private @Nullable String search;
    private @Nullable Integer minContextLength;
    private @Nullable String sort;

    private Builder() {}

    /** Keeps models supporting every parameter, e.g. {@code tools}. */
    public Builder supportedParameters(List<String> v) {
      supportedParameters = Objects.requireNonNull(v, "supportedParameters == null");
      return this;
    }

    /** Keeps models taking every input modality. */
    public Builder inputModalities(List<String> v) {
      inputModalities = Objects.requireNonNull(v, "inputModalities == null");
      return this;
    }

    /** Includes models with these output modalities ({@code all} for every one). */
    public Builder outputModalities(List<String> v) {
      outputModalities = Objects.requireNonNull(v, "outputModalities == null");
      return this;
    }

    /** Keeps models of a use-case category. */
    public Builder category(@Nullable String v) {
      category = v;
      return this;
    }

    /** Keeps models whose name or slug matches the text. */
    public Builder search(@Nullable String v) {
      search = v;
      return this;
    }

    /** Keeps models with at least this context window. */
    public Builder minContextLength(@Nullable Integer v) {
      minContextLength = v;
      return this;
    }

    /** Orders the models on the server. */
    public Builder sort(@Nullable String v) {
      sort = v;
      return this;
    }

    /** Builds the query. */
    public ModelsQuery build() {
      return new ModelsQuery(
          supportedParameters,
          inputModalities,
          outputModalities,
          category,
          search,
          minContextLength,
          sort);
    }
  }
}
