package dev.agentloop.testing;

import dev.agentloop.testing.MockChat.State;
import dev.agentloop.testing.MockChat.ToolCall;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link MockChat} as OpenRouter's completion body, stream chunks and generation record.
 */
final class ChatRenderer {

  /** Price per prompt token used for the default cost (that of openai/gpt-4o-mini). */
  private static final double PROMPT_PRICE = 0.00000015;

  private static final double COMPLETION_PRICE = 0.0000006;
  static final String KEEP_ALIVE = ": OPENROUTER PROCESSING\n\n";
  static final String DONE = "data: [DONE]\n\n";

  private ChatRenderer() {}

  static JsonObject completion(MockChat chat) {
    State s = chat.s;
    JsonObject message =
        new JsonObject().put("role", "assistant").put("content", s.content).put("refusal", null);
    if (s.reasoning != null || s.reasoningDetails != null) {
      message.put("reasoning", s.reasoning).put("reasoning_details", reasoningDetails(s));
    }
    if (!s.toolCalls.isEmpty()) {
      JsonArray calls = new JsonArray();
      for (ToolCall call : s.toolCalls) {
        calls.add(
            new JsonObject()
                .put("id", call.id())
                .put("type", "function")
                .put(
                    "function",
                    new JsonObject().put("name", call.name()).put("arguments", call.arguments())));
      }
      message.put("tool_calls", calls);
    }
    if (!s.annotations.isEmpty()) {
      message.put("annotations", new JsonArray(new ArrayList<>(s.annotations)));
    }
    if (!s.images.isEmpty()) {
      message.put("images", new JsonArray(new ArrayList<>(s.images)));
    }
    JsonObject choice =
        new JsonObject()
            .put("index", 0)
            .put("finish_reason", s.finishReason)
            .put("native_finish_reason", s.nativeFinishReason)
            .put("logprobs", s.logprobs ? logprobs(pieces(s), 0) : null)
            .put("message", message);
    if (s.errorMessage != null) {
      choice.put("error", error(s));
    }
    JsonObject body =
        header(s, "chat.completion")
            .put("system_fingerprint", s.systemFingerprint)
            .put("choices", new JsonArray().add(choice))
            .put("usage", usage(s));
    if (s.serviceTier != null) {
      body.put("service_tier", s.serviceTier);
    }
    return body;
  }

  static List<JsonObject> chunks(MockChat chat) {
    State s = chat.s;
    List<JsonObject> out = new ArrayList<>();
    if (s.reasoning != null || s.reasoningDetails != null) {
      out.add(
          chunk(
              s,
              new JsonObject()
                  .put("role", "assistant")
                  .put("content", "")
                  .put("reasoning", s.reasoning)
                  .put("reasoning_details", reasoningDetails(s)),
              null));
    }
    if (s.content != null || s.toolCalls.isEmpty()) {
      List<String> pieces = pieces(s);
      for (int i = 0; i < pieces.size(); i++) {
        JsonObject chunk =
            chunk(s, new JsonObject().put("role", "assistant").put("content", pieces.get(i)), null);
        if (s.logprobs) {
          chunk
              .getJsonArray("choices")
              .getJsonObject(0)
              .put("logprobs", logprobs(List.of(pieces.get(i)), i));
        }
        out.add(chunk);
      }
    }
    if (!s.annotations.isEmpty() || !s.images.isEmpty()) {
      JsonObject delta = new JsonObject().put("content", "");
      if (!s.annotations.isEmpty()) {
        delta.put("annotations", new JsonArray(new ArrayList<>(s.annotations)));
      }
      if (!s.images.isEmpty()) {
        delta.put("images", new JsonArray(new ArrayList<>(s.images)));
      }
      out.add(chunk(s, delta, null));
    }
    for (int i = 0; i < s.toolCalls.size(); i++) {
      ToolCall call = s.toolCalls.get(i);
      JsonObject first =
          new JsonObject()
              .put("index", i)
              .put("id", call.id())
              .put("type", "function")
              .put("function", new JsonObject().put("name", call.name()).put("arguments", ""));
      out.add(
          chunk(
              s,
              new JsonObject()
                  .put("role", "assistant")
                  .put("content", null)
                  .put("tool_calls", new JsonArray().add(first)),
              null));
      for (String piece : split(call.arguments(), s.pieces)) {
        JsonObject delta =
            new JsonObject()
                .put("index", i)
                .put("function", new JsonObject().put("arguments", piece));
        out.add(chunk(s, new JsonObject().put("tool_calls", new JsonArray().add(delta)), null));
      }
    }
    if (s.errorMessage != null) {
      out.add(chunk(s, new JsonObject().put("content", ""), "error").put("error", error(s)));
      return out;
    }
    out.add(chunk(s, new JsonObject(), s.finishReason));
    out.add(
        header(s, "chat.completion.chunk").put("choices", new JsonArray()).put("usage", usage(s)));
    return out;
  }

