package dev.agentloop.examples;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * An example agent the CLI can run: its instructions and tools, and the scripted model that stands
 * in for a real one offline. Implementations are small recipes; read them.
 */
public interface Example {

  /** The name used on the command line, e.g. {@code weather}. */
  String name();

  /** One line saying what the example shows. */
  String description();

  /**
   * Returns the agent's instructions and tools; the CLI adds the model and limits.
   *
   * @param context the command line's settings and a place to register resources to close
   */
  AgentOptions agent(ExampleContext context);

  /**
   * Answers one chat request offline, like a model would, from what the request contains (the
   * user's words, the tool results). Called on an event loop: it must not block.
   *
   * @throws UnsupportedOperationException when the example {@link #needsNetwork() needs the
   *     network}
   */
  MockResponse simulate(RecordedRequest request);

  /** Whether the example needs a real model and the network, and so cannot run offline. */
  default boolean needsNetwork() {
    return false;
  }

  /** The Java type of a structured answer, or null for a text answer. */
  default @Nullable Class<?> outputType() {
    return null;
  }
}
