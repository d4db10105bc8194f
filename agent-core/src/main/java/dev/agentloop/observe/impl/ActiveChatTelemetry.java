package dev.agentloop.observe.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentloop.observe.GenAi;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.Choice;
import dev.agentloop.openrouter.ExchangeListener;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.openrouter.impl.Json;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** One model request of an {@link ActiveRunTelemetry}: a {@code chat} span per HTTP attempt. */
final class ActiveChatTelemetry extends ChatTelemetry {

  private final ActiveRunTelemetry run;
  private final Telemetry t;
  private final ChatRequest request;
  private final boolean stream;
  private final String model;
  private @Nullable Span span;
  private long attemptStart;
  private long requestStart = System.nanoTime();
  private boolean firstChunkSeen;

  ActiveChatTelemetry(ActiveRunTelemetry run, ChatRequest request, boolean stream) {
    this.run = run;
    this.t = run.t;
    this.request = request;
    this.stream = stream;
    this.model = request.parameters().model() == null ? "" : request.parameters().model();
    run.openChat = this;
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
    if (run.tracer == null || run.ended) {
      return;
    }
    // The attributes the conventions list as sampling-relevant go on the builder, where a sampler
    // sees them; the rest only on a span that is recorded, so a dropped span costs little.
    SpanBuilder b =
        run.tracer
            .spanBuilder(t.chatSpanName(model))
            .setParent(run.runContext)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(Keys.OPERATION_NAME, GenAi.OP_CHAT)
            .setAttribute(Keys.PROVIDER_NAME, GenAi.PROVIDER_OPENROUTER);
    if (!model.isEmpty()) {
      b.setAttribute(Keys.REQUEST_MODEL, model);
    }
    if (!serverAddress.isEmpty()) {
      b.setAttribute(Keys.SERVER_ADDRESS, serverAddress);
    }
    if (serverPort > 0) {
      b.setAttribute(Keys.SERVER_PORT, (long) serverPort);
    }
    Span started = b.startSpan();
    if (started.isRecording()) {
      started.setAttribute(Keys.CONVERSATION_ID, run.conversationId);
      started.setAttribute(Keys.OPENROUTER_ATTEMPT, (long) attempt);
      started.setAttribute(Keys.REQUEST_STREAM, stream);
      parameters(started, request.parameters());
      if (t.options.isCaptureContent()) {
        started.setAttribute(Keys.INPUT_MESSAGES, run.content(json(request.messages())));
      }
    }
    span = started;
  }

