package dev.agentloop.openrouter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.impl.Json;
import dev.agentloop.testing.ContractSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validates each request body the client serializes against OpenRouter's {@code ChatRequest}. */
class OpenRouterRequestContractTest {

  private static ChatRequest.Builder base() {
    return ChatRequest.builder().model("openai/gpt-4o-mini").addMessage(Message.user("Hi"))
        .maxTokens(64);
  }

  private static void assertValid(ChatRequest request) throws Exception {
    JsonNode body = Json.MAPPER.readTree(Json.encode(request).getBytes());
    assertThat(ContractSchemas.validate("ChatRequest", body)).as(body.toString()).isEmpty();
  }

  private static final ToolDefinition WEATHER = weather();

  private static ToolDefinition weather() {
    try {
      return Json.MAPPER.readValue("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
          + "\"description\":\"Weather\",\"parameters\":{\"type\":\"object\",\"properties\":"
          + "{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}", ToolDefinition.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void plainText() throws Exception {
    assertValid(base().messages(List.of(Message.system("Be brief"), Message.user("Hi"))).build());
    assertValid(base().stream(true).build());
  }

  @Test
  void toolsWithEveryToolChoice() throws Exception {
    for (ToolChoice c : List.of(ToolChoice.AUTO, ToolChoice.NONE, ToolChoice.REQUIRED,
        ToolChoice.function("get_weather"))) {
      assertValid(base().tools(List.of(WEATHER)).toolChoice(c).parallelToolCalls(false).build());
    }
  }

  @Test
  void toolResults() throws Exception {
    assertValid(base().messages(List.of(Message.user("Weather in Paris?"),
        Message.assistant(null, List.of(ToolCall.of("call_1", "get_weather", "{\"city\":\"Paris\"}"))),
        Message.tool("call_1", "{\"temp\":21}"))).tools(List.of(WEATHER)).build());
  }

  @Test
  void multiPartContentWithImage() throws Exception {
    assertValid(base().messages(List.of(Message.user(List.of(ContentPart.text("What is this?"),
        ContentPart.imageUrl("https://example.com/a.png", "low"))))).build());
  }

  @Test
  void responseFormats() throws Exception {
    assertValid(base().responseFormat(ResponseFormat.jsonObject()).build());
    JsonNode schema = Json.MAPPER.readTree("{\"type\":\"object\",\"properties\":{\"a\":"
        + "{\"type\":\"string\"}},\"required\":[\"a\"],\"additionalProperties\":false}");
    assertValid(base().responseFormat(ResponseFormat.jsonSchema("answer", schema, true)).build());
  }

  @Test
  void providerPreferences() throws Exception {
    assertValid(base().provider(ProviderPreferences.builder().order(List.of("anthropic", "openai"))
        .allowFallbacks(false).requireParameters(true).dataCollection("deny")
        .only(List.of("anthropic")).ignore(List.of("deepinfra")).sort("price")
        // The SPEC types max_price values as numeric strings; numbers are written as strings.
        .maxPrice(Map.of("prompt", 1, "completion", 2.5)).quantizations(List.of("fp8", "bf16"))
        .zdr(true).build()).build());
    assertValid(base().provider(ProviderPreferences.builder().sort("throughput", "none").build())
        .build());
  }

  @Test
  void maxPriceNumbersAreSentAsNumericStrings() {
    ProviderPreferences prefs =
        ProviderPreferences.builder().maxPrice(Map.of("prompt", 1, "completion", 2.5)).build();
    assertThat(prefs.maxPrice()).containsExactlyInAnyOrderEntriesOf(Map.of("prompt", "1", "completion", "2.5"));
  }

  @Test
  void fallbackModelsReasoningPluginsAndTheRest() throws Exception {
    assertValid(base().models(List.of("anthropic/claude-sonnet-4.5", "google/gemini-2.5-flash"))
        .reasoning(Reasoning.effort("high")).build());
    assertValid(base().reasoning(Reasoning.maxTokens(2000)).build());
    assertValid(base().plugins(List.of(Plugin.of("response-healing"),
        Plugin.of("context-compression", Map.of("engine", "middle-out")))).build());
    assertValid(base().stop(List.of("END")).seed(42L).user("user_1").sessionId("s-1")
        .metadata(Map.of("run", "r1")).temperature(0.2).topP(0.9).build());
    assertValid(base().maxTokens(null).maxCompletionTokens(128).topK(40).minP(0.1).topA(0.2)
        .frequencyPenalty(0.5).presencePenalty(-0.5).repetitionPenalty(1.1).logprobs(true)
        .topLogprobs(5).logitBias(Map.of("50256", -100)).build());
  }

  @Test
  void everyParameterSetAtOnce() throws Exception {
    ChatParameters all = ChatParameters.builder().model("openai/gpt-4o-mini")
        .models(List.of("anthropic/claude-sonnet-4.5")).maxTokens(64).temperature(0.2).topP(0.9)
        .topK(40).frequencyPenalty(0.1).presencePenalty(0.1).repetitionPenalty(1.0).minP(0.1)
        .topA(0.1).seed(1L).stop(List.of("END")).logitBias(Map.of("1", 5)).logprobs(true)
        .topLogprobs(2).toolChoice(ToolChoice.AUTO).parallelToolCalls(true)
        .provider(ProviderPreferences.builder().sort("price").build())
        .plugins(List.of(Plugin.of("response-healing"))).reasoning(Reasoning.effort("low"))
        .user("u").sessionId("s").metadata(Map.of("k", "v")).build();
    assertValid(ChatRequest.builder().parameters(all).addMessage(Message.user("Hi"))
        .tools(List.of(WEATHER)).build());
  }

  @Test
  void serverToolsAndServerToolChoice() throws Exception {
    List<ToolDefinition> tools = List.of(WEATHER,
        ServerTool.webSearch().maxResults(5).engine("exa").allowedDomains(List.of("vertx.io"))
            .toDefinition(),
        ServerTool.webFetch().maxUses(3).maxContentTokens(1000)
            .blockedDomains(List.of("example.com")).toDefinition(),
        ServerTool.datetime("Europe/Paris").toDefinition(), ServerTool.datetime().toDefinition());
    assertValid(base().tools(tools).build());
    assertValid(base().tools(tools).toolChoice(ToolChoice.serverTool(ServerTool.WEB_SEARCH))
        .build());
  }

  @Test
  void promptCachingEverywhere() throws Exception {
    assertValid(base().cacheControl(CacheControl.ephemeral()).build());
    assertValid(base().cacheControl(CacheControl.ephemeral("1h")).tools(List.of(
        WEATHER.withCacheControl(CacheControl.ephemeral("5m")))).messages(List.of(
        new Message("system", List.of(ContentPart.text("Be brief", CacheControl.ephemeral())),
            null, null, null, null, null, null, null),
        Message.user(List.of(ContentPart.text("Long document", CacheControl.ephemeral("1h")),
            ContentPart.text("Question?"))))).build());
  }

  @Test
  void extraFieldsTheSpecKnows() throws Exception {
    assertValid(base().extras(RequestExtras.builder().field("service_tier", "flex")
        .field("modalities", List.of("text", "image")).field("prompt_cache_key", "k1")
        .header("X-OpenRouter-Metadata", "enabled").build()).build());
  }
}
