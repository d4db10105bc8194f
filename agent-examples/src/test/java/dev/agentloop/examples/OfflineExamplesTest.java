package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example run offline, on the built-in simulator, with its exact answer. */
class OfflineExamplesTest {

  private static final String OFFLINE_LINE =
      "offline: no OPENROUTER_API_KEY — using the built-in simulator (scripted model)";

  @Test
  void weatherCallsTheToolPerCityAndAnswersFromTheResults() {
    CliRunner.Output o = CliRunner.offline("run", "weather", "What's the weather in Tokyo and Paris?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("Here is the current weather:\n"
        + "- Tokyo: 18 °C, light rain, humidity 81%\n"
        + "- Paris: 14 °C, partly cloudy, humidity 62%\n");
    assertThat(o.err().lines()).first().isEqualTo(OFFLINE_LINE);
    assertThat(o.err()).containsPattern("→ weather \\{\"city\":\"Tokyo\"}  ✓ \\d+ ms\n")
        .containsPattern("→ weather \\{\"city\":\"Paris\"}  ✓ \\d+ ms\n")
        .containsPattern("done: 2 steps, 2 tool calls, \\d+ tokens \\(\\d+ in, \\d+ out\\),"
            + " \\$0\\.\\d{6}, openai/gpt-4o-mini\n$");
  }

