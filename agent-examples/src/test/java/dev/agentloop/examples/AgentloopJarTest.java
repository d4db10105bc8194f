package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs the built, shaded {@code agentloop.jar} as a separate process without an API key, as a
 * newcomer would. Runs under failsafe (after {@code package}), in {@code ./mvnw verify}, which
 * sets {@code agentloop.jar}; skipped elsewhere.
 */
@EnabledIfSystemProperty(named = "agentloop.jar", matches = ".+")
class AgentloopJarTest {

  private static final Path JAR = Path.of(System.getProperty("agentloop.jar", ""));

  @Test
  void weatherRunsOfflineFromTheJar() throws Exception {
    Result r = run("run", "weather", "What's the weather in Tokyo and Paris?");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("Here is the current weather:\n"
        + "- Tokyo: 18 °C, light rain, humidity 81%\n"
        + "- Paris: 14 °C, partly cloudy, humidity 62%\n");
    assertThat(r.err()).startsWith(
            "offline: no OPENROUTER_API_KEY — using the built-in simulator (scripted model)\n")
        .containsPattern("→ weather \\{\"city\":\"Tokyo\"}  ✓ \\d+ ms\n")
        .containsPattern("→ weather \\{\"city\":\"Paris\"}  ✓ \\d+ ms\n")
        .containsPattern("done: 2 steps, 2 tool calls, \\d+ tokens .*, openai/gpt-4o-mini\n$");
  }

  @Test
  void usageErrorExitsTwoFromTheJar() throws Exception {
    Result r = run("run", "nonsense", "hello");

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: unknown example: nonsense");
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) throws IOException, InterruptedException {
    assertThat(JAR).as("the shaded jar; run ./mvnw verify").exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String[] command = new String[args.length + 3];
    command[0] = java;
    command[1] = "-jar";
    command[2] = JAR.toString();
    System.arraycopy(args, 0, command, 3, args.length);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("OPENROUTER_API_KEY");
    pb.environment().remove("OPENROUTER_BASE_URL");
    Path out = Files.createTempFile("agentloop", ".out");
    Path err = Files.createTempFile("agentloop", ".err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("agentloop did not finish within 120 s");
    }
    Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }
}
