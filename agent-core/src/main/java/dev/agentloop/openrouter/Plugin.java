package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An OpenRouter plugin entry, e.g. {@code {"id":"file-parser","pdf":{"engine":"native"}}} or {@code
 * {"id":"context-compression","engine":"middle-out"}}.
 *
 * @param id the plugin id ({@code file-parser}, {@code response-healing}, {@code
 *     context-compression}, {@code auto-router}, {@code moderation}, {@code web-fetch}, ...)
 * @param enabled whether the plugin is on; null leaves the default
 * @param options further plugin-specific fields, written next to {@code id}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Plugin(
    @JsonProperty("id") String id,
    @JsonProperty("enabled") @Nullable Boolean enabled,
    @JsonIgnore Map<String, Object> options) {

  /** Validates the components and copies the options. */
  public Plugin {
    Objects.requireNonNull(id, "id == null");
    options = options == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(options));
  }

  /** A plugin with no options. */
  public static Plugin of(String id) {
    return new Plugin(id, null, Map.of());
  }

  /** A plugin with options. */
  public static Plugin of(String id, Map<String, Object> options) {
    return new Plugin(id, null, options);
  }

  /** The options, flattened into the plugin object by Jackson. */
  @JsonAnyGetter
  public Map<String, Object> jsonOptions() {
    return options;
  }
}
