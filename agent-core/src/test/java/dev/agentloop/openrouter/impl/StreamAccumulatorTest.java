package dev.agentloop.openrouter.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.ChatChunk;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import org.junit.jupiter.api.Test;

class StreamAccumulatorTest {

  private static ChatChunk chunk(String json) throws Exception {
    return Json.MAPPER.readValue(json, ChatChunk.class);
  }

  @Test
  void toolCallDeltasAssembleByIndex() throws Exception {
    StreamAccumulator acc = new StreamAccumulator();
    acc.accept(chunk("{\"id\":\"gen-1\",\"model\":\"m\",\"provider\":\"P\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
        + "{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"\"}},"
        + "{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"time\"}}]}}]}"));
    acc.accept(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":["
        + "{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\"}}]}}]}"));
    acc.accept(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":["
        + "{\"index\":0,\"function\":{\"arguments\":\"\\\":\\\"Tokyo\\\"}\"}}]}}]}"));
    acc.accept(chunk("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\","
        + "\"native_finish_reason\":\"tool_use\"}]}"));
    acc.accept(chunk("{\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
        + "\"total_tokens\":15,\"cost\":0.0001}}"));

    ChatResponse r = acc.toResponse();
    assertThat(r.id()).isEqualTo("gen-1");
    assertThat(r.model()).isEqualTo("m");
    assertThat(r.provider()).isEqualTo("P");
    assertThat(r.finishReason()).isEqualTo("tool_calls");
    assertThat(r.choices().get(0).nativeFinishReason()).isEqualTo("tool_use");
    assertThat(r.usage().totalTokens()).isEqualTo(15);
    Message m = r.message();
    assertThat(m.content()).isNull();
    assertThat(m.toolCalls()).containsExactly(
        ToolCall.of("call_a", "weather", "{\"city\":\"Tokyo\"}"),
        ToolCall.of("call_b", "time", "{}"));
  }

  @Test
  void contentReasoningAndDetailsAreConcatenated() throws Exception {
    StreamAccumulator acc = new StreamAccumulator();
    acc.accept(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"Let me \","
        + "\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"Let me \",\"index\":0}]}}]}"));
    acc.accept(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"think\","
        + "\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"think\",\"signature\":\"sig\",\"index\":0}]}}]}"));
    acc.accept(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}"));
    acc.accept(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}"));
    Message m = acc.toResponse().message();
    assertThat(m.text()).isEqualTo("Hello");
    assertThat(m.reasoning()).isEqualTo("Let me think");
    assertThat(m.reasoningDetails()).hasSize(1);
    assertThat(m.reasoningDetails().get(0).toString())
        .isEqualTo("{\"type\":\"reasoning.text\",\"text\":\"Let me think\",\"index\":0,\"signature\":\"sig\"}");
    assertThat(acc.partialText()).isEqualTo("Hello");
  }

  @Test
  void missingAndDuplicateIdsAreReplaced() throws Exception {
    StreamAccumulator acc = new StreamAccumulator();
    acc.accept(chunk("{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":["
        + "{\"index\":0,\"id\":\"dup\",\"function\":{\"name\":\"a\",\"arguments\":\"{}\"}},"
        + "{\"index\":1,\"id\":\"dup\",\"function\":{\"name\":\"b\",\"arguments\":\"{}\"}},"
        + "{\"index\":2,\"function\":{\"name\":\"c\",\"arguments\":\"{}\"}}]}}]}"));
    var calls = acc.toResponse().message().toolCalls();
    assertThat(calls).extracting(ToolCall::id).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(calls.get(0).id()).isEqualTo("dup");
    assertThat(calls).extracting(c -> c.function().name()).containsExactly("a", "b", "c");
  }
}
