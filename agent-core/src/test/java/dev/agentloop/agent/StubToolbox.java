package dev.agentloop.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.ToolDefinition;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolSpec;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** A minimal hand-written toolbox for unit tests of the loop. */
class StubToolbox implements Toolbox {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Map<String, ToolSpec> specs = new LinkedHashMap<>();
  private final Map<String, BiFunction<JsonNode, ToolContext, Future<String>>> impls = new LinkedHashMap<>();

  StubToolbox add(String name, BiFunction<JsonNode, ToolContext, Future<String>> impl) {
    specs.put(name, new ToolSpec(name, "test tool", MAPPER.createObjectNode().put("type", "object"),
        false, null, false, false));
    impls.put(name, impl);
    return this;
  }

  @Override
  public List<ToolSpec> specs() {
    return List.copyOf(specs.values());
  }

  @Override
  public List<ToolDefinition> definitions() {
    return specs().stream().map(ToolSpec::definition).toList();
  }

  @Override
  public Optional<ToolSpec> find(String name) {
    return Optional.ofNullable(specs.get(name));
  }

  @Override
  public Future<ToolResult> invoke(ToolCall call, ToolContext context) {
    String name = call.function().name();
    var impl = impls.get(name);
    if (impl == null) {
      return Future.succeededFuture(ToolResult.error(call.id(), name, ToolResult.ErrorKind.UNKNOWN_TOOL,
          "unknown tool " + name, Duration.ZERO));
    }
    try {
      JsonNode args = MAPPER.readTree(call.function().arguments());
      return impl.apply(args, context)
          .map(s -> ToolResult.success(call.id(), name, s, Duration.ZERO))
          .otherwise(e -> ToolResult.error(call.id(), name, ToolResult.ErrorKind.EXECUTION, e.getMessage(), Duration.ZERO));
    } catch (Exception e) {
      return Future.succeededFuture(ToolResult.error(call.id(), name, ToolResult.ErrorKind.INVALID_ARGUMENTS,
          "bad arguments", Duration.ZERO));
    }
  }
}
