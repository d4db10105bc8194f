package dev.agentloop.openrouter.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.openrouter.ChatChunk;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.ToolCallDelta;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader must give exactly what data binding gives, value or error, for every input:
 * checked on the shapes OpenRouter sends (which it must read itself, without falling back) and on
 * thousands of generated inputs with wrong types, nulls, duplicate and unknown keys.
 */
class WireReaderTest {

  private static final String CHUNK_ROLE =
      "{\"id\":\"gen-1\",\"provider\":\"OpenAI\",\"model\":\"openai/gpt-4o\",\"object\":"
          + "\"chat.completion.chunk\",\"created\":1733000000,\"choices\":[{\"index\":0,\"delta\":"
          + "{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null,"
          + "\"native_finish_reason\":null,\"logprobs\":null}],\"system_fingerprint\":\"fp_1\"}";
  private static final String CHUNK_TOOL =
      "{\"id\":\"gen-1\",\"object\":\"chat.completion.chunk\",\"created\":1733000000,\"choices\":"
          + "[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":"
          + "\"function\",\"function\":{\"name\":\"add\",\"arguments\":\"{\\\"a\\\":\"}}]}}]}";
  private static final String CHUNK_USAGE =
      "{\"id\":\"gen-1\",\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
          + "\"total_tokens\":15,\"cost\":0.00012,\"is_byok\":false,\"prompt_tokens_details\":"
          + "{\"cached_tokens\":3},\"completion_tokens_details\":{\"reasoning_tokens\":2},"
          + "\"cost_details\":{\"upstream_inference_cost\":0.0001,\"upstream_inference_prompt_cost\":"
          + "null,\"upstream_inference_completions_cost\":0},\"server_tool_use\":"
          + "{\"web_search_requests\":1}},\"service_tier\":\"default\"}";
  private static final String CHUNK_RICH =
      "{\"id\":\"gen-2\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"h\u00e9\\u00e9\","
          + "\"reasoning\":\"r\",\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"r\","
          + "\"n\":1.50}],\"refusal\":null,\"annotations\":[{\"type\":\"url_citation\","
          + "\"url_citation\":{\"url\":\"https://a.example\"}}],\"images\":[{\"type\":"
          + "\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AA==\"}}],\"unknown\":"
          + "{\"deep\":[1,{\"x\":null}]}},\"finish_reason\":\"stop\",\"native_finish_reason\":"
          + "\"end_turn\",\"logprobs\":{\"content\":[{\"token\":\"h\",\"logprob\":-0.5,\"bytes\":"
          + "[104],\"top_logprobs\":[{\"token\":\"h\",\"logprob\":-0.5,\"bytes\":null}]}],"
          + "\"refusal\":[]}}],\"error\":null}";
  private static final String CHUNK_ERROR =
      "{\"id\":\"gen-3\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},"
          + "\"finish_reason\":\"error\",\"error\":{\"code\":502,\"message\":\"upstream\","
          + "\"metadata\":{\"provider_name\":\"X\"}}}],\"error\":{\"code\":\"server_error\","
          + "\"message\":\"m\",\"error_type\":\"provider_unavailable\",\"http_status\":502}}";

  private static final String RESPONSE_TOOLS =
      "{\"id\":\"gen-9\",\"provider\":\"Anthropic\",\"model\":\"anthropic/claude\",\"object\":"
          + "\"chat.completion\",\"created\":1733000001,\"choices\":[{\"logprobs\":null,"
          + "\"finish_reason\":\"tool_calls\",\"native_finish_reason\":\"tool_use\",\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null,\"reasoning\":"
          + "null,\"tool_calls\":[{\"id\":\"c1\",\"index\":0,\"type\":\"function\",\"function\":"
          + "{\"name\":\"add\",\"arguments\":\"{\\\"a\\\":1}\"}},{\"id\":\"c2\",\"function\":"
          + "{\"name\":\"mul\",\"arguments\":\"{}\"}}]}}],\"usage\":{\"prompt_tokens\":7,"
          + "\"completion_tokens\":3,\"total_tokens\":10,\"cost\":1E-5}}";
  private static final String RESPONSE_TEXT =
      "{\"id\":\"gen-10\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
          + "\"content\":\"The answer is 42.\",\"name\":\"n\",\"tool_call_id\":null,"
          + "\"reasoning_details\":[{\"type\":\"reasoning.encrypted\",\"data\":\"abc\"}],"
          + "\"annotations\":[],\"images\":null},\"finish_reason\":\"stop\"}],"
          + "\"system_fingerprint\":null,\"service_tier\":\"flex\"}";

