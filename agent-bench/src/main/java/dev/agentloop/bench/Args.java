package dev.agentloop.bench;

import java.util.HashMap;
import java.util.Map;

/** A minimal {@code --name value} command-line parser; flags without a value map to "true". */
final class Args {

  private final Map<String, String> values = new HashMap<>();

  Args(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("expected --name [value]: " + a);
      }
      int eq = a.indexOf('=');
      if (eq > 0) {
        values.put(a.substring(0, eq), a.substring(eq + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        values.put(a, args[++i]);
      } else {
        values.put(a, "true");
      }
    }
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  long longValue(String name, long fallback) {
    String v = values.get(name);
    return v == null ? fallback : Long.parseLong(v.replace("_", ""));
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(values.getOrDefault(name, "false"));
  }

  boolean has(String name) {
    return values.containsKey(name);
  }
}
