package dev.agentloop.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.agent.StopReason;
import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.FunctionCall;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.Usage;
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
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalCodecTest {

  @Test
  void everyRecordSurvivesItsJsonForm() {
    Message assistant = Message.assistant(null,
        List.of(new ToolCall("call_1", "function", new FunctionCall("add", "{\"a\":1,\"b\":2}"))));
    List<JournalRecord> records = List.of(
        new RunStarted("run-1", "s-1", List.of(Message.system("be brief"), Message.user("hi")),
            ChatParameters.builder().temperature(0.5).maxTokens(100).build(), "assistant"),
        new RunStarted("run-2", "s-2", List.of(Message.user("hi")), null, null),
        new ModelResponded(1, "ITERATION", "m/a", "m/b", assistant, Usage.ZERO, "tool_calls"),
        new ToolStarted("call_1", "add", "{\"a\":1,\"b\":2}"),
        new ToolFinished(ToolResult.success("call_1", "add", "3", Duration.ofMillis(7))),
        new ToolFinished(ToolResult.error("call_2", "x", ToolResult.ErrorKind.TIMEOUT, "late",
            Duration.ofMillis(9))),
        new ApprovalRequested("call_3", "deleteFile", "{\"path\":\"/a\"}", "abc"),
        new ApprovalDecided("call_3", true, null, "{\"path\":\"/b\"}"),
        new ApprovalDecided("call_4", false, "no", null),
        new RunParked(List.of("call_3", "call_4")),
        new RunFinished(StopReason.COMPLETED, "done"),
        new RunFinished(StopReason.CANCELLED, null));

    for (JournalRecord r : records) {
      assertThat(JournalCodec.decode(JournalCodec.encode(r))).isEqualTo(r);
    }
  }

  @Test
  void recordsCarryTheVersionAndType() {
    assertThat(JournalCodec.encode(new ToolStarted("c", "add", "{}")))
        .isEqualTo("{\"v\":1,\"type\":\"tool_started\",\"call_id\":\"c\",\"name\":\"add\","
            + "\"arguments\":\"{}\"}");
  }

  @Test
  void newerVersionIsRefusedWithAClearError() {
    assertThatThrownBy(() -> JournalCodec.decode("{\"v\":2,\"type\":\"tool_started\"}"))
        .isInstanceOf(JournalFormatException.class)
        .hasMessage("journal record version 2 is not supported (this reader supports 1 to 1):"
            + " upgrade AgentLoop to read this journal");
  }

  @Test
  void recordWithoutVersionIsRefused() {
    assertThatThrownBy(() -> JournalCodec.decode("{\"type\":\"run_parked\",\"call_ids\":[]}"))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageStartingWith("journal record has no version: ");
  }

  @Test
  void unknownTypeAndMissingFieldsAreRefused() {
    assertThatThrownBy(() -> JournalCodec.decode("{\"v\":1,\"type\":\"nap\"}"))
        .isInstanceOf(JournalFormatException.class)
        .hasMessage("malformed journal record: unknown record type nap: {\"v\":1,\"type\":\"nap\"}");
    assertThatThrownBy(() -> JournalCodec.decode("{\"v\":1,\"type\":\"tool_started\"}"))
        .isInstanceOf(JournalFormatException.class)
        .hasMessageStartingWith("malformed journal record: missing field call_id");
  }

  @Test
  void overlongRecordIsRefusedBeforeParsing() {
    String text = " ".repeat(JournalCodec.MAX_RECORD_CHARS + 1);
    assertThatThrownBy(() -> JournalCodec.decode(text))
        .isInstanceOf(JournalFormatException.class)
        .hasMessage("journal record too long: 16777217 characters (max 16777216)");
  }

  @Test
  void digestIgnoresWhitespaceAndKeyOrder() {
    assertThat(ApprovalDecision.digest("{\"b\":1, \"a\":2}"))
        .isEqualTo(ApprovalDecision.digest("{\"a\":2,\"b\":1}"))
        .hasSize(64)
        .isNotEqualTo(ApprovalDecision.digest("{\"a\":3,\"b\":1}"));
  }
}
