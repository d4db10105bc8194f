package dev.agentloop.agent.compose;

import dev.agentloop.openrouter.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The agents an agent may hand the conversation to ({@link
 * dev.agentloop.agent.AgentOptions#setHandoffs}), how often a run may hand off, and an optional
 * filter of the transcript the target receives.
 *
 * <pre>{@code
 * new AgentOptions().setName("triage").setHandoffs(new HandoffOptions()
 *     .add(Handoff.to(weatherAgent, "Weather questions"))
 *     .add(Handoff.to(mathsAgent, "Arithmetic"))
 *     .setMaxHandoffs(3));
 * }</pre>
 *
 * <p>The cap counts every handoff of a run, whichever agent asks: a cycle A→B→A→… stops with {@link
 * dev.agentloop.agent.StopReason#HANDOFF_LIMIT} once the run's cap (that of the agent the run
 * started with) is passed. The run keeps its own limits (iterations, budgets, deadline) and client.
 */
public final class HandoffOptions {

  /** The default number of handoffs one run may make: 5. */
  public static final int DEFAULT_MAX_HANDOFFS = 5;

  private final List<Handoff> targets = new ArrayList<>();
  private int maxHandoffs = DEFAULT_MAX_HANDOFFS;
  private @Nullable UnaryOperator<List<Message>> filter;

  /** Creates options without targets. */
  public HandoffOptions() {}

  /** Copies other options. */
  public HandoffOptions(HandoffOptions other) {
    targets.addAll(other.targets);
    maxHandoffs = other.maxHandoffs;
    filter = other.filter;
  }

  /**
   * Adds a target.
   *
   * @throws IllegalArgumentException when a target of that name was added already
   */
  public HandoffOptions add(Handoff handoff) {
    Objects.requireNonNull(handoff, "handoff == null");
    for (Handoff h : targets) {
      if (h.name().equals(handoff.name())) {
        throw new IllegalArgumentException("handoff names must be unique: " + handoff.name());
      }
    }
    targets.add(handoff);
    return this;
  }

  /** The targets, in order. */
  public List<Handoff> getTargets() {
    return List.copyOf(targets);
  }

  /** How many handoffs one run may make. */
  public int getMaxHandoffs() {
    return maxHandoffs;
  }

  /** Sets how many handoffs one run may make (default {@value #DEFAULT_MAX_HANDOFFS}). */
  public HandoffOptions setMaxHandoffs(int maxHandoffs) {
    if (maxHandoffs < 0) {
      throw new IllegalArgumentException("maxHandoffs must be >= 0: " + maxHandoffs);
    }
    this.maxHandoffs = maxHandoffs;
    return this;
  }

  /**
   * Returns a filter that drops the transfer exchanges (assistant messages that only call {@code
   * transfer_to_*} tools, and their tool replies), so the target sees the conversation as if it had
   * been asked directly.
   */
  public static UnaryOperator<List<Message>> withoutTransfers() {
    return messages -> {
      List<Message> kept = new ArrayList<>();
      Set<String> dropped = new HashSet<>();
      for (Message m : messages) {
        if (m.hasToolCalls()
            && m.toolCalls().stream()
                .allMatch(
                    c ->
                        c.function().name() != null
                            && c.function().name().startsWith(Handoff.TOOL_PREFIX))) {
          m.toolCalls().forEach(c -> dropped.add(c.id()));
        } else if (!("tool".equals(m.role()) && dropped.contains(m.toolCallId()))) {
          kept.add(m);
        }
      }
      return kept;
    };
  }

  /** The transcript filter applied at each handoff, or null to keep the whole transcript. */
  public @Nullable UnaryOperator<List<Message>> getFilter() {
    return filter;
  }

  /**
   * Sets a filter of the transcript (without its system message) handed to the target, e.g. to drop
   * tool messages; the target's instructions are put in front of what it returns.
   */
  public HandoffOptions setFilter(@Nullable UnaryOperator<List<Message>> filter) {
    this.filter = filter;
    return this;
  }
}
