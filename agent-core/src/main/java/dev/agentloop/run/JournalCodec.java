package dev.agentloop.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentloop.agent.StopReason;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.openrouter.impl.Json;
import dev.agentloop.run.JournalRecord.ApprovalDecided;
import dev.agentloop.run.JournalRecord.ApprovalRequested;
import dev.agentloop.run.JournalRecord.ModelResponded;
import dev.agentloop.run.JournalRecord.RunFinished;
import dev.agentloop.run.JournalRecord.RunParked;
import dev.agentloop.run.JournalRecord.RunStarted;
import dev.agentloop.run.JournalRecord.ToolFinished;
import dev.agentloop.run.JournalRecord.ToolStarted;
import dev.agentloop.tool.ToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The versioned JSON form of journal records: one object per record, {@code {"v":1,"type":
 * "tool_started","call_id":...}}. Readers accept every version up to {@link #VERSION} and refuse
 * newer ones with a {@link JournalFormatException}, so an old node never misreads a newer journal.
 */
public final class JournalCodec {

  /** The version this code writes and the newest it reads. */
  public static final int VERSION = 1;

  /** The longest record text {@link #decode} accepts, in characters (16 MiB). */
  public static final int MAX_RECORD_CHARS = 16 * 1024 * 1024;

  private JournalCodec() {}

  /** Returns the JSON text of a record. */
  public static String encode(JournalRecord record) {
    ObjectNode o = Json.MAPPER.createObjectNode().put("v", VERSION);
    if (record instanceof RunStarted r) {
      o.put("type", "run_started").put("run_id", r.runId()).put("session_id", r.sessionId());
      o.set("transcript", Json.MAPPER.valueToTree(r.transcript()));
      if (r.parameters() != null) {
        o.set("parameters", Json.MAPPER.valueToTree(r.parameters()));
      }
      o.put("agent", r.agent());
      if (r.outputType() != null) {
        o.put("output_type", r.outputType());
      }
      if (r.outputSchema() != null) {
        o.put("output_schema", r.outputSchema());
      }
    } else if (record instanceof ModelResponded r) {
      o.put("type", "model_responded").put("step", r.step()).put("kind", r.kind());
      o.put("requested_model", r.requestedModel()).put("model", r.model());
      o.set("message", Json.MAPPER.valueToTree(r.message()));
      o.set("usage", Json.MAPPER.valueToTree(r.usage()));
      o.put("finish_reason", r.finishReason());
    } else if (record instanceof ToolStarted r) {
      o.put("type", "tool_started").put("call_id", r.callId()).put("name", r.name());
      o.put("arguments", r.arguments());
    } else if (record instanceof ToolFinished f) {
      ToolResult r = f.result();
      o.put("type", "tool_finished").put("call_id", r.toolCallId()).put("name", r.name());
      o.put("content", r.content()).put("error", r.error() == null ? null : r.error().name());
      o.put("duration_ms", r.duration().toMillis());
    } else if (record instanceof ApprovalRequested r) {
      o.put("type", "approval_requested").put("call_id", r.callId()).put("name", r.name());
      o.put("arguments", r.arguments()).put("digest", r.digest());
    } else if (record instanceof ApprovalDecided r) {
      o.put("type", "approval_decided").put("call_id", r.callId()).put("approved", r.approved());
      o.put("message", r.message()).put("arguments", r.arguments());
    } else if (record instanceof RunParked r) {
      o.put("type", "run_parked");
      ArrayNode ids = o.putArray("call_ids");
      r.callIds().forEach(ids::add);
    } else if (record instanceof RunFinished r) {
      o.put("type", "run_finished").put("reason", r.reason().name()).put("text", r.text());
    }
    return o.toString();
  }

  /**
   * Parses the JSON text of a record.
   *
   * @throws JournalFormatException when the text is not a record, is longer than {@link
   *     #MAX_RECORD_CHARS}, or was written by a newer version
   */
  public static JournalRecord decode(String text) {
    if (text.length() > MAX_RECORD_CHARS) {
      throw new JournalFormatException(
          "journal record too long: "
              + text.length()
              + " characters (max "
              + MAX_RECORD_CHARS
              + ")");
    }
    JsonNode o;
    try {
      o = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new JournalFormatException("journal record is not JSON: " + e.getOriginalMessage());
    }
    if (o == null || !o.isObject() || !o.path("v").canConvertToInt()) {
      throw new JournalFormatException("journal record has no version: " + abbreviate(text));
    }
    int v = o.get("v").asInt();
    if (v > VERSION || v < 1) {
      throw new JournalFormatException(
          "journal record version "
              + v
              + " is not supported (this reader supports 1 to "
              + VERSION
              + "): upgrade AgentLoop to read this journal");
    }
    try {
      return read(o);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new JournalFormatException(
          "malformed journal record: " + e.getMessage() + ": " + abbreviate(text));
    }
  }

  private static JournalRecord read(JsonNode o) {
    String type = o.path("type").asText();
    return switch (type) {
      case "run_started" -> {
        List<Message> transcript = new ArrayList<>();
        for (JsonNode m : o.path("transcript")) {
          transcript.add(Json.convert(m, Message.class));
        }
        yield new RunStarted(
            text(o, "run_id"),
            text(o, "session_id"),
            transcript,
            o.hasNonNull("parameters")
                ? Json.convert(o.get("parameters"), ChatParameters.class)
                : null,
            optional(o, "agent"),
            optional(o, "output_type"),
            optional(o, "output_schema"));
      }
      case "model_responded" ->
          new ModelResponded(
              o.path("step").asInt(),
              text(o, "kind"),
              optional(o, "requested_model"),
              optional(o, "model"),
              Json.convert(o.path("message"), Message.class),
              Json.convert(o.path("usage"), Usage.class),
              optional(o, "finish_reason"));
      case "tool_started" ->
          new ToolStarted(text(o, "call_id"), text(o, "name"), text(o, "arguments"));
      case "tool_finished" -> {
        String error = optional(o, "error");
        yield new ToolFinished(
            new ToolResult(
                text(o, "call_id"),
                text(o, "name"),
                text(o, "content"),
                error == null ? null : ToolResult.ErrorKind.valueOf(error),
                Duration.ofMillis(o.path("duration_ms").asLong())));
      }
      case "approval_requested" ->
          new ApprovalRequested(
              text(o, "call_id"), text(o, "name"), text(o, "arguments"), text(o, "digest"));
      case "approval_decided" ->
          new ApprovalDecided(
              text(o, "call_id"),
              o.path("approved").asBoolean(),
              optional(o, "message"),
              optional(o, "arguments"));
      case "run_parked" -> {
        List<String> ids = new ArrayList<>();
        o.path("call_ids").forEach(id -> ids.add(id.asText()));
        yield new RunParked(ids);
      }
      case "run_finished" ->
          new RunFinished(StopReason.valueOf(text(o, "reason")), optional(o, "text"));
      default -> throw new IllegalArgumentException("unknown record type " + type);
    };
  }

  private static String text(JsonNode o, String field) {
    if (!o.path(field).isTextual()) {
      throw new IllegalArgumentException("missing field " + field);
    }
    return o.get(field).asText();
  }

  private static @Nullable String optional(JsonNode o, String field) {
    return o.path(field).isTextual() ? o.get(field).asText() : null;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
