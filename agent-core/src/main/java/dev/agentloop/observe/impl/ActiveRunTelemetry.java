package dev.agentloop.observe.impl;

import dev.agentloop.agent.AgentResult;
import dev.agentloop.agent.StopReason;
import dev.agentloop.observe.GenAi;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.OpenRouterException;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.tool.ToolResult;
import dev.agentloop.tool.ToolResult.ErrorKind;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The recording {@link RunTelemetry}: spans on an explicit parent context, and meters. */
final class ActiveRunTelemetry extends RunTelemetry {

  // Tag values, lower-cased once rather than on every run and tool call.
  private static final String[] STOP_REASONS = lowerCased(StopReason.values());
  private static final String[] OUTCOMES = lowerCased(ErrorKind.values());

  final Telemetry t;
  final @Nullable Tracer tracer;
  final String conversationId;
  private final Set<String> knownTools;
  private final Span runSpan;
  final Context runContext;
  // the tool spans not ended yet, by call id; made at the first tool call of the run
  private @Nullable Map<String, Span> openTools;
  @Nullable ActiveChatTelemetry openChat;
  boolean ended;

  ActiveRunTelemetry(
      Telemetry t,
      String runId,
      String conversationId,
      @Nullable String model,
      Context parent,
      Set<String> knownTools) {
    this.t = t;
    this.tracer = t.tracer;
    this.conversationId = conversationId;
    this.knownTools = knownTools;
    if (tracer != null) {
      String agent = t.options.getAgentName();
      SpanBuilder b =
          tracer
              .spanBuilder(t.runSpanName)
              .setParent(parent)
              .setSpanKind(SpanKind.INTERNAL)
              .setAttribute(Keys.OPERATION_NAME, GenAi.OP_INVOKE_AGENT)
              .setAttribute(Keys.PROVIDER_NAME, GenAi.PROVIDER_OPENROUTER)
              .setAttribute(Keys.AGENT_NAME, agent);
      if (model != null) {
        b.setAttribute(Keys.REQUEST_MODEL, model);
      }
      // sampling-relevant attributes on the builder, the others only on a recorded span
      this.runSpan = b.startSpan();
      if (runSpan.isRecording()) {
        runSpan.setAttribute(Keys.AGENT_ID, runId);
        runSpan.setAttribute(Keys.CONVERSATION_ID, conversationId);
      }
      this.runContext = parent.with(runSpan);
    } else {
      this.runSpan = Span.getInvalid();
      this.runContext = parent;
    }
    if (t.active != null) {
      t.active.incrementAndGet();
    }
  }

  @Override
  public Context context() {
    return runContext;
  }

  @Override
  public ChatTelemetry chat(ChatRequest request, boolean stream) {
    return new ActiveChatTelemetry(this, request, stream);
  }

  @Override
  public void handedOff(String from, String to) {
    if (tracer != null && !ended) {
      runSpan.addEvent(
          GenAi.EVENT_HANDOFF, Attributes.of(Keys.HANDOFF_FROM, from, Keys.HANDOFF_TO, to));
    }
  }

  @Override
  public void toolStarted(ToolCall call) {
    if (tracer == null || ended) {
      return;
    }
    String name = call.function().name() == null ? "" : call.function().name();
    Span span =
        tracer
            .spanBuilder(t.toolSpanName(name))
            .setParent(runContext)
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(Keys.OPERATION_NAME, GenAi.OP_EXECUTE_TOOL)
            .setAttribute(Keys.PROVIDER_NAME, GenAi.PROVIDER_OPENROUTER)
            .setAttribute(Keys.TOOL_NAME, name)
            .startSpan();
    // sampling-relevant attributes on the builder, the others only on a recorded span
    if (span.isRecording()) {
      span.setAttribute(Keys.TOOL_CALL_ID, call.id());
      span.setAttribute(Keys.TOOL_TYPE, GenAi.TOOL_TYPE_FUNCTION);
      if (t.options.isCaptureContent()) {
        span.setAttribute(Keys.TOOL_CALL_ARGUMENTS, content(call.function().arguments()));
      }
    }
    if (openTools == null) {
      openTools = new LinkedHashMap<>();
    }
    openTools.put(call.id(), span);
  }

  @Override
  public void toolFinished(ToolCall call, ToolResult result) {
    if (ended) {
      return;
    }
    String name = call.function().name() == null ? "" : call.function().name();
    String outcome = result.error() == null ? "ok" : OUTCOMES[result.error().ordinal()];
    t.countToolCall(
        knownTools.contains(name) ? name : GenAi.UNKNOWN_TOOL,
        result.error() == null ? 0 : result.error().ordinal() + 1,
        outcome);
    Span span = openTools == null ? null : openTools.remove(call.id());
    if (span == null) {
      return;
    }
    span.setAttribute(Keys.TOOL_OUTCOME, outcome);
    if (t.options.isCaptureContent() && span.isRecording()) {
      span.setAttribute(Keys.TOOL_CALL_RESULT, content(result.content()));
    }
    if (result.error() != null) {
      span.setAttribute(Keys.ERROR_TYPE, outcome);
      span.setStatus(
          StatusCode.ERROR, result.content().length() > 256 ? outcome : result.content());
    }
    span.end();
  }

  @Override
  public void finished(AgentResult result, boolean failed) {
    if (ended) {
      return;
    }
    ended = true;
    String reason = STOP_REASONS[result.stopReason().ordinal()];
    if (openChat != null) {
      openChat.interrupt(reason);
    }
    if (openTools != null) {
      for (Span span : openTools.values()) {
        span.setAttribute(Keys.TOOL_OUTCOME, reason);
        span.setAttribute(Keys.ERROR_TYPE, reason);
        span.setStatus(StatusCode.ERROR, "the run stopped: " + reason);
        span.end();
      }
      openTools.clear();
    }
    // no tracer, or not sampled: nothing would be kept of the attributes
    if (runSpan.isRecording()) {
      Usage usage = result.usage();
      runSpan.setAttribute(Keys.STOP_REASON, result.stopReason().name());
      runSpan.setAttribute(Keys.RUN_STEPS, (long) result.steps().size());
      runSpan.setAttribute(Keys.RUN_INPUT_TOKENS, (long) usage.promptTokens());
      runSpan.setAttribute(Keys.RUN_OUTPUT_TOKENS, (long) usage.completionTokens());
      runSpan.setAttribute(Keys.RUN_COST_USD, usage.costOrZero().doubleValue());
      if (result.model() != null) {
        runSpan.setAttribute(Keys.RESPONSE_MODEL, result.model());
      }
      if (failed || result.error() != null) {
        runSpan.setAttribute(Keys.ERROR_TYPE, reason);
        runSpan.setStatus(
            StatusCode.ERROR,
            result.error() == null ? reason : String.valueOf(result.error().getMessage()));
      }
    }
    runSpan.end();
    t.countRun(result.stopReason(), reason);
    if (t.active != null) {
      t.active.decrementAndGet();
    }
  }

  private static String[] lowerCased(Enum<?>[] values) {
    String[] out = new String[values.length];
    for (Enum<?> v : values) {
      out[v.ordinal()] = v.name().toLowerCase(Locale.ROOT);
    }
    return out;
  }

  String content(@Nullable String text) {
    String s = Content.scrub(text, t.options.getMaxContentChars());
    return s == null ? "" : s;
  }

  static String errorType(Throwable error) {
    if (error instanceof OpenRouterException e) {
      return e.statusCode() > 0
          ? Integer.toString(e.statusCode())
          : e.kind().name().toLowerCase(Locale.ROOT);
    }
    return error.getClass().getName();
  }
}