  @Test
  void readsTheChunksOpenRouterSendsWithoutFallingBackAndAsDataBindingDoes() throws IOException {
    for (String json : List.of(CHUNK_ROLE, CHUNK_TOOL, CHUNK_USAGE, CHUNK_RICH, CHUNK_ERROR)) {
      assertThat(WireReader.fastChunk(json)).as(json).isEqualTo(bindChunk(json));
    }
    ChatChunk tool = WireReader.fastChunk(CHUNK_TOOL);
    assertThat(tool.choices().get(0).delta().toolCalls())
        .containsExactly(
            new ToolCallDelta(
                0, "call_1", "function", new dev.agentloop.openrouter.FunctionCall("add", "{\"a\":")));
    ChatChunk usage = WireReader.fastChunk(CHUNK_USAGE);
    assertThat(usage.usage().cost()).isEqualTo(new BigDecimal("0.00012"));
    assertThat(usage.usage().cachedTokens()).isEqualTo(3);
    assertThat(usage.serviceTier()).isEqualTo("default");
    ChatChunk rich = WireReader.fastChunk(CHUNK_RICH);
    assertThat(rich.choices().get(0).delta().content()).isEqualTo("h\u00e9\u00e9");
    assertThat(rich.choices().get(0).delta().reasoningDetails().get(0).get("n").decimalValue())
        .isEqualTo(new BigDecimal("1.5")); // trees strip trailing zeros
    assertThat(rich.choices().get(0).logprobs().content().get(0).bytes()).containsExactly(104);
    assertThat(WireReader.fastChunk(CHUNK_ERROR).error().type())
        .isEqualTo("provider_unavailable");
  }

