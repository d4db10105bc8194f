package dev.agentloop.openrouter.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.agentloop.openrouter.CacheControl;
import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.ContentPart;
import dev.agentloop.openrouter.FunctionCall;
import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.OutputImage;
import dev.agentloop.openrouter.Plugin;
import dev.agentloop.openrouter.Plugins;
import dev.agentloop.openrouter.ProviderPreferences;
import dev.agentloop.openrouter.Reasoning;
import dev.agentloop.openrouter.ResponseFormat;
import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.openrouter.ToolChoice;
import dev.agentloop.openrouter.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written request and message writers must produce exactly the text the mapper's bean
 * serializer produced: compared with the same mapper without the writers, on requests with every
 * field set and on generated ones.
 */
class RequestWriterTest {

  /** The shared mapper as it was: the same configuration, without any mix-in. */
  private static final ObjectMapper BEANS = Json.MAPPER.copy().setMixIns(Map.of());

  @Test
  void writesARequestWithEveryFieldAsTheBeanSerializerDoes() throws Exception {
    ChatRequest request = full(new Random(1), true);
    String expected = BEANS.writeValueAsString(request);
    assertThat(Json.MAPPER.writeValueAsString(request)).isEqualTo(expected);
    assertThat(Json.encode(request).toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    // the fields the writer writes itself, in the bean serializer's order
    JsonNode tree = Json.MAPPER.readTree(expected);
    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .startsWith("model", "models", "max_tokens", "max_completion_tokens", "temperature")
        .endsWith("messages", "stream", "tools", "response_format", "cache_control", "x_a", "x_b");
    assertThat(tree.get("messages").get(1).get("tool_calls").get(0).get("function").toString())
        .isEqualTo("{\"name\":\"add\",\"arguments\":\"{\\\"a\\\":1}\"}");
  }

  @Test
  void theSharedMapperWritesRequestsAndMessagesWithTheWritersAndTheReferenceDoesNot()
      throws Exception {
    assertThat(Json.MAPPER.getSerializerProviderInstance().findValueSerializer(ChatRequest.class))
        .isInstanceOf(RequestWriter.class);
    assertThat(Json.MAPPER.getSerializerProviderInstance().findValueSerializer(Message.class))
        .isInstanceOf(MessageWriter.class);
    assertThat(BEANS.getSerializerProviderInstance().findValueSerializer(Message.class))
        .isNotInstanceOf(MessageWriter.class);
  }

  @Test
  void writesAMinimalRequestAsTheBeanSerializerDoes() throws Exception {
    ChatRequest request = ChatRequest.builder().addMessage(Message.user("hi")).build();
    assertThat(Json.MAPPER.writeValueAsString(request))
        .isEqualTo(BEANS.writeValueAsString(request))
        .isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
  }

  @Test
  void writesGeneratedRequestsAndMessagesAsTheBeanSerializerDoes() throws Exception {
    Random random = new Random(20261201);
    for (int i = 0; i < 500; i++) {
      ChatRequest request = full(random, random.nextBoolean());
      assertThat(Json.MAPPER.writeValueAsString(request))
          .isEqualTo(BEANS.writeValueAsString(request));
      for (Message m : request.messages()) {
        assertThat(Json.MAPPER.writeValueAsString(m)).isEqualTo(BEANS.writeValueAsString(m));
      }
    }
  }

  @Test
  void writesMessagesInsideOtherValuesAndWithAPrettyPrinterAsTheBeanSerializerDoes()
      throws Exception {
    List<Message> messages = full(new Random(7), true).messages();
    Map<String, Object> holder = Map.of("history", messages, "n", 1);
    assertThat(Json.MAPPER.writeValueAsString(holder))
        .isEqualTo(BEANS.writeValueAsString(holder));
    assertThat(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(messages))
        .isEqualTo(BEANS.writerWithDefaultPrettyPrinter().writeValueAsString(messages));
    assertThat(Json.MAPPER.valueToTree(messages).equals(BEANS.valueToTree(messages))).isTrue();
    assertThat(
            Json.MAPPER
                .copy()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(full(new Random(8), true)))
        .isEqualTo(
            BEANS.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(full(new Random(8), true)));
  }

  /** A request with each optional field present at random (always, with {@code all}). */
  private static ChatRequest full(Random random, boolean all) {
    ChatRequest.Builder b = ChatRequest.builder();
    if (all || random.nextBoolean()) b.model("openai/gpt-4o");
    if (all || random.nextBoolean()) b.models(List.of("a/b", "c/d"));
    if (all || random.nextBoolean()) b.maxTokens(random.nextInt(1000) + 1);
    if (all || random.nextBoolean()) b.maxCompletionTokens(random.nextInt(1000) + 1);
    if (all || random.nextBoolean()) b.temperature(random.nextInt(200) / 100.0);
    if (all || random.nextBoolean()) b.topP(random.nextDouble());
    if (all || random.nextBoolean()) b.topK(random.nextInt(50));
    if (all || random.nextBoolean()) b.frequencyPenalty(random.nextDouble() - 0.5);
    if (all || random.nextBoolean()) b.presencePenalty(1.0);
    if (all || random.nextBoolean()) b.repetitionPenalty(1.1);
    if (all || random.nextBoolean()) b.minP(0.05);
    if (all || random.nextBoolean()) b.topA(0.2);
    if (all || random.nextBoolean()) b.seed(random.nextLong());
    if (all || random.nextBoolean()) b.stop(List.of("\n\n", "END \u00e9"));
    if (all || random.nextBoolean()) b.logitBias(Map.of("50256", -100, "11", 5, "2", 1));
    if (all || random.nextBoolean()) b.logprobs(random.nextBoolean());
    if (all || random.nextBoolean()) b.topLogprobs(3);
    if (all || random.nextBoolean()) {
      b.toolChoice(
          random.nextBoolean() ? ToolChoice.function("add") : ToolChoice.REQUIRED);
    }
    if (all || random.nextBoolean()) b.parallelToolCalls(false);
    if (all || random.nextBoolean()) {
      b.provider(
          ProviderPreferences.builder()
              .order(List.of("OpenAI", "Azure"))
              .allowFallbacks(false)
              .maxPrice(Map.of("prompt", 1, "completion", 2))
              .build());
    }
    if (all || random.nextBoolean()) {
      b.plugins(List.of(Plugins.web(), Plugin.of("x", Map.of("k", "v", "a", List.of(1, 2)))));
    }
    if (all || random.nextBoolean()) b.reasoning(Reasoning.effort("high"));
    if (all || random.nextBoolean()) b.user("user-" + random.nextInt());
    if (all || random.nextBoolean()) b.sessionId("s-1");
    if (all || random.nextBoolean()) b.metadata(Map.of("z", "1", "a", "2"));
    b.messages(messages(random, all));
    if (all || random.nextBoolean()) b.stream(random.nextBoolean());
    if (all || random.nextBoolean()) {
      JsonNode schema = Json.MAPPER.createObjectNode().put("type", "object");
      b.tools(List.of(ToolDefinition.function("add", "Adds \"two\" numbers.", schema, true)));
    }
    if (all || random.nextBoolean()) {
      b.responseFormat(
          ResponseFormat.jsonSchema(
              "answer", Json.MAPPER.createObjectNode().put("type", "string"), true));
    }
    if (all || random.nextBoolean()) b.cacheControl(CacheControl.ephemeral("1h"));
    if (all || random.nextBoolean()) {
      b.extra("x_b", Map.of("nested", List.of(1, "two")));
      b.extra("x_a", 3.5);
    }
    return b.build();
  }

  private static List<Message> messages(Random random, boolean all) {
    JsonNode detail = Json.MAPPER.createObjectNode().put("type", "reasoning.text").put("n", 1.25);
    JsonNode annotation =
        Json.MAPPER.createObjectNode().put("type", "url_citation").put("url", "https://a.b");
    List<Message> out = new ArrayList<>();
    out.add(Message.system("You add. \"Quotes\", tabs\t and \u2028 separators."));
    out.add(
        new Message(
            "assistant",
            random.nextBoolean() ? null : "calling",
            all || random.nextBoolean() ? "bot" : null,
            List.of(
                ToolCall.of("c1", "add", "{\"a\":1}"),
                new ToolCall("c2", null, new FunctionCall(null, null))),
            null,
            all || random.nextBoolean() ? "thinking" : null,
            all || random.nextBoolean() ? List.of(detail) : null,
            all || random.nextBoolean() ? "no" : null,
            all || random.nextBoolean() ? List.of(annotation) : null,
            all || random.nextBoolean()
                ? List.of(new OutputImage(null, new ContentPart.ImageUrl("data:x", "low")))
                : null));
    out.add(Message.tool("c1", "{\"sum\":" + random.nextInt() + "}"));
    out.add(
        Message.user(
            List.of(
                ContentPart.text("look", CacheControl.EPHEMERAL),
                ContentPart.imageUrl("https://a.b/i.png", "high"))));
    out.add(new Message("developer", "", null, List.of(), null, null, List.of(), null, null));
    return out;
  }
}
