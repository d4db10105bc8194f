package dev.agentloop.examples;

/**
 * The {@code agentloop} executable: runs {@link Cli} on the process's environment and standard
 * streams and exits with its exit code.
 *
 * <pre>{@code
 * java -jar agent-examples/target/agentloop.jar run weather "Weather in Tokyo and Paris?"
 * }</pre>
 */
public final class Main {

  private Main() {}

  /** Runs the command line and exits with its exit code (see {@link ExitCodes}). */
  public static void main(String[] args) {
    Cli cli = new Cli(System.getenv(), System.out, System.err, System.in, System.console() != null);
    System.exit(cli.execute(args));
  }
}
