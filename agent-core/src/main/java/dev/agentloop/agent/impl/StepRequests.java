package dev.agentloop.agent.impl;

import dev.agentloop.agent.Step;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ProviderPreferences;
import dev.agentloop.openrouter.ToolChoice;
import dev.agentloop.tool.Toolbox;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds the model requests of one run: the run's parameters, the transcript, the tool definitions
 * and the response format, with the {@code tool_choice} each step needs.
 */
final class StepRequests {

  private final ChatParameters parameters;
  private final @Nullable Toolbox toolbox;
  private final @Nullable StructuredOutput output;

  /**
   * @param merged the agent's parameters overridden by the run's
   * @param sessionId the run's session id, sent on every request
   * @param toolbox the tools offered, or null (or empty) for none
   * @param output the structured answer asked for, or null
   */
  StepRequests(
      ChatParameters merged,
      String sessionId,
      @Nullable Toolbox toolbox,
      @Nullable StructuredOutput output) {
    boolean hasTools = toolbox != null && !toolbox.specs().isEmpty();
    this.toolbox = hasTools ? toolbox : null;
    this.output = output;
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
    return toolbox != null;
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
            .messages(transcript);
    if (toolbox != null) {
      b.tools(toolbox.definitions());
    }
    if (output != null) {
      b.responseFormat(output.responseFormat(jsonSchema));
    }
    return b.build();
  }

  /** A forcing tool choice applies to the first request only; otherwise the model never stops. */
  private @Nullable ToolChoice toolChoice(Step.Kind kind, int stepCount) {
    ToolChoice configured = parameters.toolChoice();
    if (toolbox == null) {
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
