package dev.agentloop.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Describes one scripted assistant answer of {@code POST /chat/completions}, rendered exactly in
 * OpenRouter's shape.
 *
 * <p>A {@code MockChat} is immutable; every option method returns a changed copy. The same answer
 * serves both modes: {@link FakeOpenRouter} renders it as a {@code chat.completion} JSON body when
 * the request has no {@code "stream": true}, and as an SSE stream of {@code chat.completion.chunk}
 * events (keep-alive comment, deltas, finish chunk, usage chunk with {@code choices: []}, {@code
 * data: [DONE]}) when it does. Every rendered response carries an {@code X-Generation-Id} header
 * equal to {@link #id()}.
 *
 * <pre>{@code
 * fake.enqueue(MockChat.toolCall("get_weather", "{\"city\":\"Paris\"}"));
 * fake.enqueue(MockChat.text("It is sunny in Paris.").model("anthropic/claude-sonnet-4.5")
 *     .usage(120, 8, 0.00042));
 * }</pre>
 */
public final class MockChat {

  /** The model reported when none is set: {@value}. */
  public static final String DEFAULT_MODEL = "openai/gpt-4o-mini";

  /** The provider reported when none is set: {@value}. */
  public static final String DEFAULT_PROVIDER = "OpenAI";

  /** One function call in an assistant answer. */
  public record ToolCall(String id, String name, String arguments) {
    /** Validates the components; {@code arguments} is the raw JSON string sent to the client. */
    public ToolCall {
      Objects.requireNonNull(id, "id == null");
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(arguments, "arguments == null");
    }

    /** Creates a call with a fresh {@code call_...} id. */
    public static ToolCall of(String name, String arguments) {
      return new ToolCall("call_" + randomToken(24), name, arguments);
    }
  }

  final State s;

  private MockChat(State s) {
    this.s = s;
  }

  /** Returns an answer whose message content is {@code content}, finish reason {@code stop}. */
  public static MockChat text(String content) {
    Objects.requireNonNull(content, "content == null");
    State s = new State();
    s.content = content;
    return new MockChat(s);
  }

  /** Returns {@link #text(String)} streamed as {@code pieces} content deltas. */
  public static MockChat streamText(String content, int pieces) {
    return text(content).pieces(pieces);
  }

  /** Returns an answer with one call of {@code name} (finish reason {@code tool_calls}). */
  public static MockChat toolCall(String name, String argumentsJson) {
    return toolCalls(ToolCall.of(name, argumentsJson));
  }

  /** Returns an answer with several parallel calls, in order (finish reason {@code tool_calls}). */
  public static MockChat toolCalls(ToolCall... calls) {
    if (calls.length == 0) {
      throw new IllegalArgumentException("at least one tool call is required");
    }
    State s = new State();
    s.content = null;
    s.toolCalls = List.of(calls);
    s.finishReason = "tool_calls";
    s.nativeFinishReason = "tool_calls";
    return new MockChat(s);
  }

  /** Returns {@link #toolCalls(ToolCall...)}, each call's arguments split in {@code pieces}. */
  public static MockChat streamToolCalls(int pieces, ToolCall... calls) {
    return toolCalls(calls).pieces(pieces);
  }

  /** Returns a copy with generation id {@code id} (default {@code gen-<created>-<random>}). */
  public MockChat id(String id) {
    return copy(c -> c.id = Objects.requireNonNull(id, "id == null"));
  }

  /** Returns a copy reporting {@code model} as the model that answered. */
  public MockChat model(String model) {
    return copy(c -> c.model = Objects.requireNonNull(model, "model == null"));
  }

  /** Returns a copy reporting {@code provider} as the provider display name. */
  public MockChat provider(String provider) {
    return copy(c -> c.provider = Objects.requireNonNull(provider, "provider == null"));
  }

  /** Returns a copy with {@code created} (Unix seconds); the default is the time of creation. */
  public MockChat created(long created) {
    return copy(c -> c.created = created);
  }

  /** Returns a copy with the given token counts and cost in USD. */
  public MockChat usage(int promptTokens, int completionTokens, double cost) {
    if (promptTokens < 0 || completionTokens < 0 || cost < 0) {
      throw new IllegalArgumentException("usage must be >= 0");
    }
    return copy(
        c -> {
          c.promptTokens = promptTokens;
          c.completionTokens = completionTokens;
          c.cost = cost;
        });
  }

  /** Returns a copy reporting {@code cachedTokens} in {@code prompt_tokens_details}. */
  public MockChat cachedTokens(int cachedTokens) {
    return copy(c -> c.cachedTokens = cachedTokens);
  }

  /** Returns a copy reporting {@code reasoningTokens} in {@code completion_tokens_details}. */
  public MockChat reasoningTokens(int reasoningTokens) {
    return copy(c -> c.reasoningTokens = reasoningTokens);
  }

  /** Returns a copy with these {@code finish_reason} and {@code native_finish_reason}. */
  public MockChat finishReason(String finishReason, String nativeFinishReason) {
    return copy(
        c -> {
          c.finishReason = Objects.requireNonNull(finishReason, "finishReason == null");
          c.nativeFinishReason =
              Objects.requireNonNull(nativeFinishReason, "nativeFinishReason == null");
        });
  }

  /** Returns a copy with {@code finish_reason} (and the same native reason). */
  public MockChat finishReason(String finishReason) {
    return finishReason(finishReason, finishReason);
  }

  /**
   * Returns a copy carrying {@code reasoning} text, plus a matching {@code reasoning_details} entry
   * of type {@code reasoning.text} unless details were set explicitly.
   */
  public MockChat reasoning(String reasoning) {
    return copy(c -> c.reasoning = Objects.requireNonNull(reasoning, "reasoning == null"));
  }

  /** Returns a copy with these {@code reasoning_details}, echoed verbatim. */
  public MockChat reasoningDetails(JsonArray details) {
    return copy(c -> c.reasoningDetails = details.copy());
  }

  /** Returns a copy streamed as {@code pieces} content (or argument) fragments; default 1. */
  public MockChat pieces(int pieces) {
    if (pieces < 1) {
      throw new IllegalArgumentException("pieces must be > 0: " + pieces);
    }
    return copy(c -> c.pieces = pieces);
  }

  /**
   * Returns a copy that fails after its content: a non-streaming answer gets {@code finish_reason:
   * "error"} and a choice-level {@code error}; a stream ends with OpenRouter's mid-stream error
   * chunk (top-level {@code error} plus a choice with {@code finish_reason: "error"}), without
   * usage chunk or {@code [DONE]}.
   *
   * @param code the HTTP-like error code, e.g. 502
   * @param message the error message
   * @param errorType the {@code metadata.error_type}, e.g. {@code provider_unavailable}
   */
  public MockChat error(int code, String message, String errorType) {
    return copy(
        c -> {
          c.errorCode = code;
          c.errorMessage = Objects.requireNonNull(message, "message == null");
          c.errorType = Objects.requireNonNull(errorType, "errorType == null");
          c.finishReason = "error";
          c.nativeFinishReason = "error";
        });
  }

  /**
   * Returns a copy citing a web source: a {@code url_citation} annotation on the message (in a
   * stream, on a delta after the content). Citations accumulate in order.
   */
  public MockChat citation(String url, String title, String content, int startIndex, int endIndex) {
    JsonObject c =
        new JsonObject()
            .put("url", Objects.requireNonNull(url, "url == null"))
            .put("title", title)
            .put("content", content)
            .put("start_index", startIndex)
            .put("end_index", endIndex);
    return copy(
        s ->
            s.annotations.add(new JsonObject().put("type", "url_citation").put("url_citation", c)));
  }

  /** Returns a copy whose message carries a generated image ({@code images}); they accumulate. */
  public MockChat image(String url) {
    JsonObject image =
        new JsonObject()
            .put("type", "image_url")
            .put("image_url", new JsonObject().put("url", Objects.requireNonNull(url, "url")));
    return copy(s -> s.images.add(image));
  }

  /** Returns a copy reporting {@code system_fingerprint} (on every chunk of a stream). */
  public MockChat systemFingerprint(String fingerprint) {
    return copy(s -> s.systemFingerprint = Objects.requireNonNull(fingerprint, "fingerprint"));
  }

  /** Returns a copy reporting the {@code service_tier} the provider used. */
  public MockChat serviceTier(String serviceTier) {
    return copy(s -> s.serviceTier = Objects.requireNonNull(serviceTier, "serviceTier"));
  }

  /**
   * Returns a copy with {@code logprobs}: each content piece (see {@link #pieces(int)}) is one
   * token with log probability {@code -0.25 * (position + 1)}, the same in both modes.
   */
  public MockChat logprobs() {
    return copy(s -> s.logprobs = true);
  }

  /** Returns a copy reporting {@code cacheWriteTokens} in {@code prompt_tokens_details}. */
  public MockChat cacheWriteTokens(int cacheWriteTokens) {
    return copy(s -> s.cacheWriteTokens = cacheWriteTokens);
  }

  /** Returns a copy reporting audio and video prompt tokens and audio and image output tokens. */
  public MockChat mediaTokens(int audioIn, int videoIn, int audioOut, int imageOut) {
    return copy(
        s -> {
          s.audioTokensIn = audioIn;
          s.videoTokensIn = videoIn;
          s.audioTokensOut = audioOut;
          s.imageTokensOut = imageOut;
        });
  }

  /** Returns a copy reporting {@code cost_details} (upstream inference costs in USD). */
  public MockChat costDetails(double upstream, double upstreamPrompt, double upstreamCompletion) {
    return copy(
        s -> {
          s.upstreamCost = upstream;
          s.upstreamPromptCost = upstreamPrompt;
          s.upstreamCompletionsCost = upstreamCompletion;
        });
  }

  /** Returns a copy reporting server-tool use: web searches, and calls requested and executed. */
  public MockChat serverToolUse(int webSearchRequests, int requested, int executed) {
    return copy(
        s -> {
          s.webSearchRequests = webSearchRequests;
          s.serverToolCallsRequested = requested;
          s.serverToolCallsExecuted = executed;
        });
  }

  /** Returns a copy reporting {@code is_byok} (the request used the caller's provider key). */
  public MockChat byok(boolean byok) {
    return copy(s -> s.byok = byok);
  }

  /** Generation id, the {@code id} field and the {@code X-Generation-Id} header. */
  public String id() {
    return s.id;
  }

  /** Model reported in the answer. */
  public String model() {
    return s.model;
  }

  /** Message content, or null for a pure tool-call answer. */
  public @Nullable String content() {
    return s.content;
  }

  /** Tool calls, empty for a text answer. */
  public List<ToolCall> calls() {
    return List.copyOf(s.toolCalls);
  }

  /** Renders the non-streaming {@code chat.completion} body. */
  public JsonObject toJson() {
    return ChatRenderer.completion(this);
  }

  /** Renders the {@code chat.completion.chunk} objects of the stream, in order. */
  public List<JsonObject> toChunks() {
    return ChatRenderer.chunks(this);
  }

  /** Renders the complete SSE frames of the stream, each ending with a blank line. */
  public List<String> toSseFrames() {
    return ChatRenderer.sseFrames(this);
  }

  /** Returns a response that serves this answer; delays and effects can be added to it. */
  public MockResponse toResponse() {
    return MockResponse.chat(this);
  }

  @Override
  public String toString() {
    return "MockChat[" + s.id + ", " + (s.toolCalls.isEmpty() ? "text" : "toolCalls") + "]";
  }

  private MockChat copy(Consumer<State> change) {
    State next = s.copy();
    change.accept(next);
    return new MockChat(next);
  }

  static String randomToken(int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** The mutable field set behind a {@code MockChat}; never shared between instances. */
  static final class State {
    long created = System.currentTimeMillis() / 1000;
    String id = "gen-" + created + "-" + randomToken(20);
    String model = DEFAULT_MODEL;
    String provider = DEFAULT_PROVIDER;
    @Nullable String content;
    List<ToolCall> toolCalls = List.of();
    String finishReason = "stop";
    String nativeFinishReason = "stop";
    @Nullable String reasoning;
    @Nullable JsonArray reasoningDetails;
    int promptTokens = -1;
    int completionTokens = -1;
    double cost = -1;
    int cachedTokens;
    int reasoningTokens;
    int pieces = 1;
    int errorCode;
    @Nullable String errorMessage;
    @Nullable String errorType;
    List<JsonObject> annotations = new ArrayList<>();
    List<JsonObject> images = new ArrayList<>();
    @Nullable String systemFingerprint;
    @Nullable String serviceTier;
    boolean logprobs;
    int cacheWriteTokens;
    int audioTokensIn;
    int videoTokensIn;
    int audioTokensOut;
    int imageTokensOut;
    @Nullable Double upstreamCost;
    double upstreamPromptCost;
    double upstreamCompletionsCost;
    int webSearchRequests = -1;
    int serverToolCallsRequested;
    int serverToolCallsExecuted;
    boolean byok;

    State copy() {
      State c = new State();
      c.created = created;
      c.id = id;
      c.model = model;
      c.provider = provider;
      c.content = content;
      c.toolCalls = new ArrayList<>(toolCalls);
      c.finishReason = finishReason;
      c.nativeFinishReason = nativeFinishReason;
      c.reasoning = reasoning;
      c.reasoningDetails = reasoningDetails == null ? null : reasoningDetails.copy();
      c.promptTokens = promptTokens;
      c.completionTokens = completionTokens;
      c.cost = cost;
      c.cachedTokens = cachedTokens;
      c.reasoningTokens = reasoningTokens;
      c.pieces = pieces;
      c.errorCode = errorCode;
      c.errorMessage = errorMessage;
      c.errorType = errorType;
      c.annotations = new ArrayList<>(annotations);
      c.images = new ArrayList<>(images);
      c.systemFingerprint = systemFingerprint;
      c.serviceTier = serviceTier;
      c.logprobs = logprobs;
      c.cacheWriteTokens = cacheWriteTokens;
      c.audioTokensIn = audioTokensIn;
      c.videoTokensIn = videoTokensIn;
      c.audioTokensOut = audioTokensOut;
      c.imageTokensOut = imageTokensOut;
      c.upstreamCost = upstreamCost;
      c.upstreamPromptCost = upstreamPromptCost;
      c.upstreamCompletionsCost = upstreamCompletionsCost;
      c.webSearchRequests = webSearchRequests;
      c.serverToolCallsRequested = serverToolCallsRequested;
      c.serverToolCallsExecuted = serverToolCallsExecuted;
      c.byok = byok;
      return c;
    }
  }
}
