package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.mcp.McpCallResult;
import dev.agentloop.mcp.McpClient;
import dev.agentloop.mcp.McpProgress;
import dev.agentloop.mcp.McpTool;
import dev.agentloop.mcp.McpToolbox;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.ToolDefinition;
import dev.agentloop.schema.SchemaValidator;
import dev.agentloop.schema.SchemaViolation;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolResult.ErrorKind;
import dev.agentloop.tool.ToolSpec;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Local tools plus MCP tools; the MCP part is an immutable snapshot swapped on list changes. */
public final class McpToolboxImpl implements McpToolbox {

  private static final Logger LOG = LoggerFactory.getLogger(McpToolbox.class);

  private final @Nullable Toolbox local;
  private final List<McpClient> clients;
  private final int maxResultChars;
  private final List<Handler<McpProgress>> progressHandlers = new CopyOnWriteArrayList<>();
  private volatile Snapshot snapshot;

  private record Entry(
      McpClient client, McpTool tool, ToolSpec spec, @Nullable SchemaValidator validator) {}

  private record Snapshot(
      Map<String, Entry> entries, List<ToolSpec> specs, List<ToolDefinition> definitions) {}

  /** Creates the toolbox; see {@link McpToolbox#of}. */
  public McpToolboxImpl(@Nullable Toolbox local, List<McpClient> clients, int maxResultChars) {
    this.local = local;
    this.clients = List.copyOf(clients);
    this.maxResultChars = maxResultChars;
    this.snapshot = build();
    for (McpClient c : this.clients) {
      c.toolsChangedHandler(tools -> snapshot = build());
    }
  }

