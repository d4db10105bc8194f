package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A model's modalities and tokenizer (SPEC {@code ModelArchitecture}).
 *
 * @param modality e.g. {@code text+image->text}, or null
 * @param inputModalities {@code text}, {@code image}, {@code file}, {@code audio}, {@code video}
 * @param outputModalities {@code text}, {@code image}, {@code embeddings}, {@code audio}, ...
 * @param tokenizer the model family, e.g. {@code GPT}, or null
 * @param instructType the instruction format, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelArchitecture(
    @Nullable String modality,
    List<String> inputModalities,
    List<String> outputModalities,
    @Nullable String tokenizer,
    @Nullable String instructType) {

  /** Copies the lists. */
  public ModelArchitecture {
    inputModalities = inputModalities == null ? List.of() : List.copyOf(inputModalities);
    outputModalities = outputModalities == null ? List.of() : List.copyOf(outputModalities);
  }
}
