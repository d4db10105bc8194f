package dev.agentloop.memory.impl;

import dev.agentloop.memory.TokenCounter;
import dev.agentloop.openrouter.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Trims a conversation to a token budget. System (and developer) messages always stay. The rest is
 * cut into groups, each starting at a non-tool message and running until the next one, so an
 * assistant message with {@code tool_calls} and the tool messages answering it form one group.
 * Whole groups are dropped, oldest first, until the rest fits.
 */
public final class Trimmer {

  private Trimmer() {}

  /** Returns the messages that fit in {@code maxTokens}, in their original order. */
  public static List<Message> trim(List<Message> messages, TokenCounter counter, int maxTokens) {
    List<List<Message>> groups = new ArrayList<>();
    List<Message> pinned = new ArrayList<>();
    int total = 0;
    for (Message m : messages) {
      total += counter.count(m);
      if (isPinned(m)) {
        pinned.add(m);
      } else if (m.role().equals("tool") && !groups.isEmpty()) {
        groups.get(groups.size() - 1).add(m);
      } else {
        List<Message> group = new ArrayList<>();
        group.add(m);
        groups.add(group);
      }
    }
    if (total <= maxTokens) {
      return List.copyOf(messages);
    }
    int first = 0;
    while (total > maxTokens && first < groups.size()) {
      total -= counter.count(groups.get(first));
      first++;
    }
    Set<Message> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    for (List<Message> g : groups.subList(first, groups.size())) {
      kept.addAll(g);
    }
    // Keep the original position of pinned messages relative to kept ones.
    List<Message> result = new ArrayList<>(pinned.size() + kept.size());
    for (Message m : messages) {
      if (isPinned(m) || kept.contains(m)) {
        result.add(m);
      }
    }
    return List.copyOf(result);
  }

  private static boolean isPinned(Message m) {
    return m.role().equals("system") || m.role().equals("developer");
  }
}
