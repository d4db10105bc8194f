package dev.agentloop.examples;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The example agents by name, in the order the help lists them. */
public final class Examples {

  private static final Map<String, Example> ALL = new LinkedHashMap<>();

  static {
    for (Example e :
        new Example[] {
          new WeatherExample(),
          new MathExample(),
          new FilesExample(),
          new ResearchExample(),
          new ExtractExample(),
          new RagExample(),
          new PdfSummaryExample(),
          new CompareExample(),
          new ApprovalsExample(),
          new TriageExample()
        }) {
      ALL.put(e.name(), e);
    }
  }

  private Examples() {}

  /** Returns the example named {@code name}. */
  public static Optional<Example> find(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  /** Returns all examples by name, in the order the help lists them. */
  public static Map<String, Example> all() {
    return Collections.unmodifiableMap(ALL);
  }

  /** Returns the example names, comma-separated, for messages. */
  public static String names() {
    return String.join(", ", ALL.keySet());
  }

  /** Returns {@code run <name> <args...>}, for the examples' own {@code main} methods. */
  static String[] argsFor(String name, String[] args) {
    String[] all = new String[args.length + 2];
    all[0] = "run";
    all[1] = name;
    System.arraycopy(args, 0, all, 2, args.length);
    return all;
  }
}
