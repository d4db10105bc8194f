package dev.agentloop.agent;

import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.ToolResult;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One tool call of a step and its outcome.
 *
 * @param call the call as the model wrote it
 * @param result the outcome sent back to the model (success or error)
 */
public record ToolExecution(ToolCall call, ToolResult result) {

  /** Validates the components. */
  public ToolExecution {
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(result, "result == null");
  }

  /** The tool name the model asked for. */
  public String name() {
    return result.name();
  }

  /** The arguments as the model wrote them (a JSON text, possibly malformed). */
  public @Nullable String arguments() {
    return call.function().arguments();
  }

  /** Whether the call failed or was refused. */
  public boolean isError() {
    return result.isError();
  }

  /** How long the call took. */
  public Duration duration() {
    return result.duration();
  }
}