  static List<String> sseFrames(MockChat chat) {
    List<String> frames = new ArrayList<>();
    frames.add(KEEP_ALIVE);
    for (JsonObject chunk : chunks(chat)) {
      frames.add("data: " + chunk.encode() + "\n\n");
    }
    if (chat.s.errorMessage == null) {
      frames.add(DONE);
    }
    return frames;
  }

  /** Returns the {@code data} object that {@code GET /generation} serves for this answer. */
  static JsonObject generation(MockChat chat, boolean streamed, long latencyMillis) {
    State s = chat.s;
    int prompt = promptTokens(s);
    int completion = completionTokens(s);
    double cost = cost(s);
    return new JsonObject()
        .put("id", s.id)
        .put("upstream_id", "chatcmpl-" + s.id.substring(4))
        .put("total_cost", cost)
        .put("cache_discount", null)
        .put("upstream_inference_cost", null)
        .put("created_at", java.time.Instant.ofEpochSecond(s.created).toString())
        .put("model", s.model)
        .put("app_id", null)
        .put("streamed", streamed)
        .put("cancelled", false)
        .put("provider_name", s.provider)
        .put("latency", latencyMillis)
        .put("moderation_latency", null)
        .put("generation_time", latencyMillis)
        .put("finish_reason", s.finishReason)
        .put("native_finish_reason", s.nativeFinishReason)
        .put("service_tier", null)
        .put("tokens_prompt", prompt)
        .put("tokens_completion", completion)
        .put("native_tokens_prompt", prompt)
        .put("native_tokens_completion", completion)
        .put("native_tokens_completion_images", 0)
        .put("native_tokens_reasoning", s.reasoningTokens)
        .put("native_tokens_cached", s.cachedTokens)
        .put("num_media_prompt", 0)
        .put("num_input_audio_prompt", 0)
        .put("num_media_completion", 0)
        .put("num_search_results", 0)
        .put("num_fetches", 0)
        .put("web_search_engine", null)
        .put("origin", "")
        .put("usage", cost)
        .put("is_byok", false)
        .put("external_user", null)
        .put("api_type", "completions")
        .put("preset_id", null)
        .put("router", null)
        .put("provider_responses", null)
        .put("user_agent", "")
        .put("http_referer", null)
        .put("data_region", "global")
        .put("workspace_id", null);
  }

  private static JsonObject header(State s, String object) {
    return new JsonObject()
        .put("id", s.id)
        .put("object", object)
        .put("created", s.created)
        .put("model", s.model)
        .put("provider", s.provider);
  }

  private static JsonObject chunk(State s, JsonObject delta, @Nullable String finishReason) {
    JsonObject choice =
        new JsonObject()
            .put("index", 0)
            .put("delta", delta)
            .put("finish_reason", finishReason)
            .put("native_finish_reason", finishReason == null ? null : s.nativeFinishReason)
            .put("logprobs", null);
    // system_fingerprint only when set: ChatStreamChunk types it as a non-null string.
    JsonObject chunk =
        header(s, "chat.completion.chunk").put("choices", new JsonArray().add(choice));
    if (s.systemFingerprint != null) {
      chunk.put("system_fingerprint", s.systemFingerprint);
    }
    if (s.serviceTier != null) {
      chunk.put("service_tier", s.serviceTier);
    }
    return chunk;
  }

  private static List<String> pieces(State s) {
    return split(s.content == null ? "" : s.content, s.pieces);
  }

