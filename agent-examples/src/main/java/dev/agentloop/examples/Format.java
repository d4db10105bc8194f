package dev.agentloop.examples;

import dev.agentloop.agent.AgentResult;
import dev.agentloop.openrouter.ModelInfo;
import dev.agentloop.openrouter.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Formats amounts, prices and run summaries for the terminal. */
final class Format {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private Format() {}

  /** Formats a cost in USD with six decimals, e.g. {@code $0.000123}. */
  static String usd(BigDecimal amount) {
    return "$" + amount.setScale(6, RoundingMode.HALF_UP).toPlainString();
  }

  /** Formats a per-token price as USD per million tokens, e.g. {@code $0.15}; "-" when unknown. */
  static String perMillion(@Nullable BigDecimal perToken) {
    if (perToken == null) {
      return "-";
    }
    BigDecimal m = perToken.multiply(MILLION).stripTrailingZeros();
    return "$" + (m.scale() < 2 ? m.setScale(2, RoundingMode.HALF_UP) : m).toPlainString();
  }

  /** Clips text to {@code max} characters, ending with an ellipsis when cut. */
  static String clip(String text, int max) {
    String oneLine = text.replace('\n', ' ');
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
  }

  /**
   * The last line of a run: steps, tool calls, tokens, prompt-cache use (when any), cost and model.
   */
  static String summary(AgentResult r) {
    return summary(r, null);
  }

  /**
   * The last line of a run, with what prompt caching saved in USD when it is known ({@link
   * #cacheSavings}).
   */
  static String summary(AgentResult r, @Nullable BigDecimal saved) {
    Usage u = r.usage();
    String what = r.isCompleted() ? "done" : "stopped (" + r.stopReason() + ")";
    return what
        + ": "
        + count(r.steps().size(), "step")
        + ", "
        + count(r.toolExecutions().size(), "tool call")
        + ", "
        + u.totalTokens()
        + " tokens ("
        + u.promptTokens()
        + " in, "
        + u.completionTokens()
        + " out), "
        + cache(u, saved)
        + usd(u.costOrZero())
        + (r.model() == null ? "" : ", " + r.model());
  }

  /**
   * Describes prompt-cache use, e.g. {@code "cache: 900 read (75% of prompt), 100 written, "}:
   * cached tokens are billed at a fraction of the prompt price, so the share read from the cache is
   * the share of the prompt that got cheaper; empty when the cache was not used.
   */
  static String cache(Usage u) {
    return cache(u, null);
  }

  /** As {@link #cache(Usage)}, with the USD saving (or surcharge) when known. */
  static String cache(Usage u, @Nullable BigDecimal saved) {
    int read = u.cachedTokens();
    int written = u.cacheWriteTokens();
    if (read == 0 && written == 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder("cache: ");
    sb.append(read).append(" read");
    if (u.promptTokens() > 0) {
      sb.append(" (").append(Math.round(100.0 * read / u.promptTokens())).append("% of prompt)");
    }
    if (written > 0) {
      sb.append(", ").append(written).append(" written");
    }
    if (saved != null && saved.signum() != 0) {
      sb.append(saved.signum() > 0 ? ", saved " : ", cost ").append(usd(saved.abs()));
      if (saved.signum() < 0) {
        sb.append(" more");
      }
    }
    return sb.append(", ").toString();
  }

  /**
   * Returns what prompt caching saved over a run, summed per model with each model's catalogue
   * prices; null when a model of the run is not in the catalogue (the saving is then unknown).
   */
  static @Nullable BigDecimal cacheSavings(AgentResult r, List<ModelInfo> catalogue) {
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<String, Usage> e : r.usageByModel().entrySet()) {
      Usage u = e.getValue();
      if (u.cachedTokens() == 0 && u.cacheWriteTokens() == 0) {
        continue;
      }
      ModelInfo.Pricing pricing = null;
      for (ModelInfo m : catalogue) {
        if (m.id().equals(e.getKey())) {
          pricing = m.pricing();
        }
      }
      if (pricing == null) {
        return null;
      }
      total = total.add(pricing.cacheSavings(u));
    }
    return total;
  }

  /** Returns e.g. {@code "1 step"} or {@code "2 steps"}. */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
