package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Information on the calling API key ({@code GET /key}, the {@code data} object). Amounts are USD.
 *
 * @param label the key's label (a masked form of the key, as OpenRouter returns it)
 * @param limit the spending cap, or null when uncapped
 * @param limitRemaining what is left of the cap, or null when uncapped
 * @param limitReset when the cap resets ({@code monthly}, ...), or null
 * @param usage total spend
 * @param usageDaily spend today (UTC)
 * @param usageWeekly spend this week (from Monday, UTC)
 * @param usageMonthly spend this month
 * @param isFreeTier whether the account never bought credits
 * @param expiresAt when the key expires, or null
 * @param rateLimit deprecated by OpenRouter and meaningless; kept as sent
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeyInfo(
    @Nullable String label,
    @Nullable BigDecimal limit,
    @Nullable BigDecimal limitRemaining,
    @Nullable String limitReset,
    @Nullable BigDecimal usage,
    @Nullable BigDecimal usageDaily,
    @Nullable BigDecimal usageWeekly,
    @Nullable BigDecimal usageMonthly,
    @Nullable Boolean isFreeTier,
    @Nullable String expiresAt,
    @Nullable JsonNode rateLimit) {}
