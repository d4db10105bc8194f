package dev.agentloop.bench.jmh;

import dev.agentloop.openrouter.ChatChunk;
import dev.agentloop.openrouter.ChatResponse;
import dev.agentloop.openrouter.impl.Json;
import dev.agentloop.openrouter.impl.SseParser;
import dev.agentloop.openrouter.impl.StreamAccumulator;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SSE parsing and stream accumulation of one long streamed answer: 2,000 content deltas, then two
 * tool calls whose arguments arrive in 300 fragments, then the finish reason and usage, cut into
 * 1,460-byte buffers as they come off the socket. Each event goes through the client's own path
 * ({@link SseParser}, Jackson into {@link ChatChunk}, {@link StreamAccumulator}).
 *
 * <p>The primary score is streams per second; the {@code bytes} secondary score is bytes per second
 * (divide by 10^6 for MB/s).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SseAccumulationBench {

  static final int CONTENT_DELTAS = 2000;
  static final int ARGUMENT_FRAGMENTS = 300;
  static final int SEGMENT = 1460;

  List<Buffer> segments;
  int streamBytes;

  /** Bytes processed, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Setup
  public void setup() {
    byte[] all = stream().getBytes(StandardCharsets.UTF_8);
    streamBytes = all.length;
    segments = new ArrayList<>();
    for (int at = 0; at < all.length; at += SEGMENT) {
      int end = Math.min(all.length, at + SEGMENT);
      segments.add(Buffer.buffer().appendBytes(all, at, end - at));
    }
  }

  @Benchmark
  public ChatResponse parseAndAccumulate(Bytes counter) {
    StreamAccumulator acc = new StreamAccumulator();
    SseParser parser =
        new SseParser(
            event -> {
              if (event.data().equals("[DONE]")) {
                return;
              }
              try {
                acc.accept(Json.readChunk(event.data()));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    for (Buffer b : segments) {
      parser.feed(b);
    }
    parser.end();
    counter.bytes += streamBytes;
    ChatResponse r = acc.toResponse();
    if (!"tool_calls".equals(r.finishReason()) || r.message().toolCalls().size() != 2) {
      throw new IllegalStateException("bad accumulation: " + r);
    }
    return r;
  }

  /** The SSE text of the whole stream. */
  static String stream() {
    StringBuilder sb = new StringBuilder(CONTENT_DELTAS * 200);
    String head =
        "data: {\"id\":\"gen-bench\",\"object\":\"chat.completion.chunk\",\"created\":1717000000,"
            + "\"model\":\"openai/gpt-4o-mini\",\"provider\":\"OpenAI\",\"choices\":[{\"index\":0,"
            + "\"delta\":";
    sb.append(": OPENROUTER PROCESSING\n\n");
    sb.append(head)
        .append("{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
    for (int i = 0; i < CONTENT_DELTAS; i++) {
      sb.append(head)
          .append("{\"content\":\"token ")
          .append(i)
          .append(" is \\\"quoted\\\" caf\\u00e9 \"},\"finish_reason\":null}]}\n\n");
    }
    for (int call = 0; call < 2; call++) {
      sb.append(head)
          .append("{\"tool_calls\":[{\"index\":")
          .append(call)
          .append(",\"id\":\"call_")
          .append(call)
          .append("\",\"type\":\"function\",")
          .append("\"function\":{\"name\":\"weather\",\"arguments\":\"\"}}]},")
          .append("\"finish_reason\":null}]}\n\n");
      for (int f = 0; f < ARGUMENT_FRAGMENTS / 2; f++) {
        String fragment =
            f == 0 ? "{\\\"city\\\":\\\"" : f == ARGUMENT_FRAGMENTS / 2 - 1 ? "\\\"}" : "Pa";
        sb.append(head)
            .append("{\"tool_calls\":[{\"index\":")
            .append(call)
            .append(",\"function\":{\"arguments\":\"")
            .append(fragment)
            .append("\"}}]},\"finish_reason\":null}]}\n\n");
      }
    }
    sb.append(head).append("{},\"finish_reason\":\"tool_calls\"}]}\n\n");
    sb.append(head.replace("\"delta\":", "\"delta\":{}}],\"usage\":"))
        .append("{\"prompt_tokens\":812,\"completion_tokens\":2400,\"total_tokens\":3212,")
        .append("\"cost\":0.0012}}\n\n");
    sb.append("data: [DONE]\n\n");
    return sb.toString();
  }
}
