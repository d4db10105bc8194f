package dev.agentloop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.ChatParameters;
import dev.agentloop.openrouter.Logprobs;
import dev.agentloop.openrouter.OutputImage;
import dev.agentloop.openrouter.ServerTool;
import dev.agentloop.openrouter.UrlCitation;
import dev.agentloop.openrouter.Usage;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import dev.agentloop.vertx.AgentJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What OpenRouter reports beside the text reaches the result, streamed or not: citations, the
 * provider and fingerprint per step, complete usage, log probabilities and output images.
 */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class AgentResponseDetailsTest {

  private AgentFixture fx;

  @BeforeEach
  void setUp(Vertx vertx) {
    fx = AgentFixture.start(vertx);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void citationsAreTypedAndTheResultListsEachSourceOnce(boolean stream) {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":2}")
        .citation("https://vertx.io", "Vert.x", "reactive", 0, 5));
    fx.fake.enqueue(MockChat.text("Vert.x is reactive [1][2].").pieces(4)
        .citation("https://vertx.io", "Vert.x again", "again", 10, 12)
        .citation("https://openrouter.ai/docs", "OpenRouter", "unified API", 13, 20));
    AgentOptions options = fx.options().setServerTools(List.of(ServerTool.webSearch()));

    AgentResult result =
        fx.agent(options).run(RunRequest.builder("What is Vert.x?").stream(stream).build()).await();

    assertThat(result.text()).isEqualTo("Vert.x is reactive [1][2].");
    assertThat(result.steps().get(1).message().citations()).containsExactly(
        new UrlCitation("https://vertx.io", "Vert.x again", "again", 10, 12),
        new UrlCitation("https://openrouter.ai/docs", "OpenRouter", "unified API", 13, 20));
    assertThat(result.sources()).containsExactly(
        new UrlCitation("https://vertx.io", "Vert.x", "reactive", 0, 5),
        new UrlCitation("https://openrouter.ai/docs", "OpenRouter", "unified API", 13, 20));
    // The JSON form (HTTP, event bus) lists them too, and they come back from it.
    assertThat(AgentJson.toJson(result, false).getJsonArray("sources")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("url", "https://vertx.io").put("title", "Vert.x"))
        .add(new JsonObject().put("url", "https://openrouter.ai/docs").put("title", "OpenRouter")));
    assertThat(AgentJson.resultFromJson(AgentJson.toJson(result)).sources())
        .isEqualTo(result.sources());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void eachStepRecordsProviderFingerprintAndServiceTier(boolean stream) {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":2}").provider("Anthropic")
        .systemFingerprint("fp_1").serviceTier("priority"));
    fx.fake.enqueue(MockChat.text("3").provider("Google").systemFingerprint("fp_2"));

    AgentResult result =
        fx.agent().run(RunRequest.builder("Add 1 and 2").stream(stream).build()).await();

    Step first = result.steps().get(0);
    Step second = result.steps().get(1);
    assertThat(List.of(first.provider(), first.systemFingerprint(), first.serviceTier()))
        .containsExactly("Anthropic", "fp_1", "priority");
    assertThat(second.provider()).isEqualTo("Google");
    assertThat(second.systemFingerprint()).isEqualTo("fp_2");
    assertThat(second.serviceTier()).isNull();
    assertThat(first.logprobs()).isNull();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void usageIsCompleteAndSummedAcrossSteps(boolean stream) {
    fx.fake.enqueue(MockChat.toolCall("add", "{\"a\":1,\"b\":2}").usage(100, 10, 0.001)
        .cachedTokens(60).cacheWriteTokens(30).mediaTokens(4, 5, 6, 7)
        .costDetails(0.002, 0.0015, 0.0005).serverToolUse(2, 3, 3).byok(true));
    fx.fake.enqueue(MockChat.text("3").usage(120, 5, 0.002).cachedTokens(90)
        .cacheWriteTokens(10).costDetails(0.003, 0.002, 0.001).serverToolUse(1, 1, 1));

    AgentResult result =
        fx.agent().run(RunRequest.builder("Add 1 and 2").stream(stream).build()).await();

    Usage first = result.steps().get(0).usage();
    assertThat(first.promptTokensDetails()).isEqualTo(
        new Usage.PromptTokensDetails(60, 30, 4, 5));
    assertThat(first.completionTokensDetails().audioTokens()).isEqualTo(6);
    assertThat(first.completionTokensDetails().imageTokens()).isEqualTo(7);
    assertThat(first.serverToolUseDetails()).isEqualTo(new Usage.ServerToolUseDetails(2, 3, 3));
    assertThat(first.isByok()).isTrue();
    Usage total = result.usage();
    assertThat(total.cachedTokens()).isEqualTo(150);
    assertThat(total.cacheWriteTokens()).isEqualTo(40);
    assertThat(total.webSearchRequests()).isEqualTo(3);
    assertThat(total.serverToolUseDetails().toolCallsExecuted()).isEqualTo(4);
    assertThat(total.isByok()).isTrue();
    assertThat(total.costDetails().upstreamInferenceCost()).isEqualByComparingTo("0.005");
    assertThat(total.costDetails().upstreamInferencePromptCost()).isEqualByComparingTo("0.0035");
    assertThat(total.costOrZero()).isEqualByComparingTo(new BigDecimal("0.003"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void logprobsAndImagesAreKeptWhenAskedFor(boolean stream) {
    fx.fake.enqueue(MockChat.text("A red dot.").pieces(3).logprobs()
        .image("data:image/png;base64,iVBORw0KGgo="));
    AgentOptions options = fx.options().setParameters(ChatParameters.builder()
        .model(AgentFixture.MODEL).logprobs(true).topLogprobs(1).build());

    AgentResult result =
        fx.agent(options).run(RunRequest.builder("Draw").stream(stream).build()).await();

    Step step = result.steps().get(0);
    Logprobs logprobs = step.logprobs();
    assertThat(logprobs.content()).extracting(Logprobs.TokenLogprob::token)
        .containsExactly("A r", "ed ", "dot.");
    assertThat(logprobs.content()).extracting(Logprobs.TokenLogprob::logprob)
        .containsExactly(-0.25, -0.5, -0.75);
    assertThat(logprobs.content().get(0).topLogprobs()).hasSize(1);
    assertThat(step.message().images()).extracting(OutputImage::url)
        .containsExactly("data:image/png;base64,iVBORw0KGgo=");
    assertThat(fx.chatBodies().get(0).getBoolean("logprobs")).isTrue();
    assertThat(fx.chatBodies().get(0).getInteger("top_logprobs")).isEqualTo(1);
  }
}
