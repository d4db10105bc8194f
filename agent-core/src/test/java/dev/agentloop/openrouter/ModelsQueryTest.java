package dev.agentloop.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /models} filters and {@code GET /models/{author}/{slug}/endpoints} against the fake. */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class ModelsQueryTest {

  static FakeOpenRouter fake;
  static OpenRouterClient client;

  @BeforeAll
  static void start(Vertx vertx) {
    fake = FakeOpenRouter.start(vertx).await();
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey("k")
        .setBaseUrl(fake.baseUrl()));
  }

  @AfterAll
  static void stop() {
    client.close().await();
    fake.close().await();
  }

  private static List<String> ids(ModelsQuery query) {
    List<String> ids = client.models(query).await().stream().map(ModelInfo::id).toList();
    last = fake.requests().get(fake.requests().size() - 1);
    return ids;
  }

  static RecordedRequest last;

  @Test
  void filtersAreSentAsTheSpecQueryParameters() {
    ModelsQuery q = ModelsQuery.builder().supportedParameters(List.of("tools", "reasoning"))
        .inputModalities(List.of("image", "file")).outputModalities(List.of("text"))
        .category("programming").search("gemini flash").minContextLength(128000).sort("newest")
        .build();
    assertThat(q.toQueryString()).isEqualTo("?supported_parameters=tools%2Creasoning"
        + "&input_modalities=image%2Cfile&output_modalities=text&category=programming"
        + "&q=gemini+flash&context=128000&sort=newest");
    assertThat(ModelsQuery.ALL.toQueryString()).isEmpty();
  }

  @Test
  void theFakeFiltersItsCatalogue() {
    assertThat(ids(ModelsQuery.ALL)).hasSize(5);
    assertThat(last.query()).isNullOrEmpty();
    assertThat(ids(ModelsQuery.builder().supportedParameters(List.of("tools", "reasoning"))
        .build())).containsExactly("anthropic/claude-sonnet-4.5", "google/gemini-2.5-flash");
    assertThat(last.queryParam("supported_parameters")).isEqualTo("tools,reasoning");
    assertThat(ids(ModelsQuery.builder().inputModalities(List.of("audio")).build()))
        .containsExactly("google/gemini-2.5-flash");
    assertThat(ids(ModelsQuery.builder().search("LLAMA").minContextLength(100_000).build()))
        .containsExactly("meta-llama/llama-3.1-8b-instruct");
    assertThat(ids(ModelsQuery.builder().outputModalities(List.of("image")).build())).isEmpty();
  }

  @Test
  void badFiltersFailSynchronously() {
    assertThatThrownBy(() -> ModelsQuery.builder().inputModalities(List.of("smell")).build())
        .hasMessage("unknown input modality: smell");
    assertThatThrownBy(() -> ModelsQuery.builder().minContextLength(0).build())
        .hasMessage("minContextLength must be > 0: 0");
    assertThatThrownBy(() -> client.endpoints("gpt-4o"))
        .hasMessage("model must be author/slug: gpt-4o");
  }

  @Test
  void endpointsAreTypedFromTheCatalogue() {
    ModelEndpoints e = client.endpoints("openai/gpt-4o-mini").await();

    assertThat(e.id()).isEqualTo("openai/gpt-4o-mini");
    assertThat(e.architecture().inputModalities()).containsExactly("text", "image");
    assertThat(e.endpoints()).hasSize(1);
    ModelEndpoints.Endpoint only = e.endpoints().get(0);
    assertThat(only.providerName()).isEqualTo("OpenAI");
    assertThat(only.tag()).isEqualTo("openai");
    assertThat(only.contextLength()).isEqualTo(128000);
    assertThat(only.maxCompletionTokens()).isEqualTo(16384);
    assertThat(only.supports("tools")).isTrue();
    assertThat(only.uptimeLast30m()).isEqualTo(99.5);
    assertThat(only.latencyLast30m()).isEqualTo(new ModelEndpoints.Percentiles(0.5, 0.75, 0.9,
        1.5));
    assertThat(only.pricing().prompt()).isEqualByComparingTo(
        client.models().await().get(0).pricing().prompt());
  }

  @Test
  void scriptedEndpointsAndUnknownModels() {
    fake.endpoints("anthropic/claude-sonnet-4.5", new JsonArray()
        .add(endpoint("Anthropic", "0.000003", 99.9))
        .add(endpoint("Google", "0.0000035", 97.0)));

    List<ModelEndpoints.Endpoint> list =
        client.endpoints("anthropic/claude-sonnet-4.5").await().endpoints();

    assertThat(list).extracting(ModelEndpoints.Endpoint::providerName)
        .containsExactly("Anthropic", "Google");
    assertThat(list.get(1).pricing().prompt()).isEqualByComparingTo(new BigDecimal("0.0000035"));
    assertThat(list.get(1).uptimeLast30m()).isEqualTo(97.0);
    OpenRouterException missing = (OpenRouterException) client.endpoints("acme/nope")
        .transform(ar -> Future.succeededFuture(ar.cause())).await();
    assertThat(missing.kind()).isEqualTo(OpenRouterException.Kind.NOT_FOUND);
    assertThat(missing.getMessage()).contains("Model not found: acme/nope");
  }

  static JsonObject endpoint(String provider, String prompt, double uptime) {
    return new JsonObject().put("name", provider + ": Claude").put("model_id", "x")
        .put("model_name", "Claude").put("provider_name", provider)
        .put("tag", provider.toLowerCase()).put("context_length", 200000)
        .put("max_completion_tokens", 64000).put("max_prompt_tokens", null)
        .put("pricing", new JsonObject().put("prompt", prompt).put("completion", "0.000015"))
        .put("quantization", "unknown").put("status", 0)
        .put("supported_parameters", new JsonArray().add("tools"))
        .put("uptime_last_30m", uptime).put("latency_last_30m", null)
        .put("throughput_last_30m", null);
  }
}
