package dev.agentloop.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Spawns JVMs of this build's class path: the bench server and one client per run. */
final class Jvm {

  private Jvm() {}

  /** The class path to hand to child JVMs: {@code -Dbench.classpath} if set, else this JVM's. */
  static String classPath() {
    String cp = System.getProperty("bench.classpath");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  /** The {@code java} launcher of the running JVM. */
  static String currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Splits a space-separated option string, dropping empty parts. */
  static List<String> split(String options) {
    List<String> out = new ArrayList<>();
    for (String s : options.trim().split("\\s+")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Starts {@code mainClass} in a new JVM with stdin and stdout piped to this process and stderr
   * appended to {@code log}.
   */
  static Process start(
      String java, List<String> jvmArgs, String mainClass, List<String> args, Path log)
      throws IOException {
    return start(java, jvmArgs, "", mainClass, args, log);
  }

  /**
   * Starts a JVM like {@link #start(String, List, String, List, Path)} with {@code prefix} (class
   * path entries, or empty) ahead of the class path, so its classes shadow the same classes later
   * on it.
   */
  static Process start(
      String java,
      List<String> jvmArgs,
      String prefix,
      String mainClass,
      List<String> args,
      Path log)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(prefix.isEmpty() ? classPath() : prefix + File.pathSeparator + classPath());
    cmd.add(mainClass);
    cmd.addAll(args);
    Files.createDirectories(log.toAbsolutePath().getParent());
    Files.writeString(log, String.join(" ", redactClassPath(cmd)) + "\n");
    return new ProcessBuilder(cmd)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  private static List<String> redactClassPath(List<String> cmd) {
    List<String> shown = new ArrayList<>(cmd);
    int i = shown.indexOf("-cp");
    if (i >= 0) {
      int entries = classPath().split(File.pathSeparator).length;
      shown.set(i + 1, "<class path, " + entries + " entries>");
    }
    return shown;
  }

  /** The last {@code n} lines of a log, for failure reports. */
  static String tail(Path log, int n) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