  private Snapshot build() {
    Map<String, Integer> counts = new HashMap<>();
    List<ToolSpec> specs = new ArrayList<>();
    if (local != null) {
      for (ToolSpec s : local.specs()) {
        counts.merge(s.name(), 1, Integer::sum);
        specs.add(s);
      }
    }
    for (McpClient c : clients) {
      for (McpTool t : c.tools()) {
        counts.merge(t.name(), 1, Integer::sum);
      }
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (McpClient c : clients) {
      for (McpTool t : c.tools()) {
        String name = t.name();
        if (counts.get(name) > 1 || !name.matches("[A-Za-z0-9_-]{1,64}")) {
          name = unique(c.name() + "_" + name.replaceAll("[^A-Za-z0-9_-]", "_"), counts, entries);
        }
        ToolSpec spec =
            new ToolSpec(name, t.description(), t.inputSchema(), false, null, false, approval(c));
        entries.put(name, new Entry(c, t, spec, validator(c, t)));
        specs.add(spec);
      }
    }
    return new Snapshot(
        entries, List.copyOf(specs), specs.stream().map(ToolSpec::definition).toList());
  }

  private static String unique(String base, Map<String, Integer> counts, Map<String, Entry> taken) {
    String name = base.length() > 64 ? base.substring(0, 64) : base;
    int n = 2;
    while (counts.containsKey(name) || taken.containsKey(name)) {
      String suffix = "_" + n++;
      name =
          (base.length() > 64 - suffix.length() ? base.substring(0, 64 - suffix.length()) : base)
              + suffix;
    }
    return name;
  }

  private boolean approval(McpClient c) {
    return c instanceof McpClientImpl impl && impl.requireApproval();
  }

  private static @Nullable SchemaValidator validator(McpClient c, McpTool t) {
    try {
      return SchemaValidator.forArguments(t.inputSchema());
    } catch (RuntimeException e) {
      // The server validates too; a schema we cannot compile must not make the tool unusable.
      LOG.warn(
          "mcp server `{}`: the input schema of `{}` cannot be compiled; arguments are passed unchecked: {}",
          c.name(),
          t.name(),
          e.getMessage());
      return null;
    }
  }

  @Override
  public List<ToolSpec> specs() {
    return snapshot.specs();
  }

  @Override
  public List<ToolDefinition> definitions() {
    return snapshot.definitions();
  }

  @Override
  public Optional<ToolSpec> find(String name) {
    Entry e = snapshot.entries().get(name);
    if (e != null) {
      return Optional.of(e.spec());
    }
    return local == null ? Optional.empty() : local.find(name);
  }

  @Override
  public List<McpClient> clients() {
    return clients;
  }

  @Override
  public Future<Void> refresh() {
    return Future.all(clients.stream().map(McpClient::refreshTools).toList()).mapEmpty();
  }

  @Override
  public McpToolbox progressHandler(Handler<McpProgress> handler) {
    progressHandlers.add(Objects.requireNonNull(handler, "handler == null"));
    return this;
  }

  @Override
  public Future<ToolResult> invoke(ToolCall call, ToolContext context) {
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(context, "context == null");
    long start = System.nanoTime();
    String name = String.valueOf(call.function().name());
    Snapshot s = snapshot;
    Entry entry = s.entries().get(name);
    if (entry == null) {
      if (local != null && local.find(name).isPresent()) {
        return local.invoke(call, context);
      }
      List<String> names = s.specs().stream().map(ToolSpec::name).toList();
      return Future.succeededFuture(
          ToolResult.error(
              call.id(),
              name,
              ErrorKind.UNKNOWN_TOOL,
              "unknown tool `" + name + "`; available tools: " + String.join(", ", names),
              elapsed(start)));
    }
    ObjectNode arguments;
    try {
      arguments = arguments(call.function().arguments());
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(invalid(call, name, e.getMessage(), start));
    }
    if (entry.validator() != null) {
      List<SchemaViolation> violations = entry.validator().validate(arguments);
      if (!violations.isEmpty()) {
        return Future.succeededFuture(
            invalid(call, name, SchemaValidator.describe(violations), start));
      }
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
    Handler<McpProgress> progress =
        progressHandlers.isEmpty() ? null : p -> progressHandlers.forEach(h -> h.handle(p));
    return entry
        .client()
        .callTool(entry.tool().name(), arguments, progress, context.cancelled())
        .transform(
            ar -> {
              if (ar.succeeded()) {
                McpCallResult r = ar.result();
                String text = truncate(r.text());
                return Future.succeededFuture(
                    r.isError()
                        ? ToolResult.error(
                            call.id(),
                            name,
                            ErrorKind.EXECUTION,
                            text.isEmpty() ? "tool `" + name + "` failed" : text,
                            elapsed(start))
                        : ToolResult.success(call.id(), name, text, elapsed(start)));
              }
              if (context.isCancelled()) {
                return Future.succeededFuture(
                    ToolResult.error(
                        call.id(),
                        name,
                        ErrorKind.CANCELLED,
                        "tool `" + name + "` was cancelled",
                        elapsed(start)));
              }
              LOG.warn("mcp tool `{}` (call {}) failed", name, call.id(), ar.cause());
              return Future.succeededFuture(
                  ToolResult.error(
                      call.id(),
                      name,
                      ErrorKind.EXECUTION,
                      "tool `" + name + "` failed: " + ar.cause().getMessage(),
                      elapsed(start)));
            });
  }

  private static ObjectNode arguments(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return JsonRpc.MAPPER.createObjectNode();
    }
    JsonNode node;
    try {
      node = JsonRpc.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the arguments are not valid JSON (" + e.getOriginalMessage() + "); send a JSON object");
    }
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException(
          "the arguments must be a JSON object; got "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return object;
  }

  private String truncate(String text) {
    if (text.length() <= maxResultChars) {
      return text;
    }
    return text.substring(0, maxResultChars)
        + "…[truncated "
        + (text.length() - maxResultChars)
        + " more characters]";
  }

  private static ToolResult invalid(ToolCall call, String name, String problem, long start) {
    return ToolResult.error(
        call.id(),
        name,
        ErrorKind.INVALID_ARGUMENTS,
        "invalid arguments for tool `" + name + "`: " + problem,
        elapsed(start));
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
