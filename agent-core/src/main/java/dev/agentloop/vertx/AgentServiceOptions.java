package dev.agentloop.vertx;

import io.vertx.core.json.JsonObject;

/**
 * Configuration of an {@link AgentService}: how many server-side conversations it keeps and how
 * large each may grow. Options objects are copied by the components that receive them.
 */
public final class AgentServiceOptions {

  /** Default number of conversations kept; the least recently used is dropped beyond it. */
  public static final int DEFAULT_MAX_CONVERSATIONS = 1000;

  /** Default token budget of one conversation's memory. */
  public static final int DEFAULT_MEMORY_MAX_TOKENS = 16_000;

  private int maxConversations = DEFAULT_MAX_CONVERSATIONS;
  private int memoryMaxTokens = DEFAULT_MEMORY_MAX_TOKENS;

  /** Creates options with the defaults. */
  public AgentServiceOptions() {}

  /** Creates a copy of other options. */
  public AgentServiceOptions(AgentServiceOptions other) {
    maxConversations = other.maxConversations;
    memoryMaxTokens = other.memoryMaxTokens;
  }

  /**
   * Creates options from JSON: {@code maxConversations}, {@code memoryMaxTokens}.
   *
   * @throws IllegalArgumentException when a value is invalid
   */
  public AgentServiceOptions(JsonObject json) {
    setMaxConversations(json.getInteger("maxConversations", DEFAULT_MAX_CONVERSATIONS));
    setMemoryMaxTokens(json.getInteger("memoryMaxTokens", DEFAULT_MEMORY_MAX_TOKENS));
  }

  /** Returns the JSON form. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("maxConversations", maxConversations)
        .put("memoryMaxTokens", memoryMaxTokens);
  }

  /** The number of conversations kept. */
  public int getMaxConversations() {
    return maxConversations;
  }

  /**
   * Sets the number of conversations kept; beyond it the least recently used one is forgotten.
   *
   * @throws IllegalArgumentException when not positive
   */
  public AgentServiceOptions setMaxConversations(int maxConversations) {
    if (maxConversations <= 0) {
      throw new IllegalArgumentException("maxConversations must be > 0: " + maxConversations);
    }
    this.maxConversations = maxConversations;
    return this;
  }

  /** The token budget of one conversation's memory. */
  public int getMemoryMaxTokens() {
    return memoryMaxTokens;
  }

  /**
   * Sets the token budget of one conversation's memory; older turns are trimmed beyond it.
   *
   * @throws IllegalArgumentException when not positive
   */
  public AgentServiceOptions setMemoryMaxTokens(int memoryMaxTokens) {
    if (memoryMaxTokens <= 0) {
      throw new IllegalArgumentException("memoryMaxTokens must be > 0: " + memoryMaxTokens);
    }
    this.memoryMaxTokens = memoryMaxTokens;
    return this;
  }
}
