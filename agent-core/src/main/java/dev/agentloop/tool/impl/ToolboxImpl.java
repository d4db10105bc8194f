package dev.agentloop.tool.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.internal.Contexts;
import dev.agentloop.internal.ToolCalls;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.ToolDefinition;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.schema.SchemaValidator;
import dev.agentloop.schema.SchemaViolation;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolErrorPolicy;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolResult.ErrorKind;
import dev.agentloop.tool.ToolSpec;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An immutable set of checked tools; thread-safe, shared by concurrent runs. */
final class ToolboxImpl implements Toolbox {

  private static final Logger LOG = LoggerFactory.getLogger(Toolbox.class);
  private static final ObjectMapper MAPPER = JsonSchemas.objectMapper();

  private final Map<String, MethodTool> tools = new LinkedHashMap<>();
  private final List<ToolSpec> specs;
  private final List<ToolDefinition> definitions;
  private final ToolboxSettings settings;

  ToolboxImpl(List<MethodTool> tools, ToolboxSettings settings) {
    tools.forEach(tool -> this.tools.put(tool.name(), tool));
    this.specs = tools.stream().map(MethodTool::spec).toList();
    this.definitions = specs.stream().map(ToolSpec::definition).toList();
    this.settings = settings;
  }

  @Override
  public List<ToolSpec> specs() {
    return specs;
  }

  @Override
  public List<ToolDefinition> definitions() {
    return definitions;
  }

  @Override
  public Optional<ToolSpec> find(String name) {
    MethodTool tool = tools.get(name);
    return tool == null ? Optional.empty() : Optional.of(tool.spec());
  }

  @Override
  public ToolErrorPolicy errorPolicy() {
    return settings.errorPolicy();
  }

  @Override
  public Future<ToolResult> invoke(ToolCall call, ToolContext context) {
    Duration timeout = settings.defaultTimeout();
    return invoke(call, context, timeout != null ? timeout : Toolbox.Builder.DEFAULT_TIMEOUT);
  }

  @Override
  public Future<ToolResult> invoke(ToolCall call, ToolContext context, Duration defaultTimeout) {
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(context, "context == null");
    Objects.requireNonNull(defaultTimeout, "defaultTimeout == null");
    long start = System.nanoTime();
    MethodTool tool = tools.get(ToolCalls.nameOf(call));
    if (tool == null) {
      return Future.succeededFuture(ToolCalls.unknownTool(call, tools.keySet(), start));
    }
    Object parsed = parse(tool, call.function().arguments());
    if (parsed instanceof String problem) {
      return Future.succeededFuture(ToolCalls.invalidArguments(call, problem, start));
    }
    ObjectNode arguments = (ObjectNode) parsed;
    List<SchemaViolation> violations = tool.validator().validate(arguments);
    if (!violations.isEmpty()) {
      return Future.succeededFuture(
          ToolCalls.invalidArguments(call, SchemaValidator.describe(violations), start));
    }
    ToolContextImpl callContext = ToolContextImpl.childOf(context, call.id());
    @Nullable Object[] args;
    try {
      args = Binder.bind(tool, arguments, callContext);
    } catch (IllegalArgumentException e) {
      callContext.release();
      return Future.succeededFuture(ToolCalls.invalidArguments(call, e.getMessage(), start));
    }
    if (context.isCancelled()) {
      callContext.release();
      return Future.succeededFuture(ToolCalls.notRun(call, start));
    }
    // Precedence: the tool's own timeout (annotation, or the toolbox default), then the caller's.
    Duration timeout = tool.spec().timeout() != null ? tool.spec().timeout() : defaultTimeout;
    return ToolCalls.guard(
            call,
            tool.spec(),
            timeout,
            callContext,
            settings.errorPolicy(),
            () -> {
              Context runOn = Contexts.callerOr(callContext.vertx());
              return ToolRunner.run(tool, args, runOn)
                  .map(value -> render(call, tool, value, start));
            })
        .andThen(ar -> callContext.release());
  }

  private ToolResult render(ToolCall call, MethodTool tool, @Nullable Object value, long start) {
    String text;
    try {
      text = Results.render(value, tool.voidLike(), settings.maxResultChars());
    } catch (JsonProcessingException e) {
      LOG.warn(
          "tool `{}` (call {}) returned a value that cannot be written as JSON",
          tool.name(),
          call.id(),
          e);
      return ToolCalls.error(
          call,
          ErrorKind.EXECUTION,
          "tool `"
              + tool.name()
              + "` returned a value that cannot be written as JSON: "
              + e.getOriginalMessage(),
          start);
    }
    return ToolResult.success(
        call.id(), tool.name(), text, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Returns the arguments object, or a String saying why there is none. */
  private static Object parse(MethodTool tool, @Nullable String text) {
    if (text == null || text.isBlank()) {
      return MAPPER.createObjectNode();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return "the arguments are not valid JSON ("
          + e.getOriginalMessage()
          + " at line "
          + e.getLocation().getLineNr()
          + ", column "
          + e.getLocation().getColumnNr()
          + "); send a JSON object";
    }
    if (!(node instanceof ObjectNode object)) {
      return "the arguments must be a JSON object; got "
          + (node.isNull() ? "null" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    // Models often send null for an optional argument they mean to omit; treat it so.
    for (ParamBinding binding : tool.bindings()) {
      if (binding.isArgument() && !binding.required() && object.path(binding.name()).isNull()) {
        object.remove(binding.name());
      }
    }
    return object;
  }
}
