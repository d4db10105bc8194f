package dev.agentloop.openrouter;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Request fields and HTTP headers that AgentLoop does not model, sent as they are: top-level body
 * fields such as {@code service_tier}, {@code prediction}, {@code trace} or {@code modalities}, and
 * headers such as {@code X-OpenRouter-Metadata} or {@code x-anthropic-beta}. An agent holds one
 * ({@code AgentOptions.setExtras}), a run may add to it ({@code RunRequest.extras}); {@link
 * #overrideWith} merges them key by key.
 *
 * <p>A field that {@link ChatRequest} or {@link ChatParameters} models (e.g. {@code max_tokens}) is
 * refused, so a key is never written twice: use the typed setter. Headers the client sets itself
 * ({@code Authorization}, the attribution headers {@code HTTP-Referer}, {@code X-OpenRouter-Title}
 * and {@code X-Title}, and {@code Accept}, {@code Content-Type}, {@code Content-Length}, {@code
 * Host}, {@code User-Agent}) are refused too.
 *
 * <pre>{@code
 * RequestExtras extras = RequestExtras.builder()
 *     .field("service_tier", "flex")
 *     .header("X-OpenRouter-Metadata", "enabled")
 *     .build();
 * }</pre>
 *
 * @param fields further top-level body fields; at most {@value #MAX_FIELDS}
 * @param headers further HTTP headers; at most {@value #MAX_HEADERS}, each value at most {@value
 *     #MAX_HEADER_VALUE_LENGTH} characters
 */
public record RequestExtras(Map<String, Object> fields, Map<String, String> headers) {

  /** The most extra fields one request may carry. */
  public static final int MAX_FIELDS = 64;

  /** The most extra headers one request may carry. */
  public static final int MAX_HEADERS = 32;

  /** The longest accepted extra header value. */
  public static final int MAX_HEADER_VALUE_LENGTH = 8192;

  private static final Set<String> TYPED_FIELDS = typedFields();
  private static final Set<String> CLIENT_HEADERS =
      Set.of(
          "authorization",
          "http-referer",
          "x-openrouter-title",
          "x-title",
          "accept",
          "content-type",
          "content-length",
          "host",
          "user-agent");
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** No extra fields and no extra headers. */
  public static final RequestExtras NONE = new RequestExtras(Map.of(), Map.of());

  /**
   * Validates and copies the maps.
   *
   * @throws IllegalArgumentException when a field is a typed field, a header is one the client
   *     sets, a header name or value is malformed, or a limit is exceeded
   */
  public RequestExtras {
    fields = fields == null ? Map.of() : Map.copyOf(fields);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (fields.size() > MAX_FIELDS) {
      throw new IllegalArgumentException(
          "extra fields must be at most " + MAX_FIELDS + ": " + fields.size());
    }
    if (headers.size() > MAX_HEADERS) {
      throw new IllegalArgumentException(
          "extra headers must be at most " + MAX_HEADERS + ": " + headers.size());
    }
    fields.keySet().forEach(RequestExtras::checkField);
    Set<String> seen = new TreeSet<>();
    headers.forEach(
        (name, value) -> {
          checkHeader(name, value);
          if (!seen.add(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("extra header given twice: " + name);
          }
        });
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised from these extras. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.fields.putAll(fields);
    b.headers.putAll(headers);
    return b;
  }

  /** Returns {@code true} when there is no field and no header. */
  public boolean isEmpty() {
    return fields.isEmpty() && headers.isEmpty();
  }

  /**
   * Returns these extras with those of {@code overrides} added: a field or header (by name,
   * ignoring case) present in both takes the value of {@code overrides}.
   *
   * @param overrides the extras that win, or null for none
   * @throws IllegalArgumentException when the merged extras exceed a limit
   */
  public RequestExtras overrideWith(@Nullable RequestExtras overrides) {
    if (overrides == null || overrides.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return overrides;
    }
    Builder b = toBuilder();
    overrides.fields.forEach(b::field);
    overrides.headers.forEach(b::header);
    return b.build();
  }

  /**
   * Checks the name of an extra body field.
   *
   * @throws IllegalArgumentException when the name is blank or a field the typed model sends
   */
  public static void checkField(String name) {
    Objects.requireNonNull(name, "field name == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("extra field name must not be blank");
    }
    if (TYPED_FIELDS.contains(name)) {
      throw new IllegalArgumentException(
          "extra field clashes with a typed field, use its setter instead: " + name);
    }
  }

  /**
   * Checks an extra header.
   *
   * @throws IllegalArgumentException when the name is not an HTTP token, names a header the client
   *     sets, or the value contains a line break or is too long
   */
  public static void checkHeader(String name, String value) {
    Objects.requireNonNull(name, "header name == null");
    Objects.requireNonNull(value, "header value == null");
    if (!TOKEN.matcher(name).matches()) {
      throw new IllegalArgumentException("extra header name is not an HTTP token: " + name);
    }
    if (CLIENT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "extra header is set by the client and cannot be overridden"
              + " (configure OpenRouterOptions instead): "
              + name);
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("extra header value contains a line break: " + name);
    }
    if (value.length() > MAX_HEADER_VALUE_LENGTH) {
      throw new IllegalArgumentException(
          "extra header value must be at most "
              + MAX_HEADER_VALUE_LENGTH
              + " characters: "
              + name
              + " has "
              + value.length());
    }
  }

  /** The wire names of every field {@link ChatRequest} and {@link ChatParameters} model. */
  private static Set<String> typedFields() {
    Set<String> names = new TreeSet<>();
    for (Class<?> type : new Class<?>[] {ChatParameters.class, ChatRequest.class}) {
      for (RecordComponent c : type.getRecordComponents()) {
        names.add(snake(c.getName()));
      }
    }
    names.remove("parameters");
    names.remove("extra");
    names.remove("headers");
    return Set.copyOf(names);
  }

  private static String snake(String camel) {
    StringBuilder sb = new StringBuilder();
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        sb.append('_').append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  /** Builds {@link RequestExtras}. */
  public static final class Builder {
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets a top-level body field, sent as it is (serialised with Jackson); null removes it.
     *
     * @throws IllegalArgumentException when the field is one the typed model sends
     */
    public Builder field(String name, @Nullable Object value) {
      checkField(name);
      if (value == null) {
        fields.remove(name);
      } else {
        fields.put(name, value);
      }
      return this;
    }

    /**
     * Sets an HTTP header, replacing one of the same name (ignoring case); null removes it.
     *
     * @throws IllegalArgumentException when the header is one the client sets, or malformed
     */
    public Builder header(String name, @Nullable String value) {
      headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
      if (value != null) {
        checkHeader(name, value);
        headers.put(name, value);
      }
      return this;
    }

    /**
     * Builds the extras.
     *
     * @throws IllegalArgumentException when a limit is exceeded
     */
    public RequestExtras build() {
      return new RequestExtras(fields, headers);
    }
  }
}
