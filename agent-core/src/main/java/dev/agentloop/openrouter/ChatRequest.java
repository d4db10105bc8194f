package dev.agentloop.openrouter;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /chat/completions}: the conversation, the tools, the response format and
 * the {@link ChatParameters}, which are serialised at the top level of the body. Null fields are
 * not sent. Build one with {@link #builder()} (it has a setter for every parameter); derive
 * variants with {@link #toBuilder()}.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *     .model("openai/gpt-4o-mini")
 *     .addMessage(Message.user("Hello"))
 *     .maxTokens(256)
 *     .build();
 * }</pre>
 *
 * @param parameters the model, sampling and routing parameters; validated by {@link ChatParameters}
 * @param messages the conversation; at least one message
 * @param stream whether to stream; set by the client
 * @param tools the tools the model may call
 * @param responseFormat text, JSON object or JSON schema output
 * @param extra further top-level fields sent as they are (for API features not modelled here); a
 *     name that a typed field sends is refused (see {@link RequestExtras#checkField})
 * @param cacheControl top-level automatic prompt caching, or null
 * @param headers further HTTP headers of this request (see {@link RequestExtras#checkHeader}); not
 *     part of the body
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatRequest(
    @JsonUnwrapped ChatParameters parameters,
    List<Message> messages,
    @Nullable Boolean stream,
    @Nullable List<ToolDefinition> tools,
    @Nullable ResponseFormat responseFormat,
    @JsonIgnore Map<String, Object> extra,
    @Nullable CacheControl cacheControl,
    @JsonIgnore Map<String, String> headers) {

  /** Validates the request and copies collections; null parameters mean none. */
  public ChatRequest {
    parameters = parameters == null ? ChatParameters.EMPTY : parameters;
    Objects.requireNonNull(messages, "messages == null");
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must not be empty");
    }
    messages = List.copyOf(messages);
    tools = tools == null ? null : List.copyOf(tools);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    new RequestExtras(extra, headers); // validates names, values and limits
  }

  /** Creates a request without top-level cache control and extra headers. */
  public ChatRequest(
      ChatParameters parameters,
      List<Message> messages,
      @Nullable Boolean stream,
      @Nullable List<ToolDefinition> tools,
      @Nullable ResponseFormat responseFormat,
      Map<String, Object> extra) {
    this(parameters, messages, stream, tools, responseFormat, extra, null, Map.of());
  }

  /** Extra fields, flattened into the request object. */
  @JsonAnyGetter
  public Map<String, Object> jsonExtra() {
    return extra;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised from this request. */
  public Builder toBuilder() {
    Builder b = new Builder().parameters(parameters);
    b.messages = new ArrayList<>(messages);
    b.stream = stream;
    b.tools = tools;
    b.responseFormat = responseFormat;
    b.extra = new LinkedHashMap<>(extra);
    b.cacheControl = cacheControl;
    b.headers = new LinkedHashMap<>(headers);
    return b;
  }

  /**
   * Builds {@link ChatRequest}s. Parameters are set one by one with the setters inherited from
   * {@link ChatParameters.Setters}, or all at once with {@link #parameters(ChatParameters)}.
   */
  public static final class Builder extends ChatParameters.Setters<Builder> {
    private List<Message> messages = new ArrayList<>();
    private @Nullable Boolean stream;
    private @Nullable List<ToolDefinition> tools;
    private @Nullable ResponseFormat responseFormat;
    private Map<String, Object> extra = new LinkedHashMap<>();
    private @Nullable CacheControl cacheControl;
    private Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Replaces the messages. */
    public Builder messages(List<Message> v) {
      messages = new ArrayList<>(v);
      return this;
    }

    /** Appends a message. */
    public Builder addMessage(Message v) {
      messages.add(Objects.requireNonNull(v, "message == null"));
      return this;
    }

    /** Sets stream: whether to stream; set by the client. */
    public Builder stream(@Nullable Boolean v) {
      stream = v;
      return this;
    }

    /** Sets tools: the tools the model may call. */
    public Builder tools(@Nullable List<ToolDefinition> v) {
      tools = v;
      return this;
    }

    /** Sets responseFormat: text, JSON object or JSON schema output. */
    public Builder responseFormat(@Nullable ResponseFormat v) {
      responseFormat = v;
      return this;
    }

    /**
     * Sets a further top-level field, sent as it is; null removes it.
     *
     * @throws IllegalArgumentException when a typed field sends that name (e.g. {@code
     *     max_tokens}): use its setter instead, so the key is never written twice
     */
    public Builder extra(String name, @Nullable Object value) {
      RequestExtras.checkField(name);
      if (value == null) {
        extra.remove(name);
      } else {
        extra.put(name, value);
      }
      return this;
    }

    /** Sets the top-level {@code cache_control} (automatic prompt caching); null removes it. */
    public Builder cacheControl(@Nullable CacheControl v) {
      cacheControl = v;
      return this;
    }

    /**
     * Sets a further HTTP header of this request, replacing one of the same name (ignoring case);
     * null removes it.
     *
     * @throws IllegalArgumentException when the client sets that header itself ({@code
     *     Authorization}, the attribution headers, ...) or it is malformed
     */
    public Builder header(String name, @Nullable String value) {
      headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
      if (value != null) {
        RequestExtras.checkHeader(name, value);
        headers.put(name, value);
      }
      return this;
    }

    /** Adds the fields and headers of {@code extras}, replacing those of the same name. */
    public Builder extras(RequestExtras extras) {
      extras.fields().forEach(this::extra);
      extras.headers().forEach(this::header);
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException when messages are empty or a parameter is out of range (see
     *     {@link ChatParameters})
     */
    public ChatRequest build() {
      return new ChatRequest(
          buildParameters(), messages, stream, tools, responseFormat, extra, cacheControl, headers);
    }
  }
}
