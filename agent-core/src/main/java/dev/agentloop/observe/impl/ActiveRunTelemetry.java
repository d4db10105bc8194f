package dev.agentloop.observe.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentloop.agent.AgentResult;
import dev.agentloop.observe.GenAi;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.Choice;
import dev.agentloop.openrouter.ExchangeListener;
import dev.agentloop.openrouter.OpenRouterException;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.openrouter.impl.Json;
import dev.agentloop.tool.ToolResult;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The recording {@link RunTelemetry}: spans on an explicit parent context, and meters. */
final class ActiveRunTelemetry extends RunTelemetry {

  private final Telemetry t;
  private final @Nullable Tracer tracer;
  private final String conversationId;
  private final Set<String> knownTools;
  private final Span runSpan;
  private final Context runContext;
  private final Map<String, Span> openTools = new LinkedHashMap<>();
  private @Nullable ActiveChat openChat;
  private boolean ended;

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
              .spanBuilder(GenAi.OP_INVOKE_AGENT + " " + agent)
              .setParent(parent)
              .setSpanKind(SpanKind.INTERNAL)
              .setAttribute(GenAi.OPERATION_NAME, GenAi.OP_INVOKE_AGENT)
              .setAttribute(GenAi.PROVIDER_NAME, GenAi.PROVIDER_OPENROUTER)
              .setAttribute(GenAi.AGENT_NAME, agent)
              .setAttribute(GenAi.AGENT_ID, runId)
              .setAttribute(GenAi.CONVERSATION_ID, conversationId);
      if (model != null) {
        b.setAttribute(GenAi.REQUEST_MODEL, model);
      }
      this.runSpan = b.startSpan();
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
    return new ActiveChat(request, stream);
  }

  @Override
  public void toolStarted(ToolCall call) {
    if (tracer == null || ended) {
      return;
    }
    String name = call.function().name() == null ? "" : call.function().name();
    Span span =
        tracer
            .spanBuilder(GenAi.OP_EXECUTE_TOOL + " " + name)
            .setParent(runContext)
            .setSpanKind(SpanKind.INTERNAL)
            .setAttribute(GenAi.OPERATION_NAME, GenAi.OP_EXECUTE_TOOL)
            .setAttribute(GenAi.PROVIDER_NAME, GenAi.PROVIDER_OPENROUTER)
            .setAttribute(GenAi.TOOL_NAME, name)
            .setAttribute(GenAi.TOOL_CALL_ID, call.id())
            .setAttribute(GenAi.TOOL_TYPE, GenAi.TOOL_TYPE_FUNCTION)
            .startSpan();
    if (t.options.isCaptureContent()) {
      span.setAttribute(GenAi.TOOL_CALL_ARGUMENTS, content(call.function().arguments()));
    }
    openTools.put(call.id(), span);
  }

  @Override
  public void toolFinished(ToolCall call, ToolResult result) {
    if (ended) {
      return;
    }
    String name = call.function().name() == null ? "" : call.function().name();
    String outcome = result.error() == null ? "ok" : result.error().name().toLowerCase(Locale.ROOT);
    t.count(
        GenAi.METRIC_TOOL_CALLS,
        "Tool calls by tool and outcome",
        Tags.of(
            GenAi.TOOL_NAME,
            knownTools.contains(name) ? name : GenAi.UNKNOWN_TOOL,
            GenAi.TOOL_OUTCOME,
            outcome),
        1);
    Span span = openTools.remove(call.id());
    if (span == null) {
      return;
    }
    span.setAttribute(GenAi.TOOL_OUTCOME, outcome);
    if (t.options.isCaptureContent()) {
      span.setAttribute(GenAi.TOOL_CALL_RESULT, content(result.content()));
    }
    if (result.error() != null) {
      span.setAttribute(GenAi.ERROR_TYPE, outcome);
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
    String reason = result.stopReason().name().toLowerCase(Locale.ROOT);
    if (openChat != null) {
      openChat.interrupt(reason);
    }
    for (Span span : openTools.values()) {
      span.setAttribute(GenAi.TOOL_OUTCOME, reason);
      span.setAttribute(GenAi.ERROR_TYPE, reason);
      span.setStatus(StatusCode.ERROR, "the run stopped: " + reason);
      span.end();
    }
    openTools.clear();
    Usage usage = result.usage();
    runSpan.setAttribute(GenAi.STOP_REASON, result.stopReason().name());
    runSpan.setAttribute(GenAi.RUN_STEPS, (long) result.steps().size());
    runSpan.setAttribute(GenAi.RUN_INPUT_TOKENS, (long) usage.promptTokens());
    runSpan.setAttribute(GenAi.RUN_OUTPUT_TOKENS, (long) usage.completionTokens());
    runSpan.setAttribute(GenAi.RUN_COST_USD, usage.costOrZero().doubleValue());
    if (result.model() != null) {
      runSpan.setAttribute(GenAi.RESPONSE_MODEL, result.model());
    }
    if (failed || result.error() != null) {
      runSpan.setAttribute(GenAi.ERROR_TYPE, reason);
      runSpan.setStatus(
          StatusCode.ERROR,
          result.error() == null ? reason : String.valueOf(result.error().getMessage()));
    }
    runSpan.end();
    t.count(GenAi.METRIC_RUNS, "Agent runs by stop reason", Tags.of(GenAi.STOP_REASON, reason), 1);
    if (t.active != null) {
      t.active.decrementAndGet();
    }
  }

  private String content(@Nullable String text) {
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

  /** One model request: a chat span per HTTP attempt. */
  private final class ActiveChat extends ChatTelemetry implements ExchangeListener {

    private final ChatRequest request;
    private final boolean stream;
    private final String model;
    private @Nullable Span span;
    private long attemptStart;
    private long requestStart = System.nanoTime();
    private boolean firstChunkSeen;

    ActiveChat(ChatRequest request, boolean stream) {
      this.request = request;
      this.stream = stream;
      this.model = request.parameters().model() == null ? "" : request.parameters().model();
      openChat = this;
    }

    @Override
    public ExchangeListener listener() {
      return this;
    }

    @Override
    public void attemptStarted(int attempt, String serverAddress, int serverPort, long waitNanos) {
      attemptStart = System.nanoTime();
      if (attempt == 1) {
        requestStart = attemptStart;
      }
      if (waitNanos > 0) {
        t.recordLimiterWait(waitNanos);
      }
      if (tracer == null || ended) {
        return;
      }
      SpanBuilder b =
          tracer
              .spanBuilder(model.isEmpty() ? GenAi.OP_CHAT : GenAi.OP_CHAT + " " + model)
              .setParent(runContext)
              .setSpanKind(SpanKind.CLIENT)
              .setAttribute(GenAi.OPERATION_NAME, GenAi.OP_CHAT)
              .setAttribute(GenAi.PROVIDER_NAME, GenAi.PROVIDER_OPENROUTER)
              .setAttribute(GenAi.CONVERSATION_ID, conversationId)
              .setAttribute(GenAi.OPENROUTER_ATTEMPT, (long) attempt)
              .setAttribute(GenAi.REQUEST_STREAM, stream);
      if (!model.isEmpty()) {
        b.setAttribute(GenAi.REQUEST_MODEL, model);
      }
      if (!serverAddress.isEmpty()) {
        b.setAttribute(GenAi.SERVER_ADDRESS, serverAddress);
      }
      if (serverPort > 0) {
        b.setAttribute(GenAi.SERVER_PORT, (long) serverPort);
      }
      parameters(b, request.parameters());
      if (t.options.isCaptureContent()) {
        b.setAttribute(GenAi.INPUT_MESSAGES, content(json(request.messages())));
      }
      span = b.startSpan();
    }

    @Override
    public void attemptFailed(Throwable error, boolean willRetry) {
      String type = errorType(error);
      t.recordDuration(tags("", type), System.nanoTime() - attemptStart);
      if (willRetry) {
        t.count(GenAi.METRIC_RETRIES, "Retried model requests", Tags.of(GenAi.ERROR_TYPE, type), 1);
      }
      endWithError(type, String.valueOf(error.getMessage()));
    }

    @Override
    public void firstChunk() {
      if (firstChunkSeen) {
        return;
      }
      firstChunkSeen = true;
      long nanos = System.nanoTime() - requestStart;
      t.recordFirstChunk(tags("", ""), nanos);
      if (span != null) {
        span.setAttribute(GenAi.RESPONSE_TIME_TO_FIRST_CHUNK, nanos / 1e9);
      }
    }

    @Override
    public void succeeded(ChatResponse response) {
      Usage usage = response.usage() == null ? Usage.ZERO : response.usage();
      String responseModel = response.model() == null ? "" : response.model();
      Tags tags = tags(responseModel, "");
      t.recordDuration(tags, System.nanoTime() - attemptStart);
      if (response.usage() != null) {
        Tags tokenTags = tokenTags(responseModel);
        t.recordTokens(tokenTags, "input", usage.promptTokens());
        t.recordTokens(tokenTags, "output", usage.completionTokens());
        if (usage.cost() != null) {
          t.count(
              GenAi.METRIC_COST,
              "Cost of model requests in USD",
              Tags.of(GenAi.REQUEST_MODEL, model, GenAi.RESPONSE_MODEL, responseModel),
              usage.cost().doubleValue());
        }
      }
      openChat = null;
      Span s = span;
      span = null;
      if (s == null) {
        return;
      }
      if (response.id() != null) {
        s.setAttribute(GenAi.RESPONSE_ID, response.id());
      }
      if (response.model() != null) {
        s.setAttribute(GenAi.RESPONSE_MODEL, response.model());
      }
      List<String> reasons = new ArrayList<>();
      for (Choice c : response.choices()) {
        reasons.add(c.finishReason() == null ? "" : c.finishReason());
      }
      s.setAttribute(AttributeKey.stringArrayKey(GenAi.RESPONSE_FINISH_REASONS), reasons);
      if (response.usage() != null) {
        s.setAttribute(GenAi.USAGE_INPUT_TOKENS, (long) usage.promptTokens());
        s.setAttribute(GenAi.USAGE_OUTPUT_TOKENS, (long) usage.completionTokens());
        s.setAttribute(GenAi.USAGE_CACHE_READ_INPUT_TOKENS, (long) usage.cachedTokens());
        s.setAttribute(GenAi.USAGE_REASONING_OUTPUT_TOKENS, (long) usage.reasoningTokens());
        if (usage.cost() != null) {
          s.setAttribute(GenAi.OPENROUTER_COST_USD, usage.cost().doubleValue());
        }
      }
      if (response.provider() != null) {
        s.setAttribute(GenAi.OPENROUTER_PROVIDER, response.provider());
      }
      if (t.options.isCaptureContent() && response.message() != null) {
        s.setAttribute(GenAi.OUTPUT_MESSAGES, content(json(List.of(response.message()))));
      }
      s.end();
    }

    @Override
    public void failed(Throwable error) {
      if (span != null) {
        String type = errorType(error);
        t.recordDuration(tags("", type), System.nanoTime() - attemptStart);
        endWithError(type, String.valueOf(error.getMessage()));
      }
      openChat = null;
    }

    void interrupt(String reason) {
      if (span != null) {
        t.recordDuration(tags("", reason), System.nanoTime() - attemptStart);
        endWithError(reason, "the run stopped: " + reason);
      }
      openChat = null;
    }

    private void endWithError(String type, String message) {
      Span s = span;
      span = null;
      if (s != null) {
        s.setAttribute(GenAi.ERROR_TYPE, type);
        s.setStatus(StatusCode.ERROR, message);
        s.end();
      }
    }

    private Tags tags(String responseModel, String errorType) {
      return Tags.of(
          GenAi.OPERATION_NAME, GenAi.OP_CHAT,
          GenAi.PROVIDER_NAME, GenAi.PROVIDER_OPENROUTER,
          GenAi.REQUEST_MODEL, model,
          GenAi.RESPONSE_MODEL, responseModel,
          GenAi.ERROR_TYPE, errorType);
    }

    private Tags tokenTags(String responseModel) {
      return Tags.of(
          GenAi.OPERATION_NAME,
          GenAi.OP_CHAT,
          GenAi.PROVIDER_NAME,
          GenAi.PROVIDER_OPENROUTER,
          GenAi.REQUEST_MODEL,
          model,
          GenAi.RESPONSE_MODEL,
          responseModel);
    }
  }

  private static void parameters(SpanBuilder b, ChatParameters p) {
    if (p.temperature() != null) {
      b.setAttribute(GenAi.REQUEST_TEMPERATURE, p.temperature());
    }
    if (p.topP() != null) {
      b.setAttribute(GenAi.REQUEST_TOP_P, p.topP());
    }
    if (p.topK() != null) {
      b.setAttribute(GenAi.REQUEST_TOP_K, (double) p.topK());
    }
    Integer max = p.maxTokens() != null ? p.maxTokens() : p.maxCompletionTokens();
    if (max != null) {
      b.setAttribute(GenAi.REQUEST_MAX_TOKENS, (long) max);
    }
    if (p.frequencyPenalty() != null) {
      b.setAttribute(GenAi.REQUEST_FREQUENCY_PENALTY, p.frequencyPenalty());
    }
    if (p.presencePenalty() != null) {
      b.setAttribute(GenAi.REQUEST_PRESENCE_PENALTY, p.presencePenalty());
    }
    if (p.seed() != null) {
      b.setAttribute(GenAi.REQUEST_SEED, p.seed());
    }
    if (p.stop() != null) {
      b.setAttribute(AttributeKey.stringArrayKey(GenAi.REQUEST_STOP_SEQUENCES), p.stop());
    }
  }

  private static String json(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return "";
    }
  }
}
