package dev.agentloop.agent.impl;

import dev.agentloop.agent.RunRequest;
import dev.agentloop.internal.Json;
import dev.agentloop.run.JournalRecord;
import org.jspecify.annotations.Nullable;

/**
 * The structured output of a resumed run, from its {@code run_started} record: a resumed typed run
 * validates and binds its answer like the original, instead of finishing as text.
 */
final class ResumedOutput {

  private ResumedOutput() {}

  /** The name of the request's output type, as journaled, or null. */
  static @Nullable String typeName(RunRequest request) {
    return request.outputType() == null ? null : request.outputType().getTypeName();
  }

  /** The request's explicit output schema as JSON text, as journaled, or null. */
  static @Nullable String schemaText(RunRequest request) {
    return request.outputSchema() == null ? null : request.outputSchema().toString();
  }

  /**
   * Sets the journaled output type or schema on the request.
   *
   * @throws IllegalStateException when the journaled output type cannot be loaded here (a class
   *     missing from this process, or a parameterized type, which is not journaled in a loadable
   *     form)
   */
  static RunRequest.Builder restore(RunRequest.Builder request, JournalRecord.RunStarted started) {
    if (started.outputSchema() != null) {
      return request.outputSchema(Json.parse(started.outputSchema()));
    }
    String name = started.outputType();
    if (name == null) {
      return request;
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      return request.output(
          Class.forName(
              name, false, loader != null ? loader : ResumedOutput.class.getClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "the run's output type cannot be loaded in this process: "
              + name
              + " (a class on the class path is needed to resume a typed run)",
          e);
    }
  }
}
