package dev.agentloop.tool.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.agentloop.internal.Generators;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.schema.SchemaValidator;
import dev.agentloop.schema.SchemaViolation;
import dev.agentloop.tool.Param;
import dev.agentloop.tool.Tool;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolSpec;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one {@link Tool} method and turns it into a {@link MethodTool}, or fails with the reason.
 */
final class ToolDeclarations {

  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
  private static final ObjectMapper MAPPER = JsonSchemas.objectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(Toolbox.class);

  private ToolDeclarations() {}

  /** Returns the exception for a bad declaration, in the house format. */
  static IllegalArgumentException error(Method method, String sentence) {
    return new IllegalArgumentException(
        sentence
            + "\n    for method "
            + method.getDeclaringClass().getSimpleName()
            + "."
            + method.getName());
  }

  static MethodTool analyze(Method method, @Nullable Object target, ToolboxSettings settings) {
    Tool tool = method.getAnnotation(Tool.class);
    String name = tool.name().isEmpty() ? method.getName() : tool.name();
    if (!NAME.matcher(name).matches()) {
      throw error(method, "Tool name `" + name + "` must match ^[a-zA-Z0-9_-]{1,64}$.");
    }
    if (tool.description().isBlank()) {
      throw error(
          method,
          "Tool `"
              + name
              + "` has no description; tell the model what it does"
              + " with @Tool(description = \"...\").");
    }
    if (!method.trySetAccessible()) {
      throw error(method, "Tool `" + name + "` is not accessible; make the method public.");
    }
    MethodTool.Mode mode = mode(method, tool);
    List<ParamBinding> bindings = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Parameter parameter : method.getParameters()) {
      ParamBinding binding = bind(method, parameter, bindings.size());
      if (binding.isArgument() && !names.add(binding.name())) {
        throw error(method, "Two parameters are named `" + binding.name() + "`.");
      }
      bindings.add(binding);
    }
    ObjectNode plain = ParameterSchemas.objectSchema(bindings);
    checkDefaults(method, plain, bindings);
    SchemaForm form;
    try {
      form = SchemaForm.of(plain, settings);
    } catch (IllegalArgumentException e) {
      throw error(
          method,
          "The parameters of tool `"
              + name
              + "` break a rule of SchemaDialect."
              + settings.dialect()
              + ": "
              + e.getMessage()
              + ".");
    }
    // A dropped strict mode changes what the provider enforces: say so. Rewrites that keep the
    // meaning (a format written as a pattern) are detail.
    for (String note : form.notes()) {
      if (note.startsWith(SchemaForm.NOT_STRICT)) {
        LOG.warn("tool `{}`: {}", name, note);
      } else {
        LOG.debug("tool `{}`: {}", name, note);
      }
    }
    ObjectNode schema = form.schema();
    boolean strict = form.strict();
    // Null leaves the timeout to the caller: the agent's tool timeout, or the toolbox fallback.
    @Nullable Duration timeout =
        tool.timeoutMillis() > 0
            ? Duration.ofMillis(tool.timeoutMillis())
            : settings.defaultTimeout();
    ToolSpec spec =
        new ToolSpec(
            name,
            tool.description(),
            schema,
            strict,
            timeout,
            tool.sequential(),
            tool.requiresApproval(),
            tool.idempotent());
    return new MethodTool(
        spec,
        method,
        target,
        List.copyOf(bindings),
        mode,
        voidLike(method),
        SchemaValidator.forArguments(schema));
  }

  /** Checks each default value against the constraints of its own parameter. */
  private static void checkDefaults(Method method, ObjectNode plain, List<ParamBinding> bindings) {
    ObjectNode open = plain.deepCopy();
    open.remove("required");
    SchemaValidator validator = null;
    for (ParamBinding binding : bindings) {
      if (binding.defaultValue() == null) {
        continue;
      }
      if (validator == null) {
        validator = SchemaValidator.forArguments(open);
      }
      ObjectNode instance = MAPPER.createObjectNode().set(binding.name(), binding.defaultValue());
      List<SchemaViolation> violations = validator.validate(instance);
      if (!violations.isEmpty()) {
        throw error(
            method,
            "The default value `"
                + binding.defaultValue()
                + "` of parameter `"
                + binding.name()
                + "` breaks its own schema: "
                + SchemaValidator.describe(violations)
                + ".");
      }
    }
  }

  private static MethodTool.Mode mode(Method method, Tool tool) {
    Class<?> returnType = method.getReturnType();
    boolean future = Future.class.isAssignableFrom(returnType);
    boolean stage = CompletionStage.class.isAssignableFrom(returnType);
    if ((future || stage) && !(method.getGenericReturnType() instanceof ParameterizedType)) {
      throw error(
          method,
          "The return type "
              + returnType.getSimpleName()
              + " has no type argument;"
              + " declare what it completes with, e.g. "
              + returnType.getSimpleName()
              + "<String>.");
    }
    if (future) {
      return MethodTool.Mode.FUTURE;
    }
    if (stage) {
      return MethodTool.Mode.COMPLETION_STAGE;
    }
    return tool.nonBlocking() ? MethodTool.Mode.NON_BLOCKING : MethodTool.Mode.BLOCKING;
  }

  private static boolean voidLike(Method method) {
    Type type = method.getGenericReturnType();
    if (type instanceof ParameterizedType parameterized
        && (parameterized.getRawType() == Future.class
            || parameterized.getRawType() == CompletionStage.class)) {
      type = parameterized.getActualTypeArguments()[0];
    }
    return type == void.class || type == Void.class;
  }

  private static ParamBinding bind(Method method, Parameter parameter, int index) {
    Class<?> raw = parameter.getType();
    if (raw == ToolContext.class) {
      return new ParamBinding(
          ParamBinding.Kind.TOOL_CONTEXT, parameter, "", "", null, null, false, false, null);
    }
    if (raw == Vertx.class) {
      return new ParamBinding(
          ParamBinding.Kind.VERTX, parameter, "", "", null, null, false, false, null);
    }
    Param param = parameter.getAnnotation(Param.class);
    String name = param != null && !param.name().isEmpty() ? param.name() : null;
    if (name == null) {
      if (!parameter.isNamePresent()) {
        throw error(
            method,
            "Parameter "
                + index
                + " ("
                + raw.getSimpleName()
                + ") has no name;"
                + " compile with -parameters or add @Param(name = \"...\").");
      }
      name = parameter.getName();
    }
    Type type = parameter.getParameterizedType();
    String problem = TypeChecks.problem(type);
    if (problem != null) {
      throw error(method, "Parameter `" + name + "` has an unsupported type: it " + problem + ".");
    }
    boolean optionalType = Generators.isOptionalType(raw);
    Type schemaType = type;
    if (raw == java.util.Optional.class) {
      schemaType = ((ParameterizedType) type).getActualTypeArguments()[0];
    } else if (optionalType) {
      schemaType =
          raw == java.util.OptionalInt.class
              ? int.class
              : raw == java.util.OptionalLong.class ? long.class : double.class;
    }
    JavaType javaType = MAPPER.getTypeFactory().constructType(type);
    String text = param == null ? Param.NO_DEFAULT : param.defaultValue();
    JsonNode defaultValue =
        text.equals(Param.NO_DEFAULT) ? null : parseDefault(method, name, text, javaType);
    boolean required = (param == null || param.required()) && !optionalType && defaultValue == null;
    if (!required && raw.isPrimitive() && defaultValue == null) {
      throw error(
          method,
          "Parameter `"
              + name
              + "` is optional but its type "
              + raw.getName()
              + " cannot be absent; use "
              + boxed(raw)
              + ", an Optional or a default value.");
    }
    String description = param == null ? "" : param.description();
    return new ParamBinding(
        ParamBinding.Kind.ARGUMENT,
        parameter,
        name,
        description,
        javaType,
        schemaType,
        required,
        optionalType,
        defaultValue);
  }

  private static JsonNode parseDefault(Method method, String name, String text, JavaType type) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
      // An empty text reads as a missing node; it means the empty string, handled below.
      if (node != null && !node.isMissingNode()) {
        MAPPER.treeToValue(node, type);
        return node;
      }
      node = TextNode.valueOf(text);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // A bare word is the natural way to write a string or enum default: "celsius".
      node = TextNode.valueOf(text);
    }
    try {
      MAPPER.treeToValue(node, type);
      return node;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String reason =
          e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
      throw error(
          method,
          "The default value `"
              + text
              + "` of parameter `"
              + name
              + "` is not a valid "
              + type.getRawClass().getSimpleName()
              + ": "
              + reason);
    }
  }

  private static String boxed(Class<?> primitive) {
    return MAPPER.getTypeFactory().constructType(primitive).isPrimitive()
        ? com.fasterxml.jackson.databind.util.ClassUtil.wrapperType(primitive).getSimpleName()
        : primitive.getSimpleName();
  }
}