  /** Log probabilities of {@code tokens}, the first at position {@code from}. */
  private static JsonObject logprobs(List<String> tokens, int from) {
    JsonArray content = new JsonArray();
    for (int i = 0; i < tokens.size(); i++) {
      JsonArray bytes = new JsonArray();
      for (byte b : tokens.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
        bytes.add(b & 0xff);
      }
      double logprob = -0.25 * (from + i + 1);
      content.add(
          new JsonObject()
              .put("token", tokens.get(i))
              .put("logprob", logprob)
              .put("bytes", bytes)
              .put(
                  "top_logprobs",
                  new JsonArray()
                      .add(
                          new JsonObject()
                              .put("token", tokens.get(i))
                              .put("logprob", logprob)
                              .put("bytes", bytes))));
    }
    return new JsonObject().put("content", content).put("refusal", null);
  }

  private static JsonObject error(State s) {
    return new JsonObject()
        .put("code", s.errorCode)
        .put("message", s.errorMessage)
        .put("metadata", new JsonObject().put("error_type", s.errorType));
  }

  private static JsonArray reasoningDetails(State s) {
    if (s.reasoningDetails != null) {
      return s.reasoningDetails.copy();
    }
    return new JsonArray()
        .add(
            new JsonObject()
                .put("type", "reasoning.text")
                .put("text", s.reasoning)
                .put("format", "unknown")
                .put("index", 0));
  }

  private static JsonObject usage(State s) {
    int prompt = promptTokens(s);
    int completion = completionTokens(s);
    double cost = cost(s);
    JsonObject promptDetails =
        new JsonObject().put("cached_tokens", s.cachedTokens).put("audio_tokens", s.audioTokensIn);
    if (s.cacheWriteTokens > 0) {
      promptDetails.put("cache_write_tokens", s.cacheWriteTokens);
    }
    if (s.videoTokensIn > 0) {
      promptDetails.put("video_tokens", s.videoTokensIn);
    }
    JsonObject completionDetails =
        new JsonObject()
            .put("reasoning_tokens", s.reasoningTokens)
            .put("audio_tokens", s.audioTokensOut);
    if (s.imageTokensOut > 0) {
      completionDetails.put("image_tokens", s.imageTokensOut);
    }
    JsonObject usage =
        new JsonObject()
            .put("prompt_tokens", prompt)
            .put("completion_tokens", completion)
            .put("total_tokens", prompt + completion)
            .put("prompt_tokens_details", promptDetails)
            .put("completion_tokens_details", completionDetails)
            .put("cost", cost)
            .put("is_byok", s.byok)
            .put(
                "cost_details",
                new JsonObject()
                    .put("upstream_inference_cost", s.upstreamCost)
                    .put("upstream_inference_prompt_cost", s.upstreamPromptCost)
                    .put("upstream_inference_completions_cost", s.upstreamCompletionsCost));
    if (s.webSearchRequests >= 0) {
      usage.put(
          "server_tool_use_details",
          new JsonObject()
              .put("web_search_requests", s.webSearchRequests)
              .put("tool_calls_requested", s.serverToolCallsRequested)
              .put("tool_calls_executed", s.serverToolCallsExecuted));
    }
    return usage;
  }

  private static int promptTokens(State s) {
    return s.promptTokens >= 0 ? s.promptTokens : 12;
  }

  private static int completionTokens(State s) {
    if (s.completionTokens >= 0) {
      return s.completionTokens;
    }
    int chars =
        (s.content == null ? 0 : s.content.length())
            + (s.reasoning == null ? 0 : s.reasoning.length());
    for (ToolCall call : s.toolCalls) {
      chars += call.name().length() + call.arguments().length();
    }
    return Math.max(1, (chars + 3) / 4);
  }

  private static double cost(State s) {
    if (s.cost >= 0) {
      return s.cost;
    }
    // Rounded so that default costs print as short decimals in JSON.
    double raw = promptTokens(s) * PROMPT_PRICE + completionTokens(s) * COMPLETION_PRICE;
    return Math.round(raw * 1e10) / 1e10;
  }

  /** Splits {@code text} into at most {@code pieces} non-empty parts, never inside a code point. */
  static List<String> split(String text, int pieces) {
    int[] cps = text.codePoints().toArray();
    int n = Math.max(1, Math.min(pieces, cps.length));
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int from = cps.length * i / n;
      int to = cps.length * (i + 1) / n;
      out.add(new String(cps, from, to - from));
    }
    return out;
  }
}
