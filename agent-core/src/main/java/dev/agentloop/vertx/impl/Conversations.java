package dev.agentloop.vertx.impl;

import dev.agentloop.agent.Agent;
import dev.agentloop.internal.InMemoryMessageStore;
import dev.agentloop.memory.ConversationMemory;
import dev.agentloop.memory.TokenCounter;
import dev.agentloop.memory.spi.ConversationStore;
import dev.agentloop.run.LeasedRunStore;
import dev.agentloop.run.RunStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Server-side conversations by id. An agent whose run store also keeps conversations (the JDBC
 * stores) keeps them there, so they survive a restart and continue on any node sharing the store;
 * otherwise they live in a bounded in-memory store (beyond {@code max} the least recently used one
 * is forgotten). Each run gets its own memory with a conditional append, so two runs continuing one
 * conversation cannot interleave their turns. Thread-safe.
 */
public final class Conversations {

  private final int memoryMaxTokens;
  private final TokenCounter counter;
  private final ConversationStore local;

  /** Creates a store keeping at most {@code max} conversations of {@code memoryMaxTokens} each. */
  public Conversations(int max, int memoryMaxTokens) {
    this.memoryMaxTokens = memoryMaxTokens;
    // Cheap: the shared counter reads its table on a worker at the first messages() of a memory.
    this.counter = TokenCounter.o200k();
    this.local = ConversationStore.inMemory(max);
  }

  /** Returns a memory for one run of the agent over the conversation with this id. */
  public ConversationMemory get(Agent agent, String id) {
    RunStore runs = agent.options().getRunStore();
    if (runs instanceof LeasedRunStore leased) {
      runs = leased.delegate();
    }
    ConversationStore store = runs instanceof ConversationStore shared ? shared : local;
    return ConversationMemory.forRun(store.conversation(key(id)), counter, memoryMaxTokens);
  }

  /** The id itself, or a digest of it when it is longer than a store accepts (a long caller). */
  private static String key(String id) {
    if (id.length() <= ConversationStore.MAX_ID_LENGTH) {
      return id;
    }
    try {
      return "sha256:"
          + HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Returns a new conversation that is not kept. */
  public ConversationMemory fresh() {
    return ConversationMemory.create(new InMemoryMessageStore(), counter, memoryMaxTokens);
  }
}
