package dev.agentloop.tool;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one tool call: the text sent back to the model as the tool message, and whether
 * (and how) the call failed. Tool failures are data, not exceptions: the model reads the error text
 * and can correct itself.
 *
 * @param toolCallId the id of the call this answers
 * @param name the tool name the model asked for
 * @param content the tool message text (the result, or the error message for the model)
 * @param error the kind of failure, or null on success
 * @param duration how long the call took
 */
public record ToolResult(
    String toolCallId, String name, String content, @Nullable ErrorKind error, Duration duration) {

  /** Why a call failed. Argument errors and the tool's own failures are kept apart. */
  public enum ErrorKind {
    /** The model named a tool that does not exist. */
    UNKNOWN_TOOL,
    /** The arguments were malformed JSON, not an object, or violated the schema. */
    INVALID_ARGUMENTS,
    /** The tool itself threw or returned a failed future. */
    EXECUTION,
    /** The tool did not finish within its timeout. */
    TIMEOUT,
    /** The call was refused before running (approval rejected, loop guard, call limit). */
    REJECTED,
    /** The run was cancelled while the tool ran. */
    CANCELLED
  }

  /** Validates the components. */
  public ToolResult {
    Objects.requireNonNull(toolCallId, "toolCallId == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(content, "content == null");
    Objects.requireNonNull(duration, "duration == null");
  }

  /** A successful result. */
  public static ToolResult success(
      String toolCallId, String name, String content, Duration duration) {
    return new ToolResult(toolCallId, name, content, null, duration);
  }

  /** A failed result whose content is the message the model will read. */
  public static ToolResult error(
      String toolCallId, String name, ErrorKind kind, String message, Duration duration) {
    return new ToolResult(
        toolCallId, name, message, Objects.requireNonNull(kind, "kind == null"), duration);
  }

  /** Returns {@code true} when the call failed. */
  public boolean isError() {
    return error != null;
  }
}
