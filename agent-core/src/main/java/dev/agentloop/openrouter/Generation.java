package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Stats and cost of one generation ({@code GET /generation?id=}, the {@code data} object). The
 * record may be missing (404) for a few seconds after the completion ends.
 *
 * @param id the generation id
 * @param model the model that answered
 * @param providerName the provider that served it
 * @param createdAt ISO timestamp
 * @param totalCost the charge in USD
 * @param usage the charge in USD (as reported under {@code usage})
 * @param upstreamInferenceCost the upstream cost (BYOK only)
 * @param cacheDiscount the prompt-cache discount (negative for cache writes)
 * @param isByok whether the caller's own provider key was used
 * @param tokensPrompt prompt tokens (normalized)
 * @param tokensCompletion completion tokens (normalized)
 * @param nativeTokensPrompt prompt tokens (native tokenizer)
 * @param nativeTokensCompletion completion tokens (native tokenizer)
 * @param nativeTokensReasoning reasoning tokens (native tokenizer)
 * @param nativeTokensCached cached prompt tokens (native tokenizer)
 * @param latency time to first token, ms
 * @param generationTime generation time, ms
 * @param streamed whether the call streamed
 * @param cancelled whether the call was cancelled
 * @param finishReason the normalized finish reason
 * @param nativeFinishReason the provider's finish reason
 * @param externalUser the request's {@code user}
 * @param sessionId the request's {@code session_id}
 * @param providerResponses one entry per provider attempt, fallbacks included
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Generation(
    String id,
    @Nullable String model,
    @Nullable String providerName,
    @Nullable String createdAt,
    @Nullable BigDecimal totalCost,
    @Nullable BigDecimal usage,
    @Nullable BigDecimal upstreamInferenceCost,
    @Nullable BigDecimal cacheDiscount,
    @Nullable Boolean isByok,
    @Nullable Long tokensPrompt,
    @Nullable Long tokensCompletion,
    @Nullable Long nativeTokensPrompt,
    @Nullable Long nativeTokensCompletion,
    @Nullable Long nativeTokensReasoning,
    @Nullable Long nativeTokensCached,
    @Nullable Double latency,
    @Nullable Double generationTime,
    @Nullable Boolean streamed,
    @Nullable Boolean cancelled,
    @Nullable String finishReason,
    @Nullable String nativeFinishReason,
    @Nullable String externalUser,
    @Nullable String sessionId,
    @Nullable List<JsonNode> providerResponses) {

  /** Copies the list. */
  public Generation {
    providerResponses = providerResponses == null ? null : List.copyOf(providerResponses);
  }
}
