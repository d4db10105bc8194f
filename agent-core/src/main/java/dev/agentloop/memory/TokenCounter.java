package dev.agentloop.memory;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Counts tokens of messages with a jtokkit encoding. Counts are estimates: OpenRouter bills with
 * each model's native tokenizer, but {@code cl100k_base} and {@code o200k_base} are close enough to
 * keep a conversation inside a context window. Thread-safe.
 *
 * <p>Getting a counter is cheap; its encoding table (megabytes of BPE ranks, seconds to read on a
 * loaded machine) is read on first use, once per encoding and JVM. Reading it must not happen on an
 * event loop: {@link #load()} reads it on a worker thread there, and {@link
 * ConversationMemory#messages()} calls it before counting. The {@code count} methods read the table
 * on the calling thread if it is not loaded yet, so on an event loop call them only after {@link
 * #load()} has completed:
 *
 * <pre>{@code
 * TokenCounter.o200k().load().map(counter -> counter.count(prompt));
 * }</pre>
 */
public final class TokenCounter {

  /** Tokens added per message for role and framing (OpenAI's chat format overhead). */
  public static final int PER_MESSAGE_OVERHEAD = 3;

  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
  // One counter per encoding, so that a table loaded once is seen as loaded by every user.
  private static final Map<EncodingType, TokenCounter> SHARED = new ConcurrentHashMap<>();

  private final String encodingName;
  private final Supplier<Encoding> loader;
  private volatile @Nullable Encoding encoding;

  /** Creates a counter whose encoding {@code loader} reads on first use; tests slow it down. */
  TokenCounter(String encodingName, Supplier<Encoding> loader) {
    this.encodingName = encodingName;
    this.loader = loader;
  }

  /** Returns the counter for {@code cl100k_base} (GPT-4, GPT-3.5 and many open models). */
  public static TokenCounter cl100k() {
    return of(EncodingType.CL100K_BASE);
  }

  /** Returns the counter for {@code o200k_base} (GPT-4o and later). */
  public static TokenCounter o200k() {
    return of(EncodingType.O200K_BASE);
  }

  /** Returns the counter for the given encoding; its table is read later (see {@link #load()}). */
  public static TokenCounter of(EncodingType type) {
    Objects.requireNonNull(type, "type == null");
    return SHARED.computeIfAbsent(
        type, t -> new TokenCounter(t.getName(), () -> REGISTRY.getEncoding(t)));
  }

  /** Returns whether the encoding table is loaded, so that counting never reads it. */
  public boolean isLoaded() {
    return encoding != null;
  }

  /**
   * Loads the encoding table without blocking an event loop. On an event-loop thread the table is
   * read on a worker thread and the future completes on the caller's context; on any other thread
   * (worker, virtual thread, plain thread) it is read right away. Once loaded, it completes at
   * once.
   *
   * @return this counter once its table is loaded; fails when the table cannot be read
   */
  public Future<TokenCounter> load() {
    if (encoding != null) {
      return Future.succeededFuture(this);
    }
    Context context = Vertx.currentContext();
    if (context != null && Context.isOnEventLoopThread()) {
      // Unordered: concurrent first users must not queue behind each other's worker tasks.
      return context.executeBlocking(
          () -> {
            encoding();
            return this;
          },
          false);
    }
    try {
      encoding();
      return Future.succeededFuture(this);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** Counts the tokens of a text; reads the encoding table first if not {@link #isLoaded()}. */
  public int count(String text) {
    return encoding().countTokensOrdinary(text);
  }

  /** Counts the tokens of one message: text, tool calls, tool call id and framing overhead. */
  public int count(Message message) {
    int n = PER_MESSAGE_OVERHEAD + count(message.role());
    String text = message.text();
    if (text != null) {
      n += count(text);
    }
    if (message.toolCalls() != null) {
      for (ToolCall call : message.toolCalls()) {
        String name = call.function().name();
        String args = call.function().arguments();
        n += PER_MESSAGE_OVERHEAD + count(call.id());
        n += name == null ? 0 : count(name);
        n += args == null ? 0 : count(args);
      }
    }
    if (message.toolCallId() != null) {
      n += count(message.toolCallId());
    }
    if (message.reasoning() != null) {
      n += count(message.reasoning());
    }
    return n;
  }

  /** Counts the tokens of messages. */
  public int count(List<Message> messages) {
    int n = 0;
    for (Message m : messages) {
      n += count(m);
    }
    return n;
  }

  @Override
  public String toString() {
    return "TokenCounter[" + encodingName + (isLoaded() ? "" : ", not loaded") + "]";
  }

  private Encoding encoding() {
    Encoding e = encoding;
    if (e == null) {
      synchronized (this) {
        e = encoding;
        if (e == null) {
          e = Objects.requireNonNull(loader.get(), "encoding loader returned null");
          encoding = e;
        }
      }
    }
    return e;
  }
}
