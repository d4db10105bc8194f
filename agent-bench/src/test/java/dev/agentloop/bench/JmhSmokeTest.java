package dev.agentloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Calls every JMH benchmark method once, directly (no JMH fork), so the microbenchmarks compile,
 * set up and run against the current APIs. The list comes from JMH's own generated {@code
 * META-INF/BenchmarkList}, so a new benchmark is covered without touching this test.
 */
class JmhSmokeTest {

  @Test
  void everyBenchmarkMethodRunsOnce() throws Exception {
    Set<String> classes = benchmarkClasses();
    assertThat(classes).isNotEmpty();
    List<String> ran = new ArrayList<>();
    Blackhole bh =
        new Blackhole(
            "Today's password is swordfish."
                + " I understand instantiating Blackholes directly is dangerous.");
    for (String name : classes) {
      Class<?> type = Class.forName(name);
      Object bench = type.getConstructor().newInstance();
      invokeAnnotated(bench, Setup.class);
      for (Method m : type.getMethods()) {
        if (m.isAnnotationPresent(Benchmark.class)) {
          m.invoke(bench, arguments(m, bh));
          ran.add(type.getSimpleName() + "." + m.getName());
        }
      }
      invokeAnnotated(bench, TearDown.class);
    }
    bh.evaporate(
        "Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    assertThat(ran)
        .contains(
            "RequestSerializationBench.serializeRequest",
            "ToolboxBuildBench.build100Tools",
            "ToolboxBuildBench.scan100Tools",
            "ToolCallBench.invokeNonBlockingTool",
            "SseAccumulationBench.parseAndAccumulate");
  }

  /** A Blackhole, or a fresh set-up instance of a {@code @State} parameter. */
  private static Object[] arguments(Method m, Blackhole bh) throws Exception {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      if (types[i] == Blackhole.class) {
        args[i] = bh;
      } else {
        args[i] = types[i].getConstructor().newInstance();
        invokeAnnotated(args[i], Setup.class);
      }
    }
    return args;
  }

  private static void invokeAnnotated(Object bench, Class<? extends Annotation> a)
      throws Exception {
    for (Method m : bench.getClass().getMethods()) {
      if (m.isAnnotationPresent(a)) {
        m.invoke(bench);
      }
    }
  }

  /** Benchmark classes from JMH's generated list (one line per benchmark method). */
  private static Set<String> benchmarkClasses() throws Exception {
    Set<String> classes = new LinkedHashSet<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                JmhSmokeTest.class.getResourceAsStream("/META-INF/BenchmarkList"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        // Lines look like: JMH S 47 dev.agentloop.bench.jmh.RequestSerializationBench S ...
        String[] parts = line.split(" ");
        for (int i = 0; i + 1 < parts.length; i++) {
          if (parts[i + 1].startsWith("dev.agentloop.bench.jmh.")) {
            classes.add(parts[i + 1]);
            break;
          }
        }
      }
    }
    return classes;
  }
}
