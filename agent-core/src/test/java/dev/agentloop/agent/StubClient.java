package dev.agentloop.agent;

import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.ChatStream;
import dev.agentloop.openrouter.Choice;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.OpenRouterClient;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.Usage;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/** A hand-written in-process client for unit tests of the loop (no HTTP). */
final class StubClient implements OpenRouterClient {

  final Queue<ChatRequest> requests = new ConcurrentLinkedQueue<>();
  private final Queue<Function<ChatRequest, ChatResponse>> script = new ArrayDeque<>();

  StubClient then(Function<ChatRequest, ChatResponse> answer) {
    script.add(answer);
    return this;
  }

  StubClient thenText(String text) {
    return then(r -> response(Message.assistant(text)));
  }

  StubClient thenCall(String id, String name, String args) {
    return then(r -> response(Message.assistant(null, List.of(ToolCall.of(id, name, args)))));
  }

  static ChatResponse response(Message m) {
    return new ChatResponse("gen-1", "chat.completion", 1L, "test/model", "Test",
        List.of(new Choice(0, m, m.hasToolCalls() ? "tool_calls" : "stop", null, null)),
        new Usage(10, 5, 15, null, null, new BigDecimal("0.001"), null), null, null);
  }

  @Override
  public synchronized Future<ChatResponse> chat(ChatRequest request) {
    requests.add(request);
    Function<ChatRequest, ChatResponse> next = script.poll();
    if (next == null) {
      return Future.failedFuture(new IllegalStateException("no scripted answer"));
    }
    return Future.succeededFuture(next.apply(request));
  }

  @Override
  public Future<ChatStream> stream(ChatRequest request) {
    return Future.failedFuture(new UnsupportedOperationException());
  }

  @Override
  public Future<java.util.List<dev.agentloop.openrouter.ModelInfo>> models() {
    return Future.succeededFuture(java.util.List.of());
  }

  @Override
  public Future<dev.agentloop.openrouter.Generation> generation(String id) {
    return Future.failedFuture(new UnsupportedOperationException());
  }

  @Override
  public Future<dev.agentloop.openrouter.KeyInfo> key() {
    return Future.failedFuture(new UnsupportedOperationException());
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
