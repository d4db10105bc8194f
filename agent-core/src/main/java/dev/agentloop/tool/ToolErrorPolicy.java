package dev.agentloop.tool;

import java.util.Objects;

/**
 * Decides what the model reads when a tool throws (or its future fails). Whatever it answers, the
 * toolbox also logs the failure at WARN with its stack trace; a policy only shapes the message.
 */
@FunctionalInterface
public interface ToolErrorPolicy {

  /**
   * Returns the text sent to the model for a failed call.
   *
   * @param tool the tool that failed
   * @param failure the exception, unwrapped from reflection and completion wrappers
   * @return the tool message content; never a stack trace
   */
  String describe(ToolSpec tool, Throwable failure);

  /**
   * Returns the default policy: the exception's simple type name and message, such as {@code
   * IllegalStateException: disk full} (just the type name when there is no message).
   */
  static ToolErrorPolicy detailed() {
    return (tool, failure) -> {
      String name = failure.getClass().getSimpleName();
      String message = failure.getMessage();
      return message == null || message.isBlank() ? name : name + ": " + message;
    };
  }

  /**
   * Returns a policy that discloses nothing about the failure, for tools whose exceptions may carry
   * secrets: {@code tool `x` failed with an internal error; try a different approach}.
   */
  static ToolErrorPolicy redacted() {
    return (tool, failure) ->
        "tool `" + tool.name() + "` failed with an internal error; try a different approach";
  }

  /** Returns a policy that always answers {@code message}. */
  static ToolErrorPolicy fixed(String message) {
    Objects.requireNonNull(message, "message == null");
    return (tool, failure) -> message;
  }
}
