package dev.agentloop.openrouter;

import dev.agentloop.openrouter.impl.OpenRouterClientImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * A non-blocking client for OpenRouter's chat completions API.
 *
 * <pre>{@code
 * OpenRouterClient client = OpenRouterClient.create(vertx, OpenRouterOptions.fromEnv());
 * client.chat(ChatRequest.builder()
 *         .model("openai/gpt-4o-mini")
 *         .addMessage(Message.user("Say hello"))
 *         .maxTokens(64)
 *         .build())
 *     .onSuccess(r -> System.out.println(r.message().text()))
 *     .onFailure(e -> System.err.println(e.getMessage()));
 * }</pre>
 *
 * <p>Every method returns a {@link Future} completed on the caller's Vert.x context (or an event
 * loop when called from outside one); none blocks. Failures are {@link OpenRouterException}s with a
 * {@link OpenRouterException.Kind}; 408, 429, 5xx, timeouts and transport failures are retried
 * first according to {@link RetryOptions}. One client is meant to be shared by many concurrent
 * callers; it is thread-safe.
 */
public interface OpenRouterClient {

  /**
   * Creates a client. The options are copied.
   *
   * @param vertx the Vert.x instance whose event loops run the client
   * @param options key, base URL, timeouts, retries, limits
   * @return a new client; {@link #close()} it when done
   */
  static OpenRouterClient create(Vertx vertx, OpenRouterOptions options) {
    return new OpenRouterClientImpl(vertx, options);
  }

  /**
   * Sends a non-streaming chat completion.
   *
   * @return the response; fails with {@link OpenRouterException} on HTTP errors, errors inside a
   *     200 body (a top-level {@code error}, or a choice with {@code finish_reason: "error"}, whose
   *     partial text is kept), timeouts and transport failures (after retries)
   */
  Future<ChatResponse> chat(ChatRequest request);

  /**
   * Sends a chat completion like {@link #chat(ChatRequest)}, telling {@code listener} about every
   * HTTP attempt. The default implementation reports one attempt.
   */
  default Future<ChatResponse> chat(ChatRequest request, ExchangeListener listener) {
    listener.attemptStarted(1, "", -1, 0);
    return chat(request).onFailure(e -> listener.attemptFailed(e, false));
  }

  /**
   * Sends a streaming chat completion ({@code stream: true} is set by the client).
   *
   * @return the stream once 2xx response headers arrived; fails with {@link OpenRouterException}
   *     when the call fails before streaming starts (after retries; once the stream is returned it
   *     is never retried)
   */
  Future<ChatStream> stream(ChatRequest request);

  /**
   * Opens a streaming chat completion like {@link #stream(ChatRequest)}, telling {@code listener}
   * about every HTTP attempt. The default implementation reports one attempt.
   */
  default Future<ChatStream> stream(ChatRequest request, ExchangeListener listener) {
    listener.attemptStarted(1, "", -1, 0);
    return stream(request).onFailure(e -> listener.attemptFailed(e, false));
  }

  /**
   * Lists the model catalog ({@code GET /models}).
   *
   * @return the models; fails with {@link OpenRouterException}
   */
  Future<List<ModelInfo>> models();

  /**
   * Lists the models matching server-side filters ({@code GET /models?supported_parameters=...}).
   * The default implementation fails with {@link UnsupportedOperationException}.
   *
   * @return the matching models; fails with {@link OpenRouterException}
   */
  default Future<List<ModelInfo>> models(ModelsQuery query) {
    return Future.failedFuture(
        new UnsupportedOperationException("models(query) not supported: " + getClass()));
  }

  /**
   * Lists the provider endpoints of one model ({@code GET /models/{author}/{slug}/endpoints}):
   * per-provider pricing, uptime, latency, supported parameters and context length. The default
   * implementation fails with {@link UnsupportedOperationException}.
   *
   * @param model the model slug, {@code author/slug}
   * @return the endpoints; fails with {@link OpenRouterException} of kind {@code NOT_FOUND} for an
   *     unknown model
   * @throws IllegalArgumentException when {@code model} is not {@code author/slug}
   */
  default Future<ModelEndpoints> endpoints(String model) {
    return Future.failedFuture(
        new UnsupportedOperationException("endpoints(model) not supported: " + getClass()));
  }

  /**
   * Embeds texts ({@code POST /embeddings}). The default implementation fails with {@link
   * UnsupportedOperationException}.
   *
   * @return one vector per input, in {@link EmbeddingResponse#vectors() input order}; fails with
   *     {@link OpenRouterException} on HTTP errors, and of kind {@code INVALID_RESPONSE} when the
   *     answer has a different number of vectors than inputs or a vector larger than {@link
   *     EmbeddingRequest#MAX_DIMENSIONS}
   */
  default Future<EmbeddingResponse> embeddings(EmbeddingRequest request) {
    return Future.failedFuture(
        new UnsupportedOperationException("embeddings not supported: " + getClass()));
  }

  /**
   * Fetches the stats and cost of one generation ({@code GET /generation?id=}).
   *
   * @param id the generation id ({@link ChatResponse#id()} or {@link ChatStream#generationId()})
   * @return the generation; fails with {@link OpenRouterException} of kind {@code NOT_FOUND} when
   *     the record is not there yet (it can lag the completion by a few seconds)
   */
  Future<Generation> generation(String id);

  /**
   * Fetches information on the API key ({@code GET /key}).
   *
   * @return the key info; fails with {@link OpenRouterException}
   */
  Future<KeyInfo> key();

  /** Closes the client and its connections; calls made afterwards fail. */
  Future<Void> close();
}
