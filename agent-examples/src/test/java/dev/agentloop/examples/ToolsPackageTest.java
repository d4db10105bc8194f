package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --tools-package --classpath}: the user's own tools from a jar built at test time. */
class ToolsPackageTest {

  private static final String GREETER = """
      package com.acme.tools;

      import dev.agentloop.tool.Param;
      import dev.agentloop.tool.Tool;

      public class Greeter {
        @Tool(description = "Greets a person a number of times")
        public String greet(@Param(description = "Who") String name,
            @Param(description = "How often") int times) {
          return ("Hello, " + name + "! ").repeat(times).strip();
        }
      }
      """;

  @Test
  void runsTheToolsOfAPackageFromAJar(@TempDir Path dir) throws Exception {
    Path jar = compileToJar(dir);

    CliRunner.Output o = CliRunner.offline("run", "--tools-package", "com.acme.tools",
        "--classpath", jar.toString(), "Please greet 'Ada' 2 times");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("Hello, Ada! Hello, Ada!\n");
    assertThat(o.err()).containsPattern("→ greet \\{\"name\":\"Ada\",\"times\":2}  ✓ \\d+ ms");
  }

  @Test
  void aPackageWithoutToolsIsAUsageError(@TempDir Path dir) throws Exception {
    Path jar = compileToJar(dir);

    CliRunner.Output o = CliRunner.offline("run", "--tools-package", "com.acme.nothing",
        "--classpath", jar.toString(), "hello");

    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    // Toolbox.build() itself refuses a scan that finds nothing (a misspelled package).
    assertThat(o.err()).startsWith("error: No class with @Tool methods was found in com.acme.nothing;");
  }

  @Test
  void anExampleAndAToolsPackageTogetherIsAUsageError() {
    CliRunner.Output o = CliRunner.offline("run", "--tools-package", "com.acme.tools", "math", "1");

    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).startsWith("error: give either an example or --tools-package, not both");
  }

  private static Path compileToJar(Path dir) throws Exception {
    Path src = dir.resolve("src/com/acme/tools/Greeter.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, GREETER);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-parameters", "-d", classes.toString(),
        "-cp", System.getProperty("java.class.path"), src.toString());
    assertThat(rc).isZero();
    Path jar = dir.resolve("my-tools.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : List.of("com/acme/tools/Greeter.class")) {
        out.putNextEntry(new JarEntry(name));
        out.write(Files.readAllBytes(classes.resolve(name)));
        out.closeEntry();
      }
    }
    return jar;
  }
}
