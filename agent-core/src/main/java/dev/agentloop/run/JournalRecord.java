package dev.agentloop.run;

import dev.agentloop.agent.StopReason;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.tool.ToolResult;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a run's append-only journal. The loop writes each record before it acts on what the
 * record says, so a run's state can be rebuilt from its journal alone (see {@link JournalCodec} for
 * the JSON form).
 */
public sealed interface JournalRecord {

  /**
   * The run began.
   *
   * @param runId the run id
   * @param sessionId the session id sent on every request
   * @param transcript the first messages: instructions, history and the user turn
   * @param parameters the run's request parameters (overriding the agent's), or null
   * @param agent the agent's name ({@code AgentOptions.getName()}), or null
   * @param outputType the Java type name of a structured answer ({@link
   *     java.lang.reflect.Type#getTypeName()}), or null
   * @param outputSchema the explicit JSON schema of a structured answer (JSON text), or null
   */
  record RunStarted(
      String runId,
      String sessionId,
      List<Message> transcript,
      @Nullable ChatParameters parameters,
      @Nullable String agent,
      @Nullable String outputType,
      @Nullable String outputSchema)
      implements JournalRecord {
    /** Validates and copies. */
    public RunStarted {
      Objects.requireNonNull(runId, "runId == null");
      Objects.requireNonNull(sessionId, "sessionId == null");
      transcript = List.copyOf(transcript);
    }

    /** Creates the record of a run that answers in text. */
    public RunStarted(
        String runId,
        String sessionId,
        List<Message> transcript,
        @Nullable ChatParameters parameters,
        @Nullable String agent) {
      this(runId, sessionId, transcript, parameters, agent, null, null);
    }
  }

  /**
   * A model answered.
   *
   * @param step the step number, from 1
   * @param kind the step kind ({@code ITERATION}, {@code FINAL_ANSWER}, {@code OUTPUT_REPAIR})
   * @param requestedModel the model asked for, or null
   * @param model the model that answered, or null
   * @param message the assistant message as received
   * @param usage the step's usage
   * @param finishReason the finish reason, or null
   */
  record ModelResponded(
      int step,
      String kind,
      @Nullable String requestedModel,
      @Nullable String model,
      Message message,
      Usage usage,
      @Nullable String finishReason)
      implements JournalRecord {
    /** Validates. */
    public ModelResponded {
      Objects.requireNonNull(kind, "kind == null");
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(usage, "usage == null");
    }
  }

  /**
   * A tool call is about to run (written before the tool is invoked).
   *
   * @param callId the model's call id
   * @param name the tool name
   * @param arguments the arguments it runs with (JSON text)
   */
  record ToolStarted(String callId, String name, String arguments) implements JournalRecord {}

  /**
   * A tool call has a result (written before the model sees it).
   *
   * @param result the result
   */
  record ToolFinished(ToolResult result) implements JournalRecord {}

  /**
   * A call waits for a person's decision.
   *
   * @param callId the model's call id
   * @param name the tool name
   * @param arguments the arguments as the model wrote them (JSON text)
   * @param digest {@link ApprovalDecision#digest(String)} of the arguments
   */
  record ApprovalRequested(String callId, String name, String arguments, String digest)
      implements JournalRecord {}

  /**
   * A person decided a pending call; a call is decided at most once.
   *
   * @param callId the call id
   * @param approved whether it may run
   * @param message the rejection message the model reads, or null
   * @param arguments edited arguments (JSON text) to run with instead, or null
   */
  record ApprovalDecided(
      String callId, boolean approved, @Nullable String message, @Nullable String arguments)
      implements JournalRecord {}

  /**
   * The run stopped to wait for decisions on these calls.
   *
   * @param callIds the pending calls
   */
  record RunParked(List<String> callIds) implements JournalRecord {
    /** Copies. */
    public RunParked {
      callIds = List.copyOf(callIds);
    }
  }

  /**
   * The run ended.
   *
   * @param reason the stop reason
   * @param text the final answer, or null
   */
  record RunFinished(StopReason reason, @Nullable String text) implements JournalRecord {}
}
