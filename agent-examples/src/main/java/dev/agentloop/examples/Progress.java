package dev.agentloop.examples;

import dev.agentloop.agent.AgentEvent;
import dev.agentloop.tool.ToolResult;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.io.PrintStream;

/**
 * Shows a run as it happens: the answer text on stdout as it streams, and on stderr a spinner while
 * the model thinks (terminals only) and one line per tool call with its arguments, duration and
 * outcome. Events arrive in order on the run's context.
 */
final class Progress implements Handler<AgentEvent> {

  private static final String FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

  private final Vertx vertx;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean printText;
  private final boolean spinner;
  private final boolean verbose;
  private long timer = -1;
  private int frame;
  private boolean streamed;

  Progress(Vertx vertx, Cli cli, boolean printText, boolean verbose) {
    this.vertx = vertx;
    this.out = cli.out;
    this.err = cli.err;
    this.printText = printText;
    this.spinner = cli.interactive;
    this.verbose = verbose;
  }

  /** Whether answer text was streamed to stdout. */
  boolean streamed() {
    return streamed;
  }

  @Override
  public void handle(AgentEvent event) {
    if (!(event instanceof AgentEvent.ModelRequest)) {
      stopSpinner();
    }
    if (event instanceof AgentEvent.ModelRequest r) {
      if (verbose) {
        err.println(
            "· step "
                + r.step()
                + ": "
                + r.request().parameters().model()
                + ", "
                + r.request().messages().size()
                + " messages");
      }
      startSpinner();
    } else if (event instanceof AgentEvent.TextDelta d && printText) {
      out.print(d.text());
      out.flush();
      streamed = true;
    } else if (event instanceof AgentEvent.ToolCallFinished f) {
      toolLine(f);
    }
  }

  private void toolLine(AgentEvent.ToolCallFinished f) {
    ToolResult r = f.result();
    String args = f.call().function().arguments();
    String head = "→ " + r.name() + " " + Format.clip(args == null ? "" : args, 100) + "  ";
    long ms = r.duration().toMillis();
    err.println(
        r.isError()
            ? head + "✗ " + ms + " ms: " + Format.clip(r.content(), 160)
            : head + "✓ " + ms + " ms");
    if (verbose && !r.isError()) {
      err.println("    " + Format.clip(r.content(), 300));
    }
  }

  private void startSpinner() {
    if (spinner && timer < 0) {
      timer =
          vertx.setPeriodic(
              100,
              id -> {
                err.print("\r" + FRAMES.charAt(frame++ % FRAMES.length()) + " thinking…");
                err.flush();
              });
    }
  }

  /** Stops the spinner and erases its line. */
  void stopSpinner() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
      err.print("\r\033[K");
      err.flush();
    }
  }
}
