package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code models}, {@code generation}, {@code chat} and usage errors. */
@ExtendWith(VertxExtension.class)
class CommandsTest {

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
  void modelsListsContextAndPricesPerMillionTokens() {
    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "models");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out().lines()).first().asString()
        .matches("model +context +in \\$/M +out \\$/M +tools");
    assertThat(o.out()).containsPattern("openai/gpt-4o-mini +128000 +\\$0\\.15 +\\$0\\.60 +yes\n")
        .containsPattern("mistralai/mistral-7b-instruct:free +32768 +\\$0\\.00 +\\$0\\.00 +no\n");
    assertThat(o.out().lines()).hasSize(6);
    assertThat(o.err()).isEqualTo("5 models\n");
  }

  @Test
  void modelsSearchAndToolsFilter() {
    CliRunner.Output search = CliRunner.online(fake.baseUrl(), "models", "--search", "GEMINI");
    CliRunner.Output tools = CliRunner.online(fake.baseUrl(), "models", "--tools");

    assertThat(search.out().lines()).hasSize(2).last().asString()
        .startsWith("google/gemini-2.5-flash");
    assertThat(tools.out()).doesNotContain("mistral");
    assertThat(tools.err()).isEqualTo("4 models\n");
  }

  @Test
  void modelsAsJson() {
    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "models", "--json", "--search", "4o-mini");

    JsonArray models = new JsonArray(o.out());
    assertThat(models).hasSize(1);
    JsonObject m = models.getJsonObject(0);
    assertThat(m.getString("id")).isEqualTo("openai/gpt-4o-mini");
    assertThat(m.getLong("context_length")).isEqualTo(128000);
    assertThat(m.getDouble("prompt_usd_per_million")).isEqualTo(0.15);
    assertThat(m.getDouble("completion_usd_per_million")).isEqualTo(0.6);
    assertThat(m.getBoolean("tools")).isTrue();
  }

  @Test
  void modelsOfflineUsesTheSimulatorsCatalogue() {
    CliRunner.Output o = CliRunner.offline("models", "--search", "claude");

    assertThat(o.exit()).isZero();
    assertThat(o.out()).contains("anthropic/claude-sonnet-4.5");
    assertThat(o.err()).startsWith("offline: no OPENROUTER_API_KEY");
  }

  @Test
  void generationShowsCostAndTokens() {
    fake.enqueue(MockChat.text("hi").id("gen-cli-1").usage(12, 3, 0.00042));
    assertThat(CliRunner.online(fake.baseUrl(), "run", "math", "1 plus 1").exit()).isZero();

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "generation", "gen-cli-1");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).contains("id           gen-cli-1\n", "model        openai/gpt-4o-mini\n",
        "cost         $0.000420\n").containsPattern("tokens +\\d+ in, \\d+ out\n");
    CliRunner.Output json = CliRunner.online(fake.baseUrl(), "generation", "--json", "gen-cli-1");
    JsonObject doc = new JsonObject(json.out());
    assertThat(doc.getString("id")).isEqualTo("gen-cli-1");
    assertThat(doc.getDouble("total_cost")).isEqualTo(0.00042);
    assertThat(doc.getLong("native_tokens_prompt")).isEqualTo(12);
    assertThat(doc.getLong("native_tokens_completion")).isEqualTo(3);
  }

  @Test
  void unknownGenerationExitsThree() {
    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "generation", "gen-nope");

    assertThat(o.exit()).isEqualTo(ExitCodes.API);
    assertThat(o.out()).isEmpty();
    assertThat(o.err()).contains("gen-nope");
  }

  @Test
  void chatRemembersResetsShowsCostAndExits() {
    String stdin = "Hello\nHow are you?\n/cost\n/reset\nAgain\n/exit\nnever read\n";

    CliRunner.Output o = CliRunner.run(Map.of(), stdin, "chat");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out().lines()).hasSize(4);
    assertThat(o.out().lines().toList().get(0))
        .isEqualTo("(simulated) You said: \"Hello\". This is turn 1 of our conversation.");
    assertThat(o.out().lines().toList().get(1))
        .isEqualTo("(simulated) You said: \"How are you?\". This is turn 2 of our conversation.");
    assertThat(o.out().lines().toList().get(2))
        .matches("session: 2 turns, \\d+ tokens \\(\\d+ in, \\d+ out\\), \\$0\\.\\d{6}");
    assertThat(o.out().lines().toList().get(3))
        .isEqualTo("(simulated) You said: \"Again\". This is turn 1 of our conversation.");
    assertThat(o.err()).contains("chatting with assistant on openai/gpt-4o-mini")
        .contains("conversation cleared").doesNotContain("never read");
  }

  @Test
  void chatWithAnExampleUsesItsTools() {
    CliRunner.Output o = CliRunner.run(Map.of(), "Weather in London?\n", "chat", "weather");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("Here is the current weather:\n"
        + "- London: 11 °C, overcast, humidity 77%\n");
  }

  @Test
  void chatSendsTheHistoryOnline() {
    fake.enqueue(MockChat.text("Hi Ada"));
    fake.enqueue(MockChat.text("Your name is Ada"));

    CliRunner.Output o = CliRunner.run(Map.of("OPENROUTER_API_KEY", "k"),
        "I am Ada\nWho am I?\n", "chat", "--base-url", fake.baseUrl());

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("Hi Ada\nYour name is Ada\n");
    assertThat(fake.requests().stream().filter(r -> r.path().endsWith(FakeOpenRouter.CHAT_PATH))
        .skip(1).findFirst().orElseThrow().countMessages("user")).isEqualTo(2);
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(CliRunner.offline().exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRunner.offline("fly").exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRunner.offline("run").exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRunner.offline("run", "--max-iterations", "zero", "math", "1").exit())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(CliRunner.offline("run", "--max-iterations", "0", "math", "1").exit())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(CliRunner.offline("chat", "extract").exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRunner.offline("generation").exit()).isEqualTo(ExitCodes.USAGE);

    CliRunner.Output unknown = CliRunner.offline("run", "poetry", "Write a poem");
    assertThat(unknown.err()).isEqualTo("error: unknown example: poetry (choose from weather,"
        + " math, files, research, extract, rag, pdf-summary, compare, approvals, triage)\nTry 'agentloop run --help' for usage.\n");
    CliRunner.Output missing = CliRunner.offline("run", "weather");
    assertThat(missing.err()).startsWith("error: missing prompt: agentloop run weather \"<prompt>\"");
  }

  @Test
  void helpAndVersionExitZero() {
    CliRunner.Output help = CliRunner.offline("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("run", "chat", "models", "generation", "Exit codes:");
    assertThat(CliRunner.offline("--version").out()).isEqualTo("agentloop 0.1.0\n");
  }
}
