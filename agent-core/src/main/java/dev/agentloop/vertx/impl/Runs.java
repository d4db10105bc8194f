package dev.agentloop.vertx.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agentloop.agent.RunRequest;
import dev.agentloop.internal.Json;
import dev.agentloop.memory.ConversationMemory;
import dev.agentloop.vertx.AgentServiceRequest;
import io.vertx.core.json.JsonObject;
import org.jspecify.annotations.Nullable;

/** Turns service requests into run requests. */
public final class Runs {

  private Runs() {}

  /**
   * Builds the run request: the prompt, the conversation's memory (or null), the output schema.
   *
   * @throws IllegalArgumentException when the schema is not valid JSON
   */
  public static RunRequest toRunRequest(
      AgentServiceRequest request, @Nullable ConversationMemory memory, boolean stream) {
    RunRequest.Builder builder = RunRequest.builder(request.prompt()).stream(stream).memory(memory);
    JsonObject schema = request.outputSchema();
    if (schema != null) {
      try {
        builder.outputSchema(Json.MAPPER.readTree(schema.encode()));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "outputSchema is not valid JSON: " + e.getOriginalMessage());
      }
    }
    return builder.build();
  }

  /** The W3C trace context header name, on HTTP requests and event-bus messages. */
  public static final String TRACEPARENT = "traceparent";

  /**
   * Returns the request with an incoming {@code traceparent} as the parent of its run span; a
   * missing or over-long one leaves the request as it is.
   */
  public static RunRequest traced(RunRequest request, @Nullable String traceParent) {
    return traceParent == null || traceParent.length() > RunRequest.MAX_TRACE_PARENT_LENGTH
        ? request
        : request.toBuilder().traceParent(traceParent).build();
  }
}
