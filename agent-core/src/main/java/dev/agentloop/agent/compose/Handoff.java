package dev.agentloop.agent.compose;

import dev.agentloop.agent.Agent;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One agent a conversation may be handed to. The model sees it as a tool named {@code
 * transfer_to_<name>} without arguments; calling it makes the target answer from the next step on,
 * with its instructions, tools and model, keeping the transcript.
 *
 * @param name the target's name (letters, digits, {@code _} or {@code -}; at most 52)
 * @param description what the target is for, shown to the model in the tool's description
 * @param target the target agent; a supplier, so that agents may hand off to each other
 */
public record Handoff(String name, String description, Supplier<Agent> target) {

  /** The prefix of transfer tool names. */
  public static final String TOOL_PREFIX = "transfer_to_";

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,52}");

  /** Validates the components. */
  public Handoff {
    Objects.requireNonNull(name, "name == null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a handoff name must be 1 to 52 letters, digits, _ or -: " + name);
    }
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(target, "target == null");
  }

  /**
   * Returns a handoff to {@code target}, named after its {@link
   * dev.agentloop.agent.AgentOptions#getName() name}.
   *
   * @throws IllegalArgumentException when the target has no name
   */
  public static Handoff to(Agent target, String description) {
    String name = target.options().getName();
    if (name == null) {
      throw new IllegalArgumentException("a handoff target needs a name: set AgentOptions.setName");
    }
    return new Handoff(name, description, () -> target);
  }

  /** The name of the transfer tool the model calls. */
  public String toolName() {
    return TOOL_PREFIX + name;
  }
}
