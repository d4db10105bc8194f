package dev.agentloop.memory;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import java.util.List;
import java.util.Objects;

/**
 * Counts tokens of messages with a jtokkit encoding. Counts are estimates: OpenRouter bills with
 * each model's native tokenizer, but {@code cl100k_base} and {@code o200k_base} are close enough
 * to keep a conversation inside a context window. Thread-safe.
 */
public final class TokenCounter {

  /** Tokens added per message for role and framing (OpenAI's chat format overhead). */
  public static final int PER_MESSAGE_OVERHEAD = 3;

  // Loading a BPE table costs tens of milliseconds; share one lazily filled registry.
  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

  private final Encoding encoding;

  private TokenCounter(Encoding encoding) {
    this.encoding = encoding;
  }

  /** Returns a counter using {@code cl100k_base} (GPT-4, GPT-3.5 and many open models). */
  public static TokenCounter cl100k() {
    return of(EncodingType.CL100K_BASE);
  }

  /** Returns a counter using {@code o200k_base} (GPT-4o and later). */
  public static TokenCounter o200k() {
    return of(EncodingType.O200K_BASE);
  }

  /** Returns a counter using the given encoding. */
  public static TokenCounter of(EncodingType type) {
    return new TokenCounter(REGISTRY.getEncoding(Objects.requireNonNull(type, "type == null")));
  }

  /** Counts the tokens of a text. */
  public int count(String text) {
    return encoding.countTokensOrdinary(text);
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
}