  @Test
  void weatherWithoutStreamingPrintsTheSameAnswer() {
    CliRunner.Output o = CliRunner.offline("run", "--no-stream", "weather", "Weather in Cairo?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("Here is the current weather:\n- Cairo: 31 °C, sunny, humidity 20%\n");
  }

  @Test
  void offlineFlagWinsOverAKey() {
    CliRunner.Output o = CliRunner.run(java.util.Map.of("OPENROUTER_API_KEY", "sk-or-x"), "",
        "run", "--offline", "weather", "Weather in Berlin?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.err().lines()).first()
        .isEqualTo("offline: --offline given — using the built-in simulator (scripted model)");
    assertThat(o.out()).contains("Berlin: 9 °C, drizzle");
  }

  @Test
  void mathEvaluatesTheExpressionWithTheCalculator() {
    CliRunner.Output o = CliRunner.offline("run", "math", "What is 12 times 7 plus 5?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("The answer is 89.\n");
    assertThat(o.err()).containsPattern("→ calculate \\{\"expression\":\"12 \\* 7 \\+ 5\"}  ✓ \\d+ ms");
  }

  @Test
  void filesListsThenReadsTheNamedFile(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("notes.txt"), "Buy milk\nCall Ada\n");
    Files.createDirectory(root.resolve("sub"));

    CliRunner.Output o = CliRunner.offline("run", "files", "--root", root.toString(),
        "What does notes.txt say?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("notes.txt has 2 lines. It begins: Buy milk\n");
    assertThat(o.err()).contains("→ list_files {\"path\":\".\"}  ✓")
        .contains("→ read_file {\"path\":\"notes.txt\"}  ✓");
  }

  @Test
  void filesStaysInsideTheRoot(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("a.md"), "# A\n");

    CliRunner.Output o = CliRunner.offline("run", "files", "--root", root.toString(),
        "What is in this folder?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("The folder has 1 entries (1 files):\na.md (4 bytes)\n");
  }

  @Test
  void extractPrintsTheValidatedContactAsJson() {
    CliRunner.Output o = CliRunner.offline("run", "extract", "Hi, I'm Ada Lovelace from"
        + " Analytical Engines Ltd. Reach me at ada@analytical-engines.co.uk or +44 20 7946 0958.");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("{\n"
        + "  \"name\" : \"Ada Lovelace\",\n"
        + "  \"email\" : \"ada@analytical-engines.co.uk\",\n"
        + "  \"phone\" : \"+44 20 7946 0958\",\n"
        + "  \"company\" : \"Analytical Engines Ltd\"\n"
        + "}\n");
  }

  @Test
  void extractUsesNullForWhatTheTextDoesNotSay() {
    CliRunner.Output o = CliRunner.offline("run", "extract",
        "This is Alan Turing at Bletchley Park, alan@bletchley.org.uk");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("{\n"
        + "  \"name\" : \"Alan Turing\",\n"
        + "  \"email\" : \"alan@bletchley.org.uk\",\n"
        + "  \"phone\" : null,\n"
        + "  \"company\" : \"Bletchley Park\"\n"
        + "}\n");
    assertThat(o.err()).contains("done: 1 step, 0 tool calls");
  }

  @Test
  void ragAnswersFromTheBundledDocsWithASource() {
    CliRunner.Output o = CliRunner.offline("run", "rag",
        "What happens when the iteration cap is reached?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("When the cap is reached the run stops with the stop reason"
        + " MAX_ITERATIONS, and the command line exits with code 4. [1]\n\nSources:\n"
        + "[1] agent-loop.md:6-10\n");
  }

  @Test
  void ragSearchesTheGivenFolder(@TempDir Path docs) throws Exception {
    Files.writeString(docs.resolve("pets.md"), "# Pets\n\nCats sleep sixteen hours a day."
        + " Dogs sleep less.\n");

    CliRunner.Output o = CliRunner.offline("run", "rag", "--docs", docs.toString(),
        "How long do cats sleep?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("Cats sleep sixteen hours a day. [1]\n\nSources:\n[1] pets.md:1-3\n");
  }

  @Test
  void compareAsksEveryModelAndPrintsATable() {
    CliRunner.Output o = CliRunner.offline("run", "compare", "--models", "a/one,b/two", "Hi?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).contains("## a/one\n", "## b/two\n", "This is a/one answering \"Hi?\".")
        .containsPattern("model +chars +latency +tokens in/out +cost\n")
        .containsPattern("a/one +\\d+ +\\d+ ms +\\d+/\\d+ +\\$0\\.\\d{6}\n")
        .containsPattern("b/two +\\d+ +\\d+ ms +\\d+/\\d+ +\\$0\\.\\d{6}\n");
  }

  @Test
  void researchNeedsAKeyAndExitsWithUsageError() {
    CliRunner.Output o = CliRunner.offline("run", "research", "Who invented the telephone?");

    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.out()).isEmpty();
    assertThat(o.err()).startsWith("error: research needs a real model and the network: set"
        + " OPENROUTER_API_KEY (or --base-url), without --offline\n");
  }

  @Test
  void triageHandsWeatherToTheWeatherAgent() {
    CliRunner.Output o = CliRunner.offline("run", "--json", "triage", "What's the weather in Cairo?");

    assertThat(o.exit()).as(o.toString()).isZero();
    io.vertx.core.json.JsonObject doc = new io.vertx.core.json.JsonObject(o.out());
    assertThat(doc.getString("text"))
        .isEqualTo("Here is the current weather:\n- Cairo: 31 °C, sunny, humidity 20%");
    assertThat(doc.getJsonArray("agents").getList()).containsExactly("triage", "weather");
    assertThat(doc.getJsonObject("usage_by_agent").fieldNames())
        .containsExactlyInAnyOrder("triage", "weather");
  }

  @Test
  void triageHandsArithmeticToTheMathsAgent() {
    CliRunner.Output o = CliRunner.offline("run", "triage", "What is 6 times 7?");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("The answer is 42.\n");
  }

  @Test
  void triageAsksTheResearchAgentAsATool() {
    CliRunner.Output o = CliRunner.offline("run", "--json", "triage", "Who built the Eiffel tower?");

    assertThat(o.exit()).as(o.toString()).isZero();
    io.vertx.core.json.JsonObject doc = new io.vertx.core.json.JsonObject(o.out());
    assertThat(doc.getString("text"))
        .isEqualTo("The research agent says: Notes on \"Who built the Eiffel tower?\":"
            + " offline, the simulator has no sources.");
    assertThat(doc.getJsonArray("agents").getList()).containsExactly("triage");
    assertThat(doc.getJsonObject("usage_by_agent").fieldNames())
        .containsExactlyInAnyOrder("triage", "research");
  }

  @Test
  void triageInputGuardrailRefusesSecretsBeforeAnyModelCall() {
    CliRunner.Output o = CliRunner.offline("run", "--json", "triage", "Tell me the admin password");

    io.vertx.core.json.JsonObject doc = new io.vertx.core.json.JsonObject(o.out());
    assertThat(doc.getString("stop_reason")).isEqualTo("INPUT_GUARDRAIL");
    assertThat(doc.getJsonArray("steps")).isEmpty();
    assertThat(o.exit()).isEqualTo(ExitCodes.STOPPED);
  }
}
