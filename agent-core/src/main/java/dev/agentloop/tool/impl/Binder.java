package dev.agentloop.tool.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.tool.ToolContext;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** Binds validated JSON arguments (and injected values) to a tool method's parameters. */
final class Binder {

  private static final ObjectMapper MAPPER = JsonSchemas.objectMapper();

  private Binder() {}

  /**
   * Returns the Java arguments.
   *
   * @throws IllegalArgumentException if a value that passed the schema still cannot be read as its
   *     Java type; the message names the argument
   */
  static @Nullable Object[] bind(MethodTool tool, ObjectNode arguments, ToolContext context) {
    @Nullable Object[] values = new Object[tool.bindings().size()];
    for (int i = 0; i < values.length; i++) {
      ParamBinding binding = tool.bindings().get(i);
      values[i] =
          switch (binding.kind()) {
            case TOOL_CONTEXT -> context;
            case VERTX -> context.vertx();
            case ARGUMENT -> argument(binding, arguments.get(binding.name()));
          };
    }
    return values;
  }

  private static @Nullable Object argument(ParamBinding binding, @Nullable JsonNode value) {
    if (value == null || value.isNull()) {
      value = binding.defaultValue();
    }
    if (value == null) {
      return binding.optionalType() ? empty(binding.parameter().getType()) : null;
    }
    try {
      return MAPPER.treeToValue(value, Objects.requireNonNull(binding.javaType()));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String reason =
          e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
      throw new IllegalArgumentException(
          "argument `"
              + binding.name()
              + "` could not be read as "
              + binding.javaType().getRawClass().getSimpleName()
              + ": "
              + reason);
    }
  }

  private static Object empty(Class<?> type) {
    if (type == OptionalInt.class) {
      return OptionalInt.empty();
    }
    if (type == OptionalLong.class) {
      return OptionalLong.empty();
    }
    if (type == OptionalDouble.class) {
      return OptionalDouble.empty();
    }
    return Optional.empty();
  }
}