  @Override
  public void attemptFailed(Throwable error, boolean willRetry) {
    String type = ActiveRunTelemetry.errorType(error);
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
      span.setAttribute(Keys.RESPONSE_TIME_TO_FIRST_CHUNK, nanos / 1e9);
    }
  }

  @Override
  public void succeeded(ChatResponse response) {
    Usage usage = response.usage() == null ? Usage.ZERO : response.usage();
    String responseModel = response.model() == null ? "" : response.model();
    if (t.registry != null) {
      Telemetry.ChatMeters m = t.chatMeters(model, responseModel);
      m.duration().record(System.nanoTime() - attemptStart, TimeUnit.NANOSECONDS);
      if (response.usage() != null) {
        m.input().record(usage.promptTokens());
        m.output().record(usage.completionTokens());
        if (usage.cost() != null) {
          m.cost().increment(usage.cost().doubleValue());
        }
      }
    }
    run.openChat = null;
    Span s = span;
    span = null;
    if (s == null) {
      return;
    }
    if (!s.isRecording()) {
      // not sampled: nothing would be kept of the attributes below
      s.end();
      return;
    }
    if (response.id() != null) {
      s.setAttribute(Keys.RESPONSE_ID, response.id());
    }
    if (response.model() != null) {
      s.setAttribute(Keys.RESPONSE_MODEL, response.model());
    }
    s.setAttribute(Keys.RESPONSE_FINISH_REASONS, finishReasons(response.choices()));
    if (response.usage() != null) {
      s.setAttribute(Keys.USAGE_INPUT_TOKENS, (long) usage.promptTokens());
      s.setAttribute(Keys.USAGE_OUTPUT_TOKENS, (long) usage.completionTokens());
      s.setAttribute(Keys.USAGE_CACHE_READ_INPUT_TOKENS, (long) usage.cachedTokens());
      s.setAttribute(Keys.USAGE_REASONING_OUTPUT_TOKENS, (long) usage.reasoningTokens());
      if (usage.cost() != null) {
        s.setAttribute(Keys.OPENROUTER_COST_USD, usage.cost().doubleValue());
      }
    }
    if (response.provider() != null) {
      s.setAttribute(Keys.OPENROUTER_PROVIDER, response.provider());
    }
    if (t.options.isCaptureContent() && response.message() != null) {
      s.setAttribute(Keys.OUTPUT_MESSAGES, run.content(json(List.of(response.message()))));
    }
    s.end();
  }

  @Override
  public void failed(Throwable error) {
    if (span != null) {
      String type = ActiveRunTelemetry.errorType(error);
      t.recordDuration(tags("", type), System.nanoTime() - attemptStart);
      endWithError(type, String.valueOf(error.getMessage()));
    }
    run.openChat = null;
  }

  void interrupt(String reason) {
    if (span != null) {
      t.recordDuration(tags("", reason), System.nanoTime() - attemptStart);
      endWithError(reason, "the run stopped: " + reason);
    }
    run.openChat = null;
  }

  private void endWithError(String type, String message) {
    Span s = span;
    span = null;
    if (s != null) {
      s.setAttribute(Keys.ERROR_TYPE, type);
      s.setStatus(StatusCode.ERROR, message);
      s.end();
    }
  }

  /** The choices' finish reasons ("" for none); the SDK copies the list it is given. */
  private static List<String> finishReasons(List<Choice> choices) {
    if (choices.size() == 1) {
      String reason = choices.get(0).finishReason();
      return List.of(reason == null ? "" : reason);
    }
    List<String> reasons = new ArrayList<>(choices.size());
    for (Choice c : choices) {
      reasons.add(c.finishReason() == null ? "" : c.finishReason());
    }
    return reasons;
  }

  private Tags tags(String responseModel, String errorType) {
    return Tags.of(
        GenAi.OPERATION_NAME, GenAi.OP_CHAT,
        GenAi.PROVIDER_NAME, GenAi.PROVIDER_OPENROUTER,
        GenAi.REQUEST_MODEL, model,
        GenAi.RESPONSE_MODEL, responseModel,
        GenAi.ERROR_TYPE, errorType);
  }

  private static void parameters(Span b, ChatParameters p) {
    if (p.temperature() != null) {
      b.setAttribute(Keys.REQUEST_TEMPERATURE, p.temperature());
    }
    if (p.topP() != null) {
      b.setAttribute(Keys.REQUEST_TOP_P, p.topP());
    }
    if (p.topK() != null) {
      b.setAttribute(Keys.REQUEST_TOP_K, (double) p.topK());
    }
    Integer max = p.maxTokens() != null ? p.maxTokens() : p.maxCompletionTokens();
    if (max != null) {
      b.setAttribute(Keys.REQUEST_MAX_TOKENS, (long) max);
    }
    if (p.frequencyPenalty() != null) {
      b.setAttribute(Keys.REQUEST_FREQUENCY_PENALTY, p.frequencyPenalty());
    }
    if (p.presencePenalty() != null) {
      b.setAttribute(Keys.REQUEST_PRESENCE_PENALTY, p.presencePenalty());
    }
    if (p.seed() != null) {
      b.setAttribute(Keys.REQUEST_SEED, p.seed());
    }
    if (p.stop() != null) {
      b.setAttribute(Keys.REQUEST_STOP_SEQUENCES, p.stop());
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
