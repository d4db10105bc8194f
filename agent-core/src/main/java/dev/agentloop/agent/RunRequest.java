package dev.agentloop.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.memory.ConversationMemory;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.RequestExtras;
import java.lang.reflect.Type;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one run should do: the user turn plus optional conversation memory, structured output,
 * streaming, session id and request parameters that override the agent's.
 *
 * <pre>{@code
 * RunRequest request = RunRequest.builder("Plan my trip to Lyon")
 *     .memory(memory)
 *     .output(TripPlan.class)
 *     .stream(true)
 *     .parameters(ChatParameters.builder().temperature(0.9).maxTokens(1024).build())
 *     .build();
 * }</pre>
 *
 * @param userMessage the user turn
 * @param memory the conversation to continue, read before and appended to after the run; or null
 * @param outputType the Java type of a structured answer, or null
 * @param outputSchema an explicit JSON schema of a structured answer, or null
 * @param stream whether to stream model answers (text deltas become events)
 * @param sessionId the {@code session_id}; null uses the one of the parameters, else generates one
 *     per run
 * @param parameters request parameters for this run: each field set here overrides the agent's
 *     ({@link AgentOptions#getParameters()}, see {@link ChatParameters#overrideWith}); or null
 * @param traceParent a W3C {@code traceparent} whose span becomes the parent of the run's {@code
 *     invoke_agent} span (e.g. from an incoming HTTP request); or null
 * @param extras request fields and headers for this run, added to the agent's ({@link
 *     AgentOptions#getExtras()}, see {@link RequestExtras#overrideWith}); or null
 */
public record RunRequest(
    Message userMessage,
    @Nullable ConversationMemory memory,
    @Nullable Type outputType,
    @Nullable JsonNode outputSchema,
    boolean stream,
    @Nullable String sessionId,
    @Nullable ChatParameters parameters,
    @Nullable String traceParent,
    @Nullable RequestExtras extras) {

  /** The longest accepted {@code traceparent}. */
  public static final int MAX_TRACE_PARENT_LENGTH = 256;

  /** Validates the components. */
  public RunRequest {
    Objects.requireNonNull(userMessage, "userMessage == null");
    if (outputType != null && outputSchema != null) {
      throw new IllegalArgumentException("give an output type or an output schema, not both");
    }
    ChatParameters.checkSessionId(sessionId);
    if (traceParent != null && traceParent.length() > MAX_TRACE_PARENT_LENGTH) {
      throw new IllegalArgumentException(
          "traceParent is longer than " + MAX_TRACE_PARENT_LENGTH + ": " + traceParent.length());
    }
  }

  /** Creates a request without extras (the form before extras). */
  public RunRequest(
      Message userMessage,
      @Nullable ConversationMemory memory,
      @Nullable Type outputType,
      @Nullable JsonNode outputSchema,
      boolean stream,
      @Nullable String sessionId,
      @Nullable ChatParameters parameters,
      @Nullable String traceParent) {
    this(
        userMessage,
        memory,
        outputType,
        outputSchema,
        stream,
        sessionId,
        parameters,
        traceParent,
        null);
  }

  /** Creates a plain request for one user prompt. */
  public static RunRequest of(String prompt) {
    return builder(prompt).build();
  }

  /** Returns a builder for a request with the given user prompt. */
  public static Builder builder(String prompt) {
    return new Builder(Message.user(Objects.requireNonNull(prompt, "prompt == null")));
  }

  /** Returns a builder for a request with the given user message (e.g. with images). */
  public static Builder builder(Message userMessage) {
    return new Builder(userMessage);
  }

  /** Returns a builder initialised from this request. */
  public Builder toBuilder() {
    Builder b = new Builder(userMessage);
    b.memory = memory;
    b.outputType = outputType;
    b.outputSchema = outputSchema;
    b.stream = stream;
    b.sessionId = sessionId;
    b.parameters = parameters;
    b.traceParent = traceParent;
    b.extras = extras;
    return b;
  }

  /** Builds {@link RunRequest}s. */
  public static final class Builder {
    private final Message userMessage;
    private @Nullable ConversationMemory memory;
    private @Nullable Type outputType;
    private @Nullable JsonNode outputSchema;
    private boolean stream;
    private @Nullable String sessionId;
    private @Nullable ChatParameters parameters;
    private @Nullable String traceParent;
    private @Nullable RequestExtras extras;

    private Builder(Message userMessage) {
      this.userMessage = Objects.requireNonNull(userMessage, "userMessage == null");
    }

    /** Continues the given conversation. */
    public Builder memory(@Nullable ConversationMemory memory) {
      this.memory = memory;
      return this;
    }

    /** Asks for a structured answer of this Java type (records, POJOs, lists, enums). */
    public Builder output(@Nullable Type type) {
      this.outputType = type;
      return this;
    }

    /** Asks for a structured answer matching this JSON schema. */
    public Builder outputSchema(@Nullable JsonNode schema) {
      this.outputSchema = schema;
      return this;
    }

    /** Streams model answers; text deltas are delivered as events. */
    public Builder stream(boolean stream) {
      this.stream = stream;
      return this;
    }

    /** Sets the {@code session_id}; by default each run generates one. */
    public Builder sessionId(@Nullable String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    /**
     * Sets request parameters for this run; each field set overrides the agent's. A forcing {@code
     * toolChoice} applies to the run's first request only.
     */
    public Builder parameters(@Nullable ChatParameters parameters) {
      this.parameters = parameters;
      return this;
    }

    /**
     * Sets the W3C {@code traceparent} whose span becomes the parent of the run's span; at most
     * {@link #MAX_TRACE_PARENT_LENGTH} characters, an invalid one is ignored.
     */
    public Builder traceParent(@Nullable String traceParent) {
      this.traceParent = traceParent;
      return this;
    }

    /**
     * Sets request fields and HTTP headers for this run, added to the agent's; a field or header
     * set in both takes this run's value.
     */
    public Builder extras(@Nullable RequestExtras extras) {
      this.extras = extras;
      return this;
    }

    /** Builds the request. */
    public RunRequest build() {
      return new RunRequest(
          userMessage,
          memory,
          outputType,
          outputSchema,
          stream,
          sessionId,
          parameters,
          traceParent,
          extras);
    }
  }
}
