package dev.agentloop.tool.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.ToolDefinition;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.schema.SchemaValidator;
import dev.agentloop.schema.SchemaViolation;
import dev.agentloop.schema.impl.NullsAndUnknowns;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolResult.ErrorKind;
import dev.agentloop.tool.ToolSpec;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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
  public Future<ToolResult> invoke(ToolCall call, ToolContext context) {
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(context, "context == null");
    long start = System.nanoTime();
    String name = String.valueOf(call.function().name());
    MethodTool tool = tools.get(name);
    if (tool == null) {
      return Future.succeededFuture(
          ToolResult.error(
              call.id(),
              name,
              ErrorKind.UNKNOWN_TOOL,
              "unknown tool `" + name + "`; available tools: " + String.join(", ", tools.keySet()),
              elapsed(start)));
    }
    Object parsed = parse(tool, call.function().arguments());
    if (parsed instanceof String problem) {
      return Future.succeededFuture(invalid(call, tool, problem, start));
    }
    ObjectNode arguments = (ObjectNode) parsed;
    List<SchemaViolation> violations = tool.validator().validate(arguments);
    if (!violations.isEmpty()) {
      return Future.succeededFuture(
          invalid(call, tool, SchemaValidator.describe(violations), start));
    }
    ToolContextImpl callContext = ToolContextImpl.childOf(context, call.id());
    return bindAndRun(call, tool, arguments, context, callContext, start)
        .andThen(ar -> callContext.release());
  }

  private Future<ToolResult> bindAndRun(
      ToolCall call,
      MethodTool tool,
      ObjectNode arguments,
      ToolContext context,
      ToolContextImpl callContext,
      long start) {
    String name = tool.name();
    @Nullable Object[] args;
    try {
      args = Binder.bind(tool, arguments, callContext);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(invalid(call, tool, e.getMessage(), start));
    }
    if (context.isCancelled()) {
      return Future.succeededFuture(
          ToolResult.error(
              call.id(),
              name,
              ErrorKind.CANCELLED,
              "tool `" + name + "` was not run: the run was cancelled",
              elapsed(start)));
    }
    return run(call, tool, args, callContext, start);
  }

  private Future<ToolResult> run(
      ToolCall call,
      MethodTool tool,
      @Nullable Object[] args,
      ToolContextImpl callContext,
      long start) {
    Vertx vertx = callContext.vertx();
    Context current = Vertx.currentContext();
    Context context =
        current != null && current.owner() == vertx ? current : vertx.getOrCreateContext();
    Promise<ToolResult> promise = Promise.promise();
    AtomicBoolean done = new AtomicBoolean();
    long timeoutMillis = Objects.requireNonNull(tool.spec().timeout()).toMillis();
    long timer =
        vertx.setTimer(
            timeoutMillis,
            id -> {
              if (done.compareAndSet(false, true)) {
                LOG.warn(
                    "tool `{}` (call {}) timed out after {} ms",
                    tool.name(),
                    call.id(),
                    timeoutMillis);
                callContext.cancel();
                complete(
                    context,
                    promise,
                    ToolResult.error(
                        call.id(),
                        tool.name(),
                        ErrorKind.TIMEOUT,
                        "tool `" + tool.name() + "` timed out after " + timeoutMillis + " ms",
                        elapsed(start)));
              }
            });
    callContext
        .cancelled()
        .onComplete(
            v -> {
              if (done.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                complete(
                    context,
                    promise,
                    ToolResult.error(
                        call.id(),
                        tool.name(),
                        ErrorKind.CANCELLED,
                        "tool `" + tool.name() + "` was cancelled",
                        elapsed(start)));
              }
            });
    ToolRunner.run(tool, args, context)
        .onComplete(
            ar -> {
              if (!done.compareAndSet(false, true)) {
                return;
              }
              vertx.cancelTimer(timer);
              complete(context, promise, outcome(call, tool, ar, start));
            });
    return promise.future();
  }

  private ToolResult outcome(
      ToolCall call, MethodTool tool, AsyncResult<@Nullable Object> ar, long start) {
    if (ar.succeeded()) {
      return render(call, tool, ar.result(), start);
    }
    Throwable failure = ToolRunner.unwrap(ar.cause());
    LOG.warn("tool `{}` (call {}) failed", tool.name(), call.id(), failure);
    return ToolResult.error(
        call.id(),
        tool.name(),
        ErrorKind.EXECUTION,
        settings.errorPolicy().describe(tool.spec(), failure),
        elapsed(start));
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
      return ToolResult.error(
          call.id(),
          tool.name(),
          ErrorKind.EXECUTION,
          "tool `"
              + tool.name()
              + "` returned a value that cannot be written as JSON: "
              + e.getOriginalMessage(),
          elapsed(start));
    }
    return ToolResult.success(call.id(), tool.name(), text, elapsed(start));
  }

  private static void complete(Context context, Promise<ToolResult> promise, ToolResult result) {
    if (Vertx.currentContext() == context) {
      promise.complete(result);
    } else {
      context.runOnContext(v -> promise.complete(result));
    }
  }

  /**
   * Returns the arguments object, nulls and absences reconciled with the schema, or a String saying
   * why there is none (not JSON, not an object, unknown arguments).
   */
  static Object parse(MethodTool tool, @Nullable String text) {
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
    // Models write null for an optional argument, or leave out one strict mode marks nullable;
    // both mean "absent". Misspelled names are reported, not silently dropped.
    List<String> unknown = NullsAndUnknowns.apply(tool.spec().parameters(), object);
    if (!unknown.isEmpty()) {
      return unknownMessage(tool, unknown);
    }
    return object;
  }

  private static String unknownMessage(MethodTool tool, List<String> unknown) {
    List<String> known =
        tool.bindings().stream().filter(ParamBinding::isArgument).map(ParamBinding::name).toList();
    String names =
        unknown.stream()
            .map(p -> p.lastIndexOf('/') == 0 ? p.substring(1) : p)
            .collect(java.util.stream.Collectors.joining("`, `", "`", "`"));
    return (unknown.size() == 1 ? "unknown argument " : "unknown arguments ")
        + names
        + (known.isEmpty()
            ? "; the tool takes no arguments"
            : "; the arguments are: " + String.join(", ", known));
  }

  private static ToolResult invalid(ToolCall call, MethodTool tool, String problem, long start) {
    return ToolResult.error(
        call.id(),
        tool.name(),
        ErrorKind.INVALID_ARGUMENTS,
        "invalid arguments for tool `" + tool.name() + "`: " + problem,
        elapsed(start));
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
