package dev.agentloop.examples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs {@link Cli} in-process with an injected environment and stdin, capturing stdout/stderr. */
final class CliRunner {

  /** What one execution printed and returned. */
  record Output(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private CliRunner() {}

  /** Runs without an API key: the examples use the simulator. */
  static Output offline(String... args) {
    return run(Map.of(), "", args);
  }

  /** Runs with a fake API key against {@code baseUrl}. */
  static Output online(String baseUrl, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--base-url";
    all[args.length + 1] = baseUrl;
    return run(Map.of("OPENROUTER_API_KEY", "sk-or-test"), "", all);
  }

  /** Runs with the given environment and stdin. */
  static Output run(Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new Cli(env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false).execute(args);
    return new Output(exit, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
