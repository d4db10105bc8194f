package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code agentloop models --supports/--input} and {@code agentloop models endpoints}. */
@ExtendWith(VertxExtension.class)
class ModelsFiltersCommandTest {

  private FakeOpenRouter fake;

  @BeforeEach
  void setUp(Vertx vertx) {
    fake = FakeOpenRouter.start(vertx).await();
  }

  @AfterEach
  void tearDown() {
    fake.close().await();
  }

  @Test
  void supportsAndInputFiltersAreAskedOfTheServer() {
    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "models", "--supports",
        "tools,reasoning", "--input", "audio");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out().lines()).hasSize(2).last().asString()
        .startsWith("google/gemini-2.5-flash");
    assertThat(o.err()).isEqualTo("1 models\n");
    RecordedRequest request = fake.takeRequest();
    assertThat(request.queryParam("supported_parameters")).isEqualTo("tools,reasoning");
    assertThat(request.queryParam("input_modalities")).isEqualTo("audio");
  }

  @Test
  void toolsFlagIsTheSupportsToolsFilter() {
    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "models", "--tools");

    assertThat(o.err()).isEqualTo("4 models\n");
    assertThat(fake.takeRequest().queryParam("supported_parameters")).isEqualTo("tools");
  }

  @Test
  void endpointsListsProvidersWithPricesAndUptime() {
    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "models", "endpoints",
        "openai/gpt-4o-mini");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out().lines()).containsExactly(
        "provider             quant        context    in $/M   out $/M   up 30m    p50 s  tools",
        "OpenAI               fp16          128000     $0.15     $0.60    99.5%     0.50  yes");
    assertThat(o.err()).isEqualTo("1 endpoints of openai/gpt-4o-mini\n");
    assertThat(fake.takeRequest().path())
        .isEqualTo("/api/v1/models/openai/gpt-4o-mini/endpoints");
  }

  @Test
  void endpointsAsJsonAndErrors() {
    CliRunner.Output json = CliRunner.online(fake.baseUrl(), "models", "endpoints", "--json",
        "anthropic/claude-sonnet-4.5");
    CliRunner.Output unknown = CliRunner.online(fake.baseUrl(), "models", "endpoints",
        "acme/none");
    CliRunner.Output bad = CliRunner.online(fake.baseUrl(), "models", "endpoints", "gpt-4o");

    JsonObject first = new JsonArray(json.out()).getJsonObject(0);
    assertThat(first.getString("provider")).isEqualTo("Anthropic");
    assertThat(first.getString("prompt_usd_per_token")).isEqualTo("0.000003");
    assertThat(first.getJsonArray("supported_parameters")).contains("tools");
    assertThat(unknown.exit()).isEqualTo(ExitCodes.API);
    assertThat(unknown.err()).contains("Model not found: acme/none");
    assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("model must be author/slug: gpt-4o");
  }
}
