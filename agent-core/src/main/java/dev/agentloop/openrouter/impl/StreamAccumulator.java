package dev.agentloop.openrouter.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.openrouter.ApiError;
import dev.agentloop.openrouter.ChatChunk;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.Choice;
import dev.agentloop.openrouter.Delta;
import dev.agentloop.openrouter.FunctionCall;
import dev.agentloop.openrouter.Logprobs;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.OutputImage;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.ToolCallDelta;
import dev.agentloop.openrouter.Usage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds a {@link ChatResponse} from stream chunks: content, reasoning and refusal text are
 * concatenated; {@code reasoning_details} fragments with the same {@code index} and {@code type}
 * are merged; tool calls are assembled by {@code index} (id, type and name from the first fragment,
 * arguments concatenated; a missing or duplicate id is replaced by a fresh one, empty arguments
 * become {@code {}}); annotations (citations) and images are collected in order, without
 * duplicates; log probabilities are concatenated; finish reasons, id, model, provider, system
 * fingerprint, service tier and the last {@code usage} are kept.
 *
 * <p>Not thread-safe: feed it from one context.
 */
public final class StreamAccumulator {

  private final Map<Integer, ChoiceState> choices = new TreeMap<>();
  private @Nullable String id;
  private @Nullable Long created;
  private @Nullable String model;
  private @Nullable String provider;
  private @Nullable Usage usage;
  private @Nullable ApiError error;
  private @Nullable String systemFingerprint;
  private @Nullable String serviceTier;
  private int chunks;

  /** Adds one chunk. */
  public void accept(ChatChunk chunk) {
    chunks++;
    id = chunk.id() != null ? chunk.id() : id;
    created = chunk.created() != null ? chunk.created() : created;
    model = chunk.model() != null ? chunk.model() : model;
    provider = chunk.provider() != null ? chunk.provider() : provider;
    usage = chunk.usage() != null ? chunk.usage() : usage;
    error = chunk.error() != null ? chunk.error() : error;
    systemFingerprint =
        chunk.systemFingerprint() != null ? chunk.systemFingerprint() : systemFingerprint;
    serviceTier = chunk.serviceTier() != null ? chunk.serviceTier() : serviceTier;
    for (ChatChunk.Choice c : chunk.choices()) {
      ChoiceState s = choices.computeIfAbsent(c.index(), i -> new ChoiceState());
      s.add(c);
    }
  }

  /** The number of chunks added. */
  public int chunkCount() {
    return chunks;
  }

  /** Whether some choice has a finish reason. */
  public boolean finished() {
    return choices.values().stream().anyMatch(s -> s.finishReason != null);
  }

  /** The text of the first choice received so far (empty when none). */
  public String partialText() {
    ChoiceState s = choices.get(0);
    if (s == null && !choices.isEmpty()) {
      s = choices.values().iterator().next();
    }
    return s == null ? "" : s.content.toString();
  }

  /** Returns the response as rebuilt so far. */
  public ChatResponse toResponse() {
    List<Choice> list = new ArrayList<>();
    choices.forEach((index, s) -> list.add(s.toChoice(index)));
    return new ChatResponse(
        id,
        "chat.completion",
        created,
        model,
        provider,
        list,
        usage,
        systemFingerprint,
        error,
        serviceTier);
  }

  private static final class ChoiceState {
    final StringBuilder content = new StringBuilder();
    final StringBuilder reasoning = new StringBuilder();
    final StringBuilder refusal = new StringBuilder();
    final List<JsonNode> reasoningDetails = new ArrayList<>();
    final Map<Integer, ToolState> tools = new TreeMap<>();
    final Set<JsonNode> annotations = new LinkedHashSet<>();
    final Set<OutputImage> images = new LinkedHashSet<>();
    @Nullable Logprobs logprobs;
    boolean sawContent;
    @Nullable String finishReason;
    @Nullable String nativeFinishReason;
    @Nullable ApiError error;
    int lastToolIndex = -1;

