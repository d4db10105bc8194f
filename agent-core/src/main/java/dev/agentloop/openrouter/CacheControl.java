package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A prompt-cache breakpoint, {@code {"type":"ephemeral","ttl":"1h"}}: on a text part, a tool or the
 * instructions it marks where a cached prefix ends; at the top level of a request it asks for
 * automatic caching (Anthropic and the providers that need explicit caching; most others cache
 * implicitly). Anthropic allows at most four breakpoints per request.
 *
 * <pre>{@code
 * ContentPart big = ContentPart.text(manual, CacheControl.ephemeral("1h"));
 * }</pre>
 *
 * @param type {@code ephemeral}, the only type
 * @param ttl {@code 5m} (the provider default) or {@code 1h}; null for the default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CacheControl(String type, @Nullable String ttl) {

  /** An ephemeral breakpoint with the default time to live (5 minutes). */
  public static final CacheControl EPHEMERAL = new CacheControl("ephemeral", null);

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException when the type is not {@code ephemeral} or the ttl is not
   *     {@code 5m} or {@code 1h}
   */
  public CacheControl {
    Objects.requireNonNull(type, "type == null");
    if (!type.equals("ephemeral")) {
      throw new IllegalArgumentException("cache control type must be ephemeral: " + type);
    }
    if (ttl != null && !ttl.equals("5m") && !ttl.equals("1h")) {
      throw new IllegalArgumentException("cache control ttl must be 5m or 1h: " + ttl);
    }
  }

  /** Returns an ephemeral breakpoint with the default time to live. */
  public static CacheControl ephemeral() {
    return EPHEMERAL;
  }

  /** Returns an ephemeral breakpoint living {@code ttl} ({@code 5m} or {@code 1h}). */
  public static CacheControl ephemeral(String ttl) {
    return new CacheControl("ephemeral", Objects.requireNonNull(ttl, "ttl == null"));
  }
}
