package dev.agentloop.tool.impl;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * How one Java parameter gets its value: from a named JSON argument, or injected.
 *
 * @param kind where the value comes from
 * @param parameter the reflective parameter
 * @param name the argument name in the schema (empty for injected ones)
 * @param description the argument description for the model
 * @param javaType the full Java type to bind to (Optional included)
 * @param schemaType the type the schema describes (Optional unwrapped)
 * @param required whether the model must send it
 * @param optionalType whether the Java type is an Optional (absent becomes empty)
 * @param defaultValue the value used when the argument is absent or null
 */
record ParamBinding(
    Kind kind,
    Parameter parameter,
    String name,
    String description,
    @Nullable JavaType javaType,
    @Nullable Type schemaType,
    boolean required,
    boolean optionalType,
    @Nullable JsonNode defaultValue) {

  /** Where a parameter's value comes from. */
  enum Kind {
    ARGUMENT,
    TOOL_CONTEXT,
    VERTX
  }

  boolean isArgument() {
    return kind == Kind.ARGUMENT;
  }
}
