package dev.agentloop.mcp.impl;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stdio session: a reader thread turns lines into messages handled on the context; a writer
 * thread writes answers, one per line, so a slow reader never blocks an event loop.
 */
final class StdioServerTransport {

  private static final Logger LOG = LoggerFactory.getLogger(StdioServerTransport.class);
  private static final int MAX_LINE = 4 * 1024 * 1024;
  private static final String TOO_LONG = new String("too long");

  private final Context context;
  private final ServerProtocol protocol;
  private final ServerSession session;
  private final InputStream in;
  private final OutputStream out;
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(r -> daemon(r, "mcp-stdio-server-writer"));

  // Both confined to the context.
  private int inflight;
  private boolean eof;

  StdioServerTransport(
      Context context,
      ServerProtocol protocol,
      ServerSession session,
      InputStream in,
      OutputStream out) {
    this.context = context;
    this.protocol = protocol;
    this.session = session;
    this.in = in;
    this.out = out;
    session.notifier = this::write;
  }

  void start(Promise<Void> done) {
    daemon(() -> read(done), "mcp-stdio-server-reader").start();
  }

  private void read(Promise<Void> done) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = readLine(reader)) != null) {
        if (line.isBlank()) {
          continue;
        }
        if (line == TOO_LONG) {
          write(
              JsonRpc.error(
                  null,
                  JsonRpc.INVALID_REQUEST,
                  "message longer than " + MAX_LINE + " characters"));
          continue;
        }
        JsonNode message;
        try {
          message = JsonRpc.parse(line);
        } catch (IOException e) {
          write(JsonRpc.error(null, JsonRpc.PARSE_ERROR, "parse error: " + e.getMessage()));
          continue;
        }
        context.runOnContext(
            v -> {
              inflight++;
              protocol
                  .handle(session, message, this::write)
                  .onComplete(
                      ar -> {
                        if (ar.succeeded() && ar.result() != null) {
                          write(ar.result());
                        }
                        inflight--;
                        finishIfDone(done);
                      });
            });
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("mcp stdio session ended: {}", e.toString());
    }
    context.runOnContext(
        v -> {
          eof = true;
          finishIfDone(done);
        });
  }

  /** Ends the session once stdin has ended and every request has been answered. */
  private void finishIfDone(Promise<Void> done) {
    if (eof && inflight == 0) {
      session.close();
      writer.shutdown();
      done.tryComplete();
    }
  }

  /** Reads a line, refusing lines longer than the limit (the rest of such a line is skipped). */
  private static String readLine(BufferedReader reader) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    boolean tooLong = false;
    while ((c = reader.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (b.length() < MAX_LINE) {
        b.append((char) c);
      } else {
        tooLong = true;
      }
    }
    if (c == -1 && b.length() == 0) {
      return null;
    }
    return tooLong ? TOO_LONG : b.toString();
  }

  private void write(JsonNode message) {
    byte[] bytes = (JsonRpc.write(message) + "\n").getBytes(StandardCharsets.UTF_8);
    if (writer.isShutdown()) {
      return;
    }
    writer.execute(
        () -> {
          try {
            out.write(bytes);
            out.flush();
          } catch (IOException e) {
            LOG.debug("mcp stdio: cannot write: {}", e.toString());
          }
        });
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
