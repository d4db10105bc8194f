package dev.agentloop.openrouter;

import io.vertx.core.Future;

/**
 * A non-blocking client for OpenRouter's chat completions API.
 *
 * <p>Every method returns a {@link Future} completed on the caller's Vert.x context; none blocks.
 * Failures are {@link OpenRouterException}s.
 */
public interface OpenRouterClient {

  /**
   * Sends a non-streaming chat completion.
   *
   * @return the response; fails with {@link OpenRouterException} on HTTP errors, errors inside a
   *     200 body, timeouts and transport failures (after retries)
   */
  Future<ChatResponse> chat(ChatRequest request);

  /**
   * Sends a streaming chat completion.
   *
   * @return the stream once the response headers arrived; fails with {@link OpenRouterException}
   *     when the call fails before streaming starts
   */
  Future<ChatStream> stream(ChatRequest request);

  /** Closes the client and its connections. */
  Future<Void> close();
}
