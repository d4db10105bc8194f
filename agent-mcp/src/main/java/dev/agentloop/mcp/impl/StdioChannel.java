package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.mcp.McpClientOptions;
import dev.agentloop.mcp.McpException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process that speaks MCP on stdin/stdout. Its pipes are read and written by three daemon
 * threads of its own (never an event loop); stderr is logged and its tail kept, so that an exit is
 * reported with the exit code and what the process said.
 */
final class StdioChannel implements Channel {

  private static final Logger LOG = LoggerFactory.getLogger(StdioChannel.class);

  private final Context context;
  private final McpClientOptions options;
  private final StringBuilder stderrTail = new StringBuilder();
  private final ExecutorService writer;
  private volatile Process process;
  private volatile boolean closing;
  private Thread stderrReader;

  StdioChannel(Context context, McpClientOptions options) {
    this.context = context;
    this.options = options;
    this.writer =
        Executors.newSingleThreadExecutor(
            r -> daemon(r, "mcp-stdio-" + options.getName() + "-writer"));
  }

  @Override
  public Future<Void> start(Handler<JsonNode> messages, Handler<Throwable> closed) {
    return context
        .<Process>executeBlocking(
            () -> {
              ProcessBuilder pb = new ProcessBuilder(options.getCommand());
              pb.environment().putAll(options.getEnv());
              try {
                return pb.start();
              } catch (IOException e) {
                throw new McpException(
                    "mcp server `"
                        + options.getName()
                        + "` could not be started: "
                        + e.getMessage()
                        + "; check the command: "
                        + String.join(" ", options.getCommand()),
                    null,
                    e);
              }
            },
            false)
        .map(
            p -> {
              process = p;
              stderrReader = daemon(this::readStderr, "mcp-stdio-" + options.getName() + "-stderr");
              stderrReader.start();
              daemon(() -> readStdout(messages, closed), "mcp-stdio-" + options.getName() + "-out")
                  .start();
              return null;
            });
  }

  @Override
  public Future<Void> send(JsonNode message) {
    Promise<Void> promise = Promise.promise();
    byte[] line = (JsonRpc.write(message) + "\n").getBytes(StandardCharsets.UTF_8);
    writer.execute(
        () -> {
          try {
            OutputStream in = process.getOutputStream();
            in.write(line);
            in.flush();
            context.runOnContext(v -> promise.complete());
          } catch (IOException e) {
            // The process is gone: the exit report (code and stderr) says more than "broken pipe".
            Throwable failure = e;
            try {
              if (process.waitFor(2, TimeUnit.SECONDS)) {
                failure = exited();
              }
            } catch (InterruptedException ie) {
              Thread.currentThread().interrupt();
            }
            Throwable f = failure;
            context.runOnContext(v -> promise.fail(f));
          }
        });
    return promise.future();
  }

  @Override
  public void initialized(String protocolVersion) {}

  @Override
  public void resetSession() {}

  @Override
  public Future<Void> close() {
    closing = true;
    Process p = process;
    if (p == null) {
      writer.shutdown();
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    writer.execute(
        () -> {
          try {
            p.getOutputStream().close();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
              p.destroy();
              if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
              }
            }
          } catch (IOException | InterruptedException e) {
            p.destroyForcibly();
          }
          context.runOnContext(v -> promise.complete());
        });
    writer.shutdown();
    return promise.future();
  }

  private void readStdout(Handler<JsonNode> messages, Handler<Throwable> closed) {
    InputStream out = new java.io.BufferedInputStream(process.getInputStream());
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = out.read()) != -1) {
        if (b != '\n') {
          if (line.size() >= options.getMaxMessageBytes()) {
            throw new McpException(
                "mcp server `"
                    + options.getName()
                    + "` sent a message larger than "
                    + options.getMaxMessageBytes()
                    + " bytes");
          }
          line.write(b);
          continue;
        }
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (text.isEmpty()) {
          continue;
        }
        try {
          JsonNode message = JsonRpc.parse(text);
          context.runOnContext(v -> messages.handle(message));
        } catch (IOException e) {
          LOG.warn(
              "mcp server `{}` wrote a line that is not JSON-RPC: {}",
              options.getName(),
              cut(text));
        }
      }
      Throwable exit =
          closing ? new McpException("mcp server `" + options.getName() + "` closed") : exited();
      context.runOnContext(v -> closed.handle(exit));
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      Throwable failure =
          e instanceof McpException
              ? e
              : new McpException("mcp server `" + options.getName() + "`: " + e, null, e);
      context.runOnContext(v -> closed.handle(failure));
    }
  }

  /** Waits for the exit (on a reader thread) and describes it with the code and stderr. */
  private McpException exited() {
    int code;
    try {
      code = process.waitFor();
      stderrReader.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new McpException("mcp server `" + options.getName() + "` stopped");
    }
    String stderr;
    synchronized (stderrTail) {
      stderr = stderrTail.toString().strip();
    }
    return new McpException(
        "mcp server `"
            + options.getName()
            + "` exited with code "
            + code
            + (stderr.isEmpty() ? " and no stderr output" : "; stderr: " + stderr));
  }

  private void readStderr() {
    InputStream err = process.getErrorStream();
    byte[] buf = new byte[4096];
    StringBuilder pendingLine = new StringBuilder();
    try {
      int n;
      while ((n = err.read(buf)) != -1) {
        String chunk = new String(buf, 0, n, StandardCharsets.UTF_8);
        synchronized (stderrTail) {
          stderrTail.append(chunk);
          int excess = stderrTail.length() - options.getMaxStderrChars();
          if (excess > 0) {
            stderrTail.delete(0, excess);
          }
        }
        pendingLine.append(chunk);
        int nl;
        while ((nl = pendingLine.indexOf("\n")) >= 0) {
          LOG.info(
              "mcp server `{}` stderr: {}", options.getName(), cut(pendingLine.substring(0, nl)));
          pendingLine.delete(0, nl + 1);
        }
        if (pendingLine.length() > 8192) {
          pendingLine.setLength(0);
        }
      }
    } catch (IOException e) {
      // The process is gone; the exit report carries what was read.
    }
  }

  private static String cut(String s) {
    return s.length() > 500 ? s.substring(0, 500) + "…" : s;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
