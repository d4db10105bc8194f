package dev.agentloop.bench.jmh;

import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.impl.Json;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serializing one step's request (20 messages of history, one tool) to a JSON buffer, the way the
 * client does it ({@link Json#encode}, the client's configured mapper).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestSerializationBench {

  ChatRequest request;

  @Setup
  public void setup() {
    request = Fixtures.request(20);
  }

  @Benchmark
  public Buffer serializeRequest() {
    return Json.encode(request);
  }
}
