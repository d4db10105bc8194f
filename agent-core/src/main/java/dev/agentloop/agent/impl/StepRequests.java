package dev.agentloop.agent.impl;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.agent.Step;
import dev.agentloop.openrouter.CacheControl;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ProviderPreferences;
import dev.agentloop.openrouter.RequestExtras;
import dev.agentloop.openrouter.ServerTool;
import dev.agentloop.openrouter.ToolChoice;
import dev.agentloop.openrouter.ToolDefinition;
import dev.agentloop.tool.Toolbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds the model requests of one run: the run's parameters, the transcript, the tool definitions
 * and the response format, with the {@code tool_choice} each step needs.
 */
final class StepRequests {

  private final ChatParameters parameters;
  private final @Nullable StructuredOutput output;
  private final @Nullable Toolbox toolbox;
  private final List<ToolDefinition> serverTools;
  private final @Nullable CacheControl toolsCacheControl;
  private final boolean hasTools;
  private final RequestExtras extras;
  private final @Nullable CacheControl cacheControl;

  /**
   * @param merged the agent's parameters overridden by the run's
   * @param sessionId the run's session id, sent on every request
   * @param toolbox the tools offered, or null (or empty) for none
   * @param output the structured answer asked for, or null
   * @param options the agent's server tools, extras and cache breakpoints
   * @param runExtras the run's extras, added to the agent's, or null
   */
  StepRequests(
      ChatParameters merged,
      String sessionId,
      @Nullable Toolbox toolbox,
      @Nullable StructuredOutput output,
      AgentOptions options,
      @Nullable RequestExtras runExtras) {
    this.toolbox = toolbox != null && !toolbox.specs().isEmpty() ? toolbox : null;
    this.serverTools = options.getServerTools().stream().map(ServerTool::toDefinition).toList();
    this.toolsCacheControl = options.getToolsCacheControl();
    this.hasTools = this.toolbox != null || !serverTools.isEmpty();
    this.output = output;
    this.extras = options.getExtras().overrideWith(runExtras);
    this.cacheControl = options.getCacheControl();
    // tool_choice and parallel_tool_calls mean nothing (and some providers refuse them) without
    // tools.
    ChatParameters.Builder b = merged.toBuilder().sessionId(sessionId);
    if (!hasTools) {
      b.toolChoice(null).parallelToolCalls(null);
    }
    if (hasTools || output != null) {
      b.provider(requiringParameters(merged.provider()));
    }
    this.parameters = b.build();
  }

  /**
   * A run that needs tools or a schema asks OpenRouter to route only to providers that honour them
   * ({@code require_parameters}); a value the user set, true or false, is kept.
   */
  private static ProviderPreferences requiringParameters(@Nullable ProviderPreferences p) {
    if (p == null) {
      return ProviderPreferences.builder().requireParameters(true).build();
    }
    if (p.requireParameters() != null) {
      return p;
    }
    return new ProviderPreferences(
        p.order(),
        p.allowFallbacks(),
        true,
        p.dataCollection(),
        p.zdr(),
        p.enforceDistillableText(),
        p.only(),
        p.ignore(),
        p.quantizations(),
        p.sort(),
        p.maxPrice(),
        p.preferredMinThroughput(),
        p.preferredMaxLatency());
  }

  /** The parameters of every request of this run. */
  ChatParameters parameters() {
    return parameters;
  }

  /** Whether the requests offer tools. */
  boolean hasTools() {
    return hasTools;
  }

  /**
   * Returns the request of a step.
   *
   * @param kind the step's kind
   * @param stepCount the number of the step, from 1
   * @param jsonSchema whether the model takes {@code json_schema} response formats
   * @param transcript the messages so far
   */
  ChatRequest build(Step.Kind kind, int stepCount, boolean jsonSchema, List<Message> transcript) {
    ToolChoice choice = toolChoice(kind, stepCount);
    ChatRequest.Builder b =
        ChatRequest.builder()
            .parameters(
                Objects.equals(choice, parameters.toolChoice())
                    ? parameters
                    : parameters.toBuilder().toolChoice(choice).build())
            .messages(transcript)
            .tools(tools())
            .cacheControl(cacheControl)
            .extras(extras);
    if (output != null) {
      b.responseFormat(output.responseFormat(jsonSchema));
    }
    return b.build();
  }

  /**
   * The toolbox's definitions (asked for on every request: a toolbox may change them), then the
   * server tools; the last one carries the tools' cache breakpoint.
   */
  private @Nullable List<ToolDefinition> tools() {
    if (!hasTools) {
      return null;
    }
    List<ToolDefinition> all = new ArrayList<>();
    if (toolbox != null) {
      all.addAll(toolbox.definitions());
    }
    all.addAll(serverTools);
    if (toolsCacheControl != null && !all.isEmpty()) {
      int last = all.size() - 1;
      all.set(last, all.get(last).withCacheControl(toolsCacheControl));
    }
    return all;
  }

  /** A forcing tool choice applies to the first request only; otherwise the model never stops. */
  private @Nullable ToolChoice toolChoice(Step.Kind kind, int stepCount) {
    ToolChoice configured = parameters.toolChoice();
    if (!hasTools) {
      return null;
    }
    if (kind == Step.Kind.FINAL_ANSWER) {
      return ToolChoice.NONE;
    }
    if (stepCount > 1 && configured != null && configured.forcesCall()) {
      return ToolChoice.AUTO;
    }
    return configured;
  }
}
