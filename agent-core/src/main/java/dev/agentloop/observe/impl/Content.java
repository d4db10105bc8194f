package dev.agentloop.observe.impl;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Opt-in content on spans: cut to a maximum length first (so scrubbing costs at most that much),
 * then scrubbed of API keys, bearer tokens and {@code key=value} secrets.
 */
final class Content {

  static final String REDACTED = "[REDACTED]";
  static final String TRUNCATED = "...[truncated]";

  private static final Pattern SECRETS =
      Pattern.compile(
          "sk-[A-Za-z0-9_-]{8,}"
              + "|(?i:bearer)\\s+[A-Za-z0-9._~+/=-]{8,}"
              + "|(?i:(?<=(?:api[_-]?key|password|secret|token|authorization)[\"']?\\s{0,3}[:=]\\s{0,3}[\"']?))"
              + "[^\\s\"',}]{4,}");

  private Content() {}

  /** Returns the text cut to {@code max} characters and scrubbed; null stays null. */
  static @Nullable String scrub(@Nullable String text, int max) {
    if (text == null) {
      return null;
    }
    String cut = text.length() > max ? text.substring(0, max) + TRUNCATED : text;
    return SECRETS.matcher(cut).replaceAll(REDACTED);
  }
}