    void add(ChatChunk.Choice c) {
      finishReason = c.finishReason() != null ? c.finishReason() : finishReason;
      nativeFinishReason =
          c.nativeFinishReason() != null ? c.nativeFinishReason() : nativeFinishReason;
      error = c.error() != null ? c.error() : error;
      if (c.logprobs() != null) {
        logprobs = logprobs == null ? c.logprobs() : logprobs.plus(c.logprobs());
      }
      Delta d = c.delta();
      if (d == null) {
        return;
      }
      if (d.content() != null) {
        sawContent = true;
        content.append(d.content());
      }
      if (d.reasoning() != null) {
        reasoning.append(d.reasoning());
      }
      if (d.refusal() != null) {
        refusal.append(d.refusal());
      }
      if (d.annotations() != null) {
        annotations.addAll(d.annotations());
      }
      if (d.images() != null) {
        images.addAll(d.images());
      }
      if (d.reasoningDetails() != null) {
        d.reasoningDetails().forEach(this::addReasoningDetail);
      }
      if (d.toolCalls() != null) {
        for (ToolCallDelta t : d.toolCalls()) {
          int index = t.index() != null ? t.index() : Math.max(lastToolIndex, 0);
          lastToolIndex = index;
          tools.computeIfAbsent(index, i -> new ToolState()).add(t);
        }
      }
    }

    private void addReasoningDetail(JsonNode detail) {
      if (!reasoningDetails.isEmpty() && detail.has("index")) {
        JsonNode last = reasoningDetails.get(reasoningDetails.size() - 1);
        if (last.path("index").equals(detail.get("index"))
            && last.path("type").equals(detail.path("type"))
            && last instanceof ObjectNode merged) {
          detail
              .fields()
              .forEachRemaining(
                  e -> {
                    String k = e.getKey();
                    JsonNode v = e.getValue();
                    if (v.isTextual()
                        && (k.equals("text") || k.equals("summary") || k.equals("data"))) {
                      merged.put(k, merged.path(k).asText("") + v.asText());
                    } else if (!v.isNull()) {
                      merged.set(k, v);
                    }
                  });
          return;
        }
      }
      reasoningDetails.add(detail.deepCopy());
    }

    Choice toChoice(int index) {
      List<ToolCall> calls = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      tools.forEach((i, t) -> calls.add(t.toToolCall(i, ids)));
      String text = content.length() > 0 ? content.toString() : null;
      if (text == null && sawContent && calls.isEmpty()) {
        text = "";
      }
      Message message =
          new Message(
              "assistant",
              text,
              null,
              calls.isEmpty() ? null : calls,
              null,
              reasoning.length() > 0 ? reasoning.toString() : null,
              reasoningDetails.isEmpty() ? null : reasoningDetails,
              refusal.length() > 0 ? refusal.toString() : null,
              annotations.isEmpty() ? null : List.copyOf(annotations),
              images.isEmpty() ? null : List.copyOf(images));
      return new Choice(index, message, finishReason, nativeFinishReason, error, logprobs);
    }
  }

  private static final class ToolState {
    @Nullable String id;
    @Nullable String type;
    @Nullable String name;
    final StringBuilder arguments = new StringBuilder();

    void add(ToolCallDelta t) {
      if (id == null || id.isEmpty()) {
        id = t.id();
      }
      if (type == null) {
        type = t.type();
      }
      if (t.function() != null) {
        if (name == null || name.isEmpty()) {
          name = t.function().name();
        }
        if (t.function().arguments() != null) {
          arguments.append(t.function().arguments());
        }
      }
    }

    ToolCall toToolCall(int index, Set<String> seen) {
      String callId = id;
      if (callId == null || callId.isBlank() || !seen.add(callId)) {
        callId = "call_" + index + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        seen.add(callId);
      }
      String args = arguments.toString().isBlank() ? "{}" : arguments.toString();
      return new ToolCall(
          callId,
          type == null ? "function" : type,
          new FunctionCall(name == null ? "" : name, args));
    }
  }
}
