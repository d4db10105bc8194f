package dev.agentloop.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.testing.MockChat.ToolCall;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockChatTest {

  private static final String USAGE = "{\"prompt_tokens\":10,\"completion_tokens\":5,"
      + "\"total_tokens\":15,\"prompt_tokens_details\":{\"cached_tokens\":2,\"audio_tokens\":0},"
      + "\"completion_tokens_details\":{\"reasoning_tokens\":3,\"audio_tokens\":0},"
      + "\"cost\":0.001,\"is_byok\":false,\"cost_details\":{\"upstream_inference_cost\":null,"
      + "\"upstream_inference_prompt_cost\":0,\"upstream_inference_completions_cost\":0}}";

  @Test
  void textRendersOpenRouterCompletion() {
    JsonObject json = MockChat.text("Hello!").id("gen-1").created(1700000000)
        .usage(10, 5, 0.001).cachedTokens(2).reasoningTokens(3).toJson();

    assertThat(json).isEqualTo(new JsonObject("{\"id\":\"gen-1\",\"object\":\"chat.completion\","
        + "\"created\":1700000000,\"model\":\"openai/gpt-4o-mini\",\"provider\":\"OpenAI\","
        + "\"system_fingerprint\":null,\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
        + "\"native_finish_reason\":\"stop\",\"logprobs\":null,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"Hello!\",\"refusal\":null}}],\"usage\":" + USAGE + "}"));
  }

  @Test
  void toolCallRendersToolCallsMessage() {
    JsonObject json = MockChat.toolCalls(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"))
        .id("gen-2").created(1).model("anthropic/claude-sonnet-4.5").provider("Anthropic")
        .finishReason("tool_calls", "tool_use").toJson();

    JsonObject choice = json.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getString("finish_reason")).isEqualTo("tool_calls");
    assertThat(choice.getString("native_finish_reason")).isEqualTo("tool_use");
    assertThat(choice.getJsonObject("message")).isEqualTo(new JsonObject("{\"role\":\"assistant\","
        + "\"content\":null,\"refusal\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}"));
    assertThat(json.getString("model")).isEqualTo("anthropic/claude-sonnet-4.5");
    assertThat(json.getString("provider")).isEqualTo("Anthropic");
  }

  @Test
  void toolCallsKeepOrderAndGetFreshIds() {
    MockChat chat = MockChat.toolCalls(ToolCall.of("a", "{}"), ToolCall.of("b", "{\"x\":1}"));

    JsonArray calls = chat.toJson().getJsonArray("choices").getJsonObject(0)
        .getJsonObject("message").getJsonArray("tool_calls");
    assertThat(calls).hasSize(2);
    assertThat(calls.getJsonObject(0).getJsonObject("function").getString("name")).isEqualTo("a");
    assertThat(calls.getJsonObject(1).getJsonObject("function").getString("name")).isEqualTo("b");
    assertThat(calls.getJsonObject(0).getString("id")).startsWith("call_")
        .isNotEqualTo(calls.getJsonObject(1).getString("id"));
    assertThat(MockChat.toolCall("a", "{}").id()).matches("gen-\\d+-[A-Za-z0-9]{20}");
  }

  @Test
  void reasoningAddsReasoningDetails() {
    JsonObject message = MockChat.text("42").reasoning("Think.").toJson()
        .getJsonArray("choices").getJsonObject(0).getJsonObject("message");

    assertThat(message.getString("reasoning")).isEqualTo("Think.");
    assertThat(message.getJsonArray("reasoning_details")).isEqualTo(new JsonArray(
        "[{\"type\":\"reasoning.text\",\"text\":\"Think.\",\"format\":\"unknown\",\"index\":0}]"));
  }

  @Test
  void errorRendersChoiceErrorWithPartialContent() {
    JsonObject choice = MockChat.text("partial output...")
        .error(502, "Provider disconnected mid-stream", "provider_unavailable").toJson()
        .getJsonArray("choices").getJsonObject(0);

    assertThat(choice.getString("finish_reason")).isEqualTo("error");
    assertThat(choice.getJsonObject("message").getString("content")).isEqualTo("partial output...");
    assertThat(choice.getJsonObject("error")).isEqualTo(new JsonObject("{\"code\":502,"
        + "\"message\":\"Provider disconnected mid-stream\","
        + "\"metadata\":{\"error_type\":\"provider_unavailable\"}}"));
  }

  @Test
  void streamTextSplitsContentIntoPieces() {
    List<String> frames = MockChat.streamText("Hello world", 3).id("gen-3").created(7)
        .usage(1, 2, 0.5).toSseFrames();

    String prefix = "data: {\"id\":\"gen-3\",\"object\":\"chat.completion.chunk\",\"created\":7,"
        + "\"model\":\"openai/gpt-4o-mini\",\"provider\":\"OpenAI\",";
    assertThat(frames).hasSize(7);
    assertThat(frames.get(0)).isEqualTo(": OPENROUTER PROCESSING\n\n");
    assertThat(frames.get(1)).isEqualTo(prefix + "\"choices\":[{"
        + "\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"},"
        + "\"finish_reason\":null,\"native_finish_reason\":null,\"logprobs\":null}]}\n\n");
    assertThat(frames.get(2)).contains("\"content\":\"lo w\"");
    assertThat(frames.get(3)).contains("\"content\":\"orld\"");
    assertThat(frames.get(4)).isEqualTo(prefix + "\"choices\":[{"
        + "\"index\":0,\"delta\":{},\"finish_reason\":\"stop\",\"native_finish_reason\":\"stop\","
        + "\"logprobs\":null}]}\n\n");
    assertThat(frames.get(5)).startsWith(prefix + "\"choices\":[],\"usage\":{\"prompt_tokens\":1,");
    assertThat(frames.get(6)).isEqualTo("data: [DONE]\n\n");
  }

  @Test
  void streamToolCallsSplitArgumentsByIndex() {
    List<JsonObject> chunks = MockChat.streamToolCalls(2,
        new ToolCall("call_a", "get_weather", "{\"city\":\"Tokyo\"}"),
        new ToolCall("call_b", "get_time", "{}")).toChunks();

    List<JsonObject> deltas = chunks.stream()
        .map(c -> c.getJsonArray("choices").isEmpty() ? new JsonObject()
            : c.getJsonArray("choices").getJsonObject(0).getJsonObject("delta")).toList();
    assertThat(deltas.get(0)).isEqualTo(new JsonObject("{\"role\":\"assistant\",\"content\":null,"
        + "\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\","
        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}"));
    assertThat(deltas.get(1)).isEqualTo(new JsonObject(
        "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}"));
    assertThat(deltas.get(2)).isEqualTo(new JsonObject(
        "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Tokyo\\\"}\"}}]}"));
    assertThat(deltas.get(3).getJsonArray("tool_calls").getJsonObject(0).getString("id"))
        .isEqualTo("call_b");
    assertThat(deltas.get(4).getJsonArray("tool_calls").getJsonObject(0).getInteger("index"))
        .isEqualTo(1);
    assertThat(chunks.get(6).getJsonArray("choices").getJsonObject(0).getString("finish_reason"))
        .isEqualTo("tool_calls");
    assertThat(chunks.get(7).getJsonArray("choices")).isEmpty();
    assertThat(chunks).hasSize(8);
  }

  @Test
  void midStreamErrorEndsWithErrorChunkAndNoDone() {
    List<String> frames = MockChat.streamText("Hi there", 2)
        .error(429, "Rate limit exceeded", "rate_limit_exceeded").toSseFrames();

    assertThat(frames).hasSize(4);
    JsonObject last = new JsonObject(frames.get(3).substring("data: ".length()).strip());
    assertThat(last.getJsonObject("error")).isEqualTo(new JsonObject("{\"code\":429,"
        + "\"message\":\"Rate limit exceeded\",\"metadata\":{\"error_type\":\"rate_limit_exceeded\"}}"));
    assertThat(last.getJsonArray("choices").getJsonObject(0).getJsonObject("delta"))
        .isEqualTo(new JsonObject().put("content", ""));
    assertThat(last.getJsonArray("choices").getJsonObject(0).getString("finish_reason"))
        .isEqualTo("error");
  }

  @Test
  void splitNeverCutsACodePoint() {
    assertThat(ChatRenderer.split("a😀b", 3)).containsExactly("a", "😀", "b");
    assertThat(ChatRenderer.split("ab", 5)).containsExactly("a", "b");
    assertThat(ChatRenderer.split("", 3)).containsExactly("");
  }

  @Test
  void misuseIsRejected() {
    assertThatThrownBy(() -> MockChat.text("x").pieces(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("pieces must be > 0: 0");
    assertThatThrownBy(() -> MockChat.toolCalls())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at least one tool call is required");
  }
}
