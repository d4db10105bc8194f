package dev.agentloop.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenRouter-compatible server of the load harness, run in its own JVM so its CPU is not
 * charged to the client under test.
 *
 * <p>It answers {@code POST .../chat/completions} with the {@link Script}: one call to the first
 * declared tool while the request holds fewer than {@link Script#TOOL_ROUNDS} tool messages, then
 * the final text. Model latency comes from {@code --latency-ms} or a {@code /latency/<ms>/} path
 * prefix and is applied with a Vert.x timer, never a sleep. One server verticle runs on every event
 * loop. It prints {@code BENCH-SERVER-PORT <port>} once listening and exits when its standard input
 * closes, so it never outlives the orchestrator.
 *
 * <p>Usage: {@code java -cp ... dev.agentloop.bench.BenchServer [--latency-ms N] [--port P]}
 */
public final class BenchServer extends AbstractVerticle {

  /** The line prefix announcing the port on standard output. */
  public static final String PORT_LINE = "BENCH-SERVER-PORT ";

  /** Connections the servers of this JVM have accepted (for probes that run it in-process). */
  public static final AtomicLong CONNECTIONS = new AtomicLong();

  private static final String LATENCY_PREFIX = "/latency/";

  private final int port;
  private final long defaultLatencyMs;
  private long nextId;

  BenchServer(int port, long defaultLatencyMs) {
    this.port = port;
    this.defaultLatencyMs = defaultLatencyMs;
  }

  public static void main(String[] args) throws Exception {
    Args a = new Args(args);
    long latency = a.longValue("--latency-ms", 0);
    int requestedPort = (int) a.longValue("--port", 0);
    int loops = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    // One instance per event loop; Vert.x shares the listening socket among them.
    int port = requestedPort != 0 ? requestedPort : freePort();
    try {
      vertx
          .deployVerticle(
              () -> new BenchServer(port, latency), new DeploymentOptions().setInstances(loops))
          .await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.out.println(PORT_LINE + port);
    System.out.flush();
    exitWhenStdinCloses();
  }

  /**
   * Deploys the server into {@code vertx} (one instance per event loop) on a free loopback port,
   * for benchmarks that keep client and server in one JVM.
   *
   * @return the port
   */
  public static int deploy(Vertx vertx, long latencyMs) throws Exception {
    int port = freePort();
    vertx
        .deployVerticle(
            () -> new BenchServer(port, latencyMs),
            new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE))
        .await(30, TimeUnit.SECONDS);
    return port;
  }

  @Override
  public void start(Promise<Void> started) {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setAcceptBacklog(16_384)
            .setTcpNoDelay(true)
            .setCompressionSupported(false);
    vertx
        .createHttpServer(options)
        .connectionHandler(c -> CONNECTIONS.incrementAndGet())
        .requestHandler(this::handle)
        .listen()
        .<Void>mapEmpty()
        .onComplete(started);
  }

  private void handle(HttpServerRequest req) {
    String path = req.path();
    if (!path.endsWith("/chat/completions")) {
      req.response().setStatusCode(404).end();
      return;
    }
    long latency = latencyOf(path);
    req.body()
        .onSuccess(
            body -> {
              byte[] bytes = body.getBytes();
              boolean stream = Script.isStream(bytes);
              Buffer reply = Buffer.buffer(stream ? streamReply(bytes) : reply(bytes));
              if (latency <= 0) {
                send(req, reply, stream);
              } else {
                vertx.setTimer(latency, id -> send(req, reply, stream));
              }
            })
        .onFailure(err -> req.response().setStatusCode(400).end());
  }

  private static void send(HttpServerRequest req, Buffer reply, boolean stream) {
    req.response()
        .putHeader("content-type", stream ? "text/event-stream" : "application/json")
        .end(reply);
  }

  private long latencyOf(String path) {
    if (!path.startsWith(LATENCY_PREFIX)) {
      return defaultLatencyMs;
    }
    int end = path.indexOf('/', LATENCY_PREFIX.length());
    try {
      return Long.parseLong(path.substring(LATENCY_PREFIX.length(), end));
    } catch (RuntimeException e) {
      return defaultLatencyMs;
    }
  }

  private String reply(byte[] body) {
    int toolMessages = Script.countToolMessages(body);
    long id = ++nextId;
    StringBuilder sb = new StringBuilder(640);
    sb.append("{\"id\":\"gen-").append(System.identityHashCode(this)).append('-').append(id);
    sb.append("\",\"object\":\"chat.completion\",\"created\":")
        .append(System.currentTimeMillis() / 1000);
    sb.append(",\"model\":\"").append(Script.MODEL);
    sb.append("\",\"provider\":\"Bench\",\"choices\":[");
    if (toolMessages < Script.TOOL_ROUNDS) {
      String tool = Script.firstToolName(body, "weather");
      sb.append("{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,")
          .append("\"tool_calls\":[{\"id\":\"call_")
          .append(toolMessages + 1)
          .append("\",\"type\":\"function\",\"function\":{\"name\":\"")
          .append(tool)
          .append("\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},")
          .append("\"finish_reason\":\"tool_calls\"}]");
    } else {
      sb.append("{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"")
          .append(Script.FINAL_ANSWER)
          .append("\"},\"finish_reason\":\"stop\"}]");
    }
    int prompt = 40 + body.length / 4;
    sb.append(",\"usage\":{\"prompt_tokens\":").append(prompt);
    sb.append(",\"completion_tokens\":12,\"total_tokens\":").append(prompt + 12);
    sb.append(",\"cost\":0.0001}}");
    return sb.toString();
  }

  /**
   * The same answer as {@link #reply} as {@code chat.completion.chunk} server-sent events: the
   * role, then the tool call's head and its arguments in two fragments (or the final text in {@link
   * Script#FINAL_ANSWER_DELTAS} deltas), the finish reason, the usage, then {@code [DONE]}.
   */
  private String streamReply(byte[] body) {
    int toolMessages = Script.countToolMessages(body);
    long id = ++nextId;
    String head =
        "data: {\"id\":\"gen-"
            + System.identityHashCode(this)
            + '-'
            + id
            + "\",\"object\":\"chat.completion.chunk\",\"created\":"
            + System.currentTimeMillis() / 1000
            + ",\"model\":\""
            + Script.MODEL
            + "\",\"provider\":\"Bench\",\"choices\":[";
    StringBuilder sb = new StringBuilder(2048);
    String finish;
    if (toolMessages < Script.TOOL_ROUNDS) {
      String tool = Script.firstToolName(body, "weather");
      sb.append(head)
          .append("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,")
          .append("\"tool_calls\":[{\"index\":0,\"id\":\"call_")
          .append(toolMessages + 1)
          .append("\",\"type\":\"function\",\"function\":{\"name\":\"")
          .append(tool)
          .append("\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n");
      for (String part : new String[] {"{\\\"city\\\":", "\\\"Paris\\\"}"}) {
        sb.append(head)
            .append("{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,")
            .append("\"function\":{\"arguments\":\"")
            .append(part)
            .append("\"}}]},\"finish_reason\":null}]}\n\n");
      }
      finish = "tool_calls";
    } else {
      sb.append(head)
          .append("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},")
          .append("\"finish_reason\":null}]}\n\n");
      for (String part : Script.FINAL_ANSWER_DELTAS) {
        sb.append(head)
            .append("{\"index\":0,\"delta\":{\"content\":\"")
            .append(part)
            .append("\"},\"finish_reason\":null}]}\n\n");
      }
      finish = "stop";
    }
    sb.append(head)
        .append("{\"index\":0,\"delta\":{},\"finish_reason\":\"")
        .append(finish)
        .append("\"}]}\n\n");
    int prompt = 40 + body.length / 4;
    sb.append(head)
        .append("],\"usage\":{\"prompt_tokens\":")
        .append(prompt)
        .append(",\"completion_tokens\":12,\"total_tokens\":")
        .append(prompt + 12)
        .append(",\"cost\":0.0001}}\n\n");
    sb.append("data: [DONE]\n\n");
    return sb.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void exitWhenStdinCloses() {
    Thread t =
        new Thread(
            () -> {
              try {
                InputStream in = System.in;
                while (in.read() >= 0) {
                  // Drain: the orchestrator never writes; EOF means it is gone.
                }
              } catch (IOException ignored) {
                // Treat a broken stdin as closed.
              }
              System.exit(0);
            },
            "bench-server-stdin");
    t.setDaemon(false);
    t.start();
  }
}
