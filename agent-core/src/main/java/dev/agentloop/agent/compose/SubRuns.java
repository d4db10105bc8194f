package dev.agentloop.agent.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.AgentRun;
import dev.agentloop.agent.AgentRunException;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.agent.StopReason;
import dev.agentloop.agent.impl.AgentImpl;
import dev.agentloop.agent.impl.RunScope;
import dev.agentloop.internal.ToolCalls;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.schema.JsonSchemas;
import dev.agentloop.tool.ToolContext;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolResult.ErrorKind;
import io.vertx.core.Future;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Runs an {@link AgentTool} call as a sub-run of the calling run. */
final class SubRuns {

  private SubRuns() {}

  static Future<ToolResult> invoke(AgentTool tool, ToolCall call, ToolContext context) {
    long start = System.nanoTime();
    String args = call.function().arguments() == null ? "{}" : call.function().arguments();
    if (args.length() > tool.maxInputChars()) {
      return Future.succeededFuture(
          ToolCalls.invalidArguments(
              call,
              "the arguments are longer than "
                  + tool.maxInputChars()
                  + " characters: "
                  + args.length(),
              start));
    }
    String prompt;
    try {
      prompt = prompt(tool, args);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(ToolCalls.invalidArguments(call, e.getMessage(), start));
    }
    RunScope parent = RunScope.of(context.runId());
    int depth = parent == null ? 1 : parent.depth() + 1;
    if (depth > tool.maxDepth()) {
      return Future.succeededFuture(
          ToolCalls.rejected(
              call,
              "the agent `"
                  + tool.name()
                  + "` was not called: sub-agents may nest at most "
                  + tool.maxDepth()
                  + " deep; answer without it"));
    }
    if (parent != null && parent.budgetExceeded()) {
      return Future.succeededFuture(
          ToolCalls.rejected(
              call, "the agent `" + tool.name() + "` was not called: the budget is used up"));
    }
    RunRequest request =
        RunRequest.builder(prompt).output(tool.outputType()).stream(true)
            .traceParent(parent == null ? null : parent.traceParent())
            .build();
    String name =
        tool.agent().options().getName() != null ? tool.agent().options().getName() : tool.name();
    AgentRun run =
        parent != null && tool.agent() instanceof AgentImpl impl
            ? impl.startChild(request, parent, name)
            : tool.agent().start(request);
    context.cancelled().onComplete(v -> run.cancel());
    return run.result()
        .transform(
            ar -> {
              AgentResult r =
                  ar.succeeded()
                      ? ar.result()
                      : ar.cause() instanceof AgentRunException e ? e.result() : null;
              Future<Void> booked =
                  parent != null && r != null ? parent.absorb(r) : Future.succeededFuture();
              return booked.map(v -> result(tool, call, r, ar.cause(), start));
            });
  }

  private static String prompt(AgentTool tool, String args) {
    JsonNode tree;
    try {
      tree = JsonSchemas.objectMapper().readTree(args);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the arguments are not valid JSON");
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException("the arguments must be a JSON object");
    }
    if (tool.inputType() == null) {
      JsonNode input = tree.get("input");
      if (input == null || !input.isTextual() || input.asText().isBlank()) {
        throw new IllegalArgumentException("`input` must be a non-empty string");
      }
      return input.asText();
    }
    try {
      Object value = JsonSchemas.objectMapper().treeToValue(tree, tool.inputType());
      return JsonSchemas.objectMapper().writeValueAsString(value);
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "they do not fit " + tool.inputType().getSimpleName() + ": " + firstLine(e.getMessage()));
    }
  }

  private static ToolResult result(
      AgentTool tool,
      ToolCall call,
      @Nullable AgentResult r,
      @Nullable Throwable failure,
      long start) {
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (r == null) {
      return ToolResult.error(
          call.id(),
          tool.name(),
          ErrorKind.EXECUTION,
          "the agent `"
              + tool.name()
              + "` failed: "
              + (failure == null ? "" : failure.getMessage()),
          took);
    }
    if (r.stopReason() != StopReason.COMPLETED) {
      ErrorKind kind =
          r.stopReason() == StopReason.CANCELLED ? ErrorKind.CANCELLED : ErrorKind.EXECUTION;
      String why = r.error() == null ? "" : ": " + r.error().getMessage();
      return ToolResult.error(
          call.id(),
          tool.name(),
          kind,
          "the agent `" + tool.name() + "` stopped with " + r.stopReason() + why,
          took);
    }
    String text = r.output() != null ? r.output().toString() : r.text() == null ? "" : r.text();
    return ToolResult.success(call.id(), tool.name(), cut(text, tool.maxResultChars()), took);
  }

  private static String cut(String text, int max) {
    return text.length() <= max
        ? text
        : text.substring(0, max) + "…[truncated " + (text.length() - max) + " more characters]";
  }

  private static String firstLine(@Nullable String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