  @Test
  void readsTheResponsesOpenRouterSendsWithoutFallingBackAndAsDataBindingDoes()
      throws IOException {
    for (String json : List.of(RESPONSE_TOOLS, RESPONSE_TEXT)) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      assertThat(WireReader.fastResponse(bytes, 0, bytes.length))
          .as(json)
          .isEqualTo(bindResponse(json));
    }
    byte[] bytes = RESPONSE_TOOLS.getBytes(StandardCharsets.UTF_8);
    assertThat(WireReader.fastResponse(bytes, 0, bytes.length).message().toolCalls())
        .containsExactly(ToolCall.of("c1", "add", "{\"a\":1}"), ToolCall.of("c2", "mul", "{}"));
  }

  @Test
  void readsABodyAtAnOffsetOfALargerArray() throws IOException {
    byte[] json = RESPONSE_TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[json.length + 10];
    System.arraycopy(json, 0, padded, 5, json.length);
    padded[0] = '[';
    padded[padded.length - 1] = '}';
    assertThat(WireReader.response(padded, 5, json.length)).isEqualTo(bindResponse(RESPONSE_TEXT));
  }

  @Test
  void givesUpOnShapesItDoesNotReadAndDataBindingDecides() throws IOException {
    // a number where text is expected is coerced by data binding, and multi-part content is read
    // by its own deserializer: the fast path leaves both to it
    String coerced = "{\"id\":5,\"choices\":[{\"index\":0,\"delta\":{\"content\":true}}]}";
    assertThatThrownBy(() -> WireReader.fastChunk(coerced))
        .isInstanceOf(RuntimeException.class)
        .hasMessage(null);
    assertThat(outcome(() -> WireReader.chunk(coerced))).isEqualTo(outcome(() -> bindChunk(coerced)));
    assertThat(chunkOrNull(coerced).id()).isEqualTo("5");
    assertThat(chunkOrNull(coerced).choices().get(0).delta().content()).isEqualTo("true");
    String parts =
        "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\","
            + "\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"}]}}]}";
    ChatResponse read = Json.readChat(Buffer.buffer(parts));
    assertThat(read).isEqualTo(bindResponse(parts));
    assertThat(read.message().text()).isEqualTo("ab");
  }

  @Test
  void failsExactlyAsDataBindingDoesOnBrokenInput() {
    for (String json :
        List.of(
            "",
            "null",
            "[]",
            "\"x\"",
            "{\"id\":\"a\"",
            "{\"choices\":[null]}",
            "{\"choices\":{}}",
            "{\"created\":99999999999999999999999}",
            "{\"choices\":[{\"index\":null}]}",
            "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"function\":\"f\"}]}}]}")) {
      assertThat(outcome(() -> WireReader.chunk(json)))
          .as(json)
          .isEqualTo(outcome(() -> bindChunk(json)));
      assertThat(outcome(() -> response(json))).as(json).isEqualTo(outcome(() -> bindResponse(json)));
    }
    assertThatThrownBy(() -> Json.readChunk("null"))
        .isInstanceOf(IOException.class)
        .hasMessage("not a JSON object: null");
    assertThat(Json.readChat(Buffer.buffer("{\"choices\":[{\"message\":{\"content\":\"x\"}}]}")))
        .as("a message without a role is not a chat response")
        .isNull();
  }

  @Test
  void agreesWithDataBindingOnThousandsOfGeneratedChunksAndResponses() {
    Random random = new Random(20261201);
    int fastChunks = 0;
    int fastResponses = 0;
    for (int i = 0; i < 4000; i++) {
      boolean odd = i % 2 == 1; // half the inputs well-typed, half with odd values
      String chunk = new Gen(random, odd).chunk();
      assertThat(outcome(() -> WireReader.chunk(chunk)))
          .as(chunk)
          .isEqualTo(outcome(() -> bindChunk(chunk)));
      String response = new Gen(random, odd).response();
      assertThat(outcome(() -> response(response)))
          .as(response)
          .isEqualTo(outcome(() -> bindResponse(response)));
      if (!odd) {
        // every well-typed input that data binding accepts is read by the fast path itself
        // (multi-part content aside), so the comparison above covers it, not only the fallback
        assertThat(outcome(() -> WireReader.fastChunk(chunk))).as(chunk).isInstanceOf(ChatChunk.class);
        fastChunks++;
        if (outcome(() -> bindResponse(response)) instanceof ChatResponse
            && !response.contains("\"content\":[")) {
          assertThat(outcome(() -> fastResponse(response)))
              .as(response)
              .isInstanceOf(ChatResponse.class);
          fastResponses++;
        }
      }
    }
    assertThat(fastChunks).isEqualTo(2000);
    assertThat(fastResponses).isGreaterThan(1000);
  }

  /** Generates JSON text of the wire shapes, with odd values when asked. */
  private static final class Gen {
    private static final String[] ODD = {
      "null", "0", "-7", "1.5", "\"\"", "\"12\"", "true", "{}", "[]", "[null]", "{\"a\":1}",
      "123456789012345678901234", "2147483648"
    };
    private final Random random;
    private final boolean odd;

    Gen(Random random, boolean odd) {
      this.random = random;
      this.odd = odd;
    }

    String chunk() {
      return object(
          field("id", this::text),
          field("object", () -> "\"chat.completion.chunk\""),
          field("created", () -> String.valueOf(random.nextInt(Integer.MAX_VALUE))),
          field("model", this::text),
          field("provider", this::text),
          field("choices", () -> array(this::chunkChoice)),
          field("usage", this::usage),
          field("error", this::error),
          field("system_fingerprint", this::text),
          field("service_tier", this::text),
          field("systemFingerprint", this::text),
          field("extra", () -> "{\"nested\":[1,2,{\"x\":\"y\"}]}"));
    }

    String response() {
      return object(
          field("id", this::text),
          field("object", () -> "\"chat.completion\""),
          field("created", () -> String.valueOf(random.nextInt(Integer.MAX_VALUE))),
          field("model", this::text),
          field("provider", this::text),
          field("choices", () -> array(this::choice)),
          field("usage", this::usage),
          field("error", this::error),
          field("system_fingerprint", this::text),
          field("service_tier", this::text),
          field("finishReason", this::text));
    }

    private String chunkChoice() {
      return object(
          field("index", () -> String.valueOf(random.nextInt(3))),
          field("delta", this::delta),
          field("finish_reason", () -> pick("\"stop\"", "\"tool_calls\"", "null")),
          field("native_finish_reason", this::text),
          field("error", this::error),
          field("logprobs", this::logprobs));
    }

    private String choice() {
      return object(
          field("index", () -> String.valueOf(random.nextInt(3))),
          field("message", this::message),
          field("finish_reason", () -> pick("\"stop\"", "\"tool_calls\"", "null")),
          field("native_finish_reason", this::text),
          field("error", this::error),
          field("logprobs", this::logprobs));
    }

    private String delta() {
      return object(
          field("role", () -> "\"assistant\""),
          field("content", this::text),
          field("reasoning", this::text),
          field("reasoning_details", () -> array(() -> "{\"type\":\"reasoning.text\",\"t\":1}")),
          field("tool_calls", () -> array(this::toolCallDelta)),
          field("refusal", this::text),
          field("annotations", () -> array(() -> "{\"type\":\"url_citation\"}")),
          field("images", () -> array(this::image)),
          field("toolCalls", () -> array(this::toolCallDelta)));
    }

    private String message() {
      return object(
          field("role", () -> pick("\"assistant\"", "\"assistant\"", "\"tool\"")),
          field(
              "content",
              () -> random.nextInt(8) == 0 ? "[{\"type\":\"text\",\"text\":\"p\"}]" : text()),
          field("name", this::text),
          field("tool_calls", () -> array(this::toolCall)),
          field("tool_call_id", this::text),
          field("reasoning", this::text),
          field("reasoning_details", () -> array(() -> "{\"type\":\"reasoning.text\"}")),
          field("refusal", this::text),
          field("annotations", () -> array(() -> "{\"type\":\"file\"}")),
          field("images", () -> array(this::image)));
    }

    private String toolCallDelta() {
      return object(
          field("index", () -> String.valueOf(random.nextInt(3))),
          field("id", this::text),
          field("type", () -> "\"function\""),
          field("function", this::function));
    }

    private String toolCall() {
      return object(
          field("id", this::text),
          field("type", () -> "\"function\""),
          field("function", this::function),
          field("index", () -> "0"));
    }

    private String function() {
      return object(field("name", this::text), field("arguments", () -> "\"{\\\"a\\\":1}\""));
    }

    private String image() {
      return "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AA==\"}}";
    }

    private String usage() {
      return object(
          field("prompt_tokens", () -> String.valueOf(random.nextInt(1000))),
          field("completion_tokens", () -> String.valueOf(random.nextInt(1000))),
          field("total_tokens", () -> String.valueOf(random.nextInt(2000))),
          field("cost", () -> pick("0.0001", "1E-7", "0", "0.10")),
          field("is_byok", () -> pick("true", "false")),
          field("prompt_tokens_details", () -> details("cached_tokens", "cache_write_tokens",
              "audio_tokens", "video_tokens")),
          field("completion_tokens_details", () -> details("reasoning_tokens", "audio_tokens",
              "image_tokens", "accepted_prediction_tokens", "rejected_prediction_tokens")),
          field("cost_details", () -> object(
              field("upstream_inference_cost", () -> pick("0.0001", "1E-7", "0", "null")),
              field("upstream_inference_prompt_cost", () -> pick("0.00005", "2", "null")),
              field("upstream_inference_completions_cost", () -> pick("0.10", "null")),
              field("unknown_cost", () -> "[1,{\"x\":2}]"))),
          // the older name is an alias: data binding rejects both at once, so only odd inputs
          // may have both
          field(random.nextBoolean() ? "server_tool_use" : "server_tool_use_details",
              () -> details("web_search_requests", "tool_calls_requested", "tool_calls_executed")),
          odd ? field("server_tool_use", () -> details("web_search_requests")) : null,
          field("unknown_usage", () -> "{\"nested\":[true]}"));
    }

    /** An object of nullable integer counts, one of them unknown to the wire model. */
    private String details(String... names) {
      String[] fields = new String[names.length + 1];
      for (int i = 0; i < names.length; i++) {
        fields[i] = field(names[i], () -> pick("0", "3", "null", "2147483647"));
      }
      fields[names.length] = field("future_tokens", () -> "7");
      return object(fields);
    }

    private String error() {
      return object(
          field("code", () -> pick("429", "\"rate_limited\"")),
          field("message", this::text),
          field("metadata", () -> "{\"provider_name\":\"P\",\"raw\":\"{}\"}"),
          field("http_status", () -> "429"));
    }

    private String logprobs() {
      return "{\"content\":[{\"token\":\"t\",\"logprob\":-0.25,\"bytes\":[116]}],\"refusal\":null}";
    }

    private String text() {
      return pick("\"a\"", "\"\"", "null", "\"\\u00e9\\n\\\"q\\\"\"", "\"gen-" + random.nextInt() + "\"");
    }

    private String pick(String... options) {
      return options[random.nextInt(options.length)];
    }

    private String array(Supplier<String> element) {
      int n = random.nextInt(3);
      List<String> items = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        items.add(element.get());
      }
      return "[" + String.join(",", items) + "]";
    }

    private String field(String name, Supplier<String> value) {
      if (random.nextInt(4) == 0) {
        return null; // absent
      }
      String v = odd && random.nextInt(6) == 0 ? ODD[random.nextInt(ODD.length)] : value.get();
      String f = "\"" + name + "\":" + v;
      if (odd && random.nextInt(25) == 0) { // a duplicate key, the later value differing
        f += ",\"" + name + "\":" + (random.nextBoolean() ? ODD[random.nextInt(ODD.length)] : value.get());
      }
      return f;
    }

    private String object(String... fields) {
      List<String> present = new ArrayList<>();
      for (String f : fields) {
        if (f != null) {
          present.add(f);
        }
      }
      java.util.Collections.shuffle(present, random);
      return "{" + String.join(",", present) + "}";
    }
  }

  private interface Call {
    Object run() throws Exception;
  }

  /** The value read, or the class and message of the error. */
  private static Object outcome(Call call) {
    try {
      return Objects.requireNonNullElse(call.run(), "null");
    } catch (Exception e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static ChatChunk chunkOrNull(String json) {
    try {
      return WireReader.chunk(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ChatChunk bindChunk(String json) throws IOException {
    return Json.MAPPER.readerFor(ChatChunk.class).readValue(json);
  }

  private static ChatResponse bindResponse(String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return Json.MAPPER.readerFor(ChatResponse.class).readValue(bytes, 0, bytes.length);
  }

  private static ChatResponse response(String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return WireReader.response(bytes, 0, bytes.length);
  }

  private static ChatResponse fastResponse(String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return WireReader.fastResponse(bytes, 0, bytes.length);
  }
}
