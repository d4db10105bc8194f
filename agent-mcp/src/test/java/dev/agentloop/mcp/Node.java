package dev.agentloop.mcp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The npm project under src/test/node: MCP implementations we did not write. Tests that need it
 * skip, saying how to install it, when node or the packages are missing. Nothing is downloaded at
 * test time: the installed files are run with node directly.
 */
final class Node {

  static final Path PROJECT = Path.of("src/test/node").toAbsolutePath();
  static final Path EVERYTHING =
      PROJECT.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
  static final Path SDK = PROJECT.resolve("node_modules/@modelcontextprotocol/sdk/package.json");

  private Node() {}

  /** Skips the test unless node and the npm packages are installed. */
  static void assumeInstalled() {
    assumeTrue(
        Files.isRegularFile(EVERYTHING) && Files.isRegularFile(SDK),
        "MCP interop packages are not installed: run `npm ci` in agent-mcp/src/test/node (.ci/run does)");
    assumeTrue(nodeWorks(), "node is not on the PATH: install Node.js 18+ to run the MCP interop tests");
  }

  /** The command that runs the reference server over stdio. */
  static List<String> everythingStdio() {
    return List.of("node", EVERYTHING.toString(), "stdio");
  }

  /** Starts the reference server over Streamable HTTP and waits until it listens. */
  static Process everythingHttp(int port) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("node", EVERYTHING.toString(), "streamableHttp");
    pb.environment().put("PORT", String.valueOf(port));
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    awaitPort(port, p);
    return p;
  }

  /** Runs a script of src/test/node with node; the caller reads its stdout. */
  static Process script(String name, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("node", PROJECT.resolve(name).toString()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void awaitPort(int port, Process p) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the node server exited with code " + p.exitValue());
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("the node server did not listen on port " + port);
  }

  private static boolean nodeWorks() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
