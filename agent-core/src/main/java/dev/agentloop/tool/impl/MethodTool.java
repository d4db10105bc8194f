package dev.agentloop.tool.impl;

import dev.agentloop.schema.SchemaValidator;
import dev.agentloop.tool.ToolSpec;
import java.lang.reflect.Method;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One checked tool: its spec, the method and target to call, the parameter bindings, how to run it,
 * and the validator for the exact schema that is sent.
 *
 * @param spec what the model sees
 * @param method the method
 * @param target the instance, or null for a static method
 * @param bindings one per Java parameter, in order
 * @param mode how the method is run
 * @param voidLike whether a null result means "done" ({@code void}, {@code Void}, {@code
 *     Future<Void>})
 * @param validator validates the arguments against {@code spec.parameters()}
 */
record MethodTool(
    ToolSpec spec,
    Method method,
    @Nullable Object target,
    List<ParamBinding> bindings,
    Mode mode,
    boolean voidLike,
    SchemaValidator validator) {

  /** How a tool method is run. */
  enum Mode {
    /** Returns a Vert.x Future; runs on the event loop. */
    FUTURE,
    /** Returns a CompletionStage; runs on the event loop. */
    COMPLETION_STAGE,
    /** A plain method; runs on a worker (or virtual) thread. */
    BLOCKING,
    /** A plain method marked non-blocking; runs on the event loop. */
    NON_BLOCKING
  }

  /** The tool name. */
  String name() {
    return spec.name();
  }
}
