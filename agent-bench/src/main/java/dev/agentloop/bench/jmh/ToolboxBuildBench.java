package dev.agentloop.bench.jmh;

import dev.agentloop.bench.jmh.tools.HundredTools;
import dev.agentloop.tool.Toolbox;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building a toolbox of 100 tools: annotation scan, declaration checks, schema generation and
 * validator compilation for each method. Steady state ({@code avgt}) plus the first build in a
 * fresh JVM ({@code ss}, one shot per fork), which is what an application pays at start-up.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ToolboxBuildBench {

  /** Registers the ten instances of {@link HundredTools}. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public Toolbox build100Tools() {
    return build();
  }

  /** The same from a cold JVM: each fork measures its very first build. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(5)
  public Toolbox build100ToolsCold() {
    return build();
  }

  /** Scans the package of {@link HundredTools} with ClassGraph instead of registering instances. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public Toolbox scan100Tools() {
    return check(Toolbox.builder().scan(HundredTools.class.getPackageName()).build());
  }

  static Toolbox build() {
    Toolbox.Builder b = Toolbox.builder();
    for (Object tools : HundredTools.all()) {
      b.add(tools);
    }
    return check(b.build());
  }

  private static Toolbox check(Toolbox box) {
    if (box.specs().size() != 100) {
      throw new IllegalStateException("expected 100 tools: " + box.specs().size());
    }
    return box;
  }
}
