package dev.agentloop.openrouter;

import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;
import org.jspecify.annotations.Nullable;

/**
 * A streamed chat completion: a {@link ReadStream} of chunks with back-pressure ({@code pause},
 * {@code resume}, {@code fetch}), plus the message rebuilt from all chunks.
 *
 * <p>Handlers are called on the Vert.x context of the call. A mid-stream error is delivered to the
 * exception handler as an {@link OpenRouterException} whose {@link
 * OpenRouterException#partialText()} holds the text received so far, and fails {@link #result()}.
 */
public interface ChatStream extends ReadStream<ChatChunk> {

  /**
   * Returns the full response rebuilt from the chunks (content, reasoning, tool calls assembled by
   * index, finish reason, usage of the last chunk). It completes when the stream ends with {@code
   * [DONE]} (or the connection closes after a finish reason), and fails with {@link
   * OpenRouterException} when the stream fails.
   */
  Future<ChatResponse> result();

  /** The {@code X-Generation-Id} response header, or null when absent. */
  @Nullable String generationId();

  /** Stops the stream and closes its connection; {@link #result()} fails as cancelled. */
  void cancel();
}
