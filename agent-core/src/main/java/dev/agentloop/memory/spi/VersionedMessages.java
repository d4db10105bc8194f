package dev.agentloop.memory.spi;

import dev.agentloop.openrouter.Message;
import java.util.List;

/**
 * A conversation's messages as read at one version. The version increases with every append and
 * clear, so a writer that read version {@code v} can append only if no one wrote since.
 *
 * @param messages the messages, oldest first
 * @param version the conversation's version when read; 0 for a conversation never written
 */
public record VersionedMessages(List<Message> messages, long version) {

  /** Copies the messages. */
  public VersionedMessages {
    messages = List.copyOf(messages);
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0: " + version);
    }
  }
}
