package dev.agentloop.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.UrlCitation;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.run.PendingApproval;
import dev.agentloop.schema.JsonSchemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a run: why it stopped, the answer, and everything that happened on the way.
 *
 * @param runId the run id
 * @param sessionId the {@code session_id} sent on every request
 * @param stopReason why the run stopped
 * @param text the final answer text, or null when the run stopped before one
 * @param output the structured answer as JSON, when one was asked for and was valid; otherwise null
 * @param value the structured answer bound to the requested Java type, or null
 * @param transcript every message as sent and received: instructions, history, the user turn,
 *     assistant messages exactly as received (with {@code reasoning_details}) and tool messages
 * @param steps every model round trip, with its tool calls and usage
 * @param usage the sum of the steps' usage, including cost in USD
 * @param usageByModel the steps' usage summed per answering model
 * @param model the model that answered last ({@code response.model}), or null before any answer
 * @param error the cause of an abnormal stop (API error, cancellation), or null
 * @param outputErrors the validation errors of the last structured answer, when it was invalid
 * @param pendingApprovals the calls waiting for a person when the run stopped with {@link
 *     StopReason#AWAITING_APPROVAL}; otherwise empty
 */
public record AgentResult(
    String runId,
    String sessionId,
    StopReason stopReason,
    @Nullable String text,
    @Nullable JsonNode output,
    @Nullable Object value,
    List<Message> transcript,
    List<Step> steps,
    Usage usage,
    Map<String, Usage> usageByModel,
    @Nullable String model,
    @Nullable Throwable error,
    List<String> outputErrors,
    List<PendingApproval> pendingApprovals) {

  /** Validates the components and copies the collections. */
  public AgentResult {
    Objects.requireNonNull(runId, "runId == null");
    Objects.requireNonNull(sessionId, "sessionId == null");
    Objects.requireNonNull(stopReason, "stopReason == null");
    transcript = List.copyOf(transcript);
    steps = List.copyOf(steps);
    Objects.requireNonNull(usage, "usage == null");
    usageByModel = Map.copyOf(usageByModel);
    outputErrors = List.copyOf(outputErrors);
    pendingApprovals = List.copyOf(pendingApprovals);
  }

  /** Creates a result with no pending approvals (the form before durable runs). */
  public AgentResult(
      String runId,
      String sessionId,
      StopReason stopReason,
      @Nullable String text,
      @Nullable JsonNode output,
      @Nullable Object value,
      List<Message> transcript,
      List<Step> steps,
      Usage usage,
      Map<String, Usage> usageByModel,
      @Nullable String model,
      @Nullable Throwable error,
      List<String> outputErrors) {
    this(
        runId,
        sessionId,
        stopReason,
        text,
        output,
        value,
        transcript,
        steps,
        usage,
        usageByModel,
        model,
        error,
        outputErrors,
        List.of());
  }

  /** Returns {@code true} when the run stopped with {@link StopReason#COMPLETED}. */
  public boolean isCompleted() {
    return stopReason == StopReason.COMPLETED;
  }

  /**
   * Returns the structured answer as an instance of the given type: the bound value when it has
   * that type, otherwise the JSON output converted with Jackson.
   *
   * @throws IllegalStateException when the run produced no structured output
   * @throws IllegalArgumentException when the output cannot be converted to the type
   */
  public <T> T output(Class<T> type) {
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    if (output == null) {
      throw new IllegalStateException("the run has no structured output: " + stopReason);
    }
    return JsonSchemas.objectMapper().convertValue(output, type);
  }

  /**
   * Returns the web sources the answers cited ({@code url_citation} annotations of every step's
   * message, e.g. from the {@code openrouter:web_search} server tool), in order of first citation
   * and without duplicate urls: the first citation of a url is kept.
   */
  public List<UrlCitation> sources() {
    Map<String, UrlCitation> byUrl = new LinkedHashMap<>();
    for (Step s : steps) {
      for (UrlCitation c : s.message().citations()) {
        byUrl.putIfAbsent(c.url(), c);
      }
    }
    return List.copyOf(byUrl.values());
  }

  /** All tool calls of all steps, in order. */
  public List<ToolExecution> toolExecutions() {
    return steps.stream().flatMap(s -> s.toolCalls().stream()).toList();
  }
}
