package dev.agentloop.tool;

import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.ToolDefinition;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * An immutable set of tools, built once and shared by any number of concurrent runs.
 *
 * <p>{@link #invoke} never fails its future for a tool problem: unknown tools, bad arguments,
 * exceptions and timeouts all complete it with an error {@link ToolResult} whose text the model
 * can act on.
 */
public interface Toolbox {

  /** The tools, in registration order. */
  List<ToolSpec> specs();

  /** The definitions to send in a request's {@code tools}, in registration order. */
  List<ToolDefinition> definitions();

  /** Finds a tool by name. */
  Optional<ToolSpec> find(String name);

  /**
   * Validates the call's arguments against the tool's schema, binds them and invokes the tool.
   *
   * @param call the tool call as the model wrote it
   * @param context the run's context (injected into tools that ask for it)
   * @return the result; never a failed future for tool-level problems
   */
  Future<ToolResult> invoke(ToolCall call, ToolContext context);
}
