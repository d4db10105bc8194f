package dev.agentloop.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentloop.openrouter.ToolCall;
import dev.agentloop.tool.scanfixture.ClockTools;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building toolboxes: registration, scanning, and every declaration error with its exact message. */
class ToolboxBuildTest {

  static class BadName {
    @Tool(name = "get weather", description = "d")
    public String weather(String city) {
      return city;
    }
  }

  static class First {
    @Tool(name = "lookup", description = "d")
    public String find(String key) {
      return key;
    }
  }

  static class Second {
    @Tool(description = "d")
    public String lookup(String key) {
      return key;
    }
  }

  static class NoDescription {
    @Tool
    public String ping() {
      return "pong";
    }
  }

  static class ObjectParam {
    @Tool(description = "d")
    public String store(Object value) {
      return "ok";
    }
  }

  static class RawList {
    @Tool(description = "d")
    @SuppressWarnings("rawtypes")
    public String store(List values) {
      return "ok";
    }
  }

  static class IntKeys {
    @Tool(description = "d")
    public String store(Map<Integer, String> values) {
      return "ok";
    }
  }

  static class Generic<T> {
    @Tool(description = "d")
    public String store(T value) {
      return "ok";
    }
  }

  static class BadDefault {
    @Tool(description = "d")
    public String forecast(@Param(defaultValue = "three") int days) {
      return "ok";
    }
  }

  static class OptionalPrimitive {
    @Tool(description = "d")
    public String forecast(@Param(required = false) int days) {
      return "ok";
    }
  }

  static class RawFuture {
    @Tool(description = "d")
    @SuppressWarnings("rawtypes")
    public Future fetch(String url) {
      return Future.succeededFuture();
    }
  }

  static class NoConstructor {
    NoConstructor(String unused) {}

    @Tool(description = "d")
    public String ping() {
      return "pong";
    }
  }

  static class Empty {}

  record Tree(String label, List<Tree> children) {}

  static class Recursive {
    @Tool(description = "d")
    public String walk(Tree tree) {
      return tree.label();
    }
  }

  static class StaticAndInstance {
    static final AtomicInteger CREATED = new AtomicInteger();

    StaticAndInstance() {
      CREATED.incrementAndGet();
    }

    @Tool(description = "static")
    public static String one() {
      return "1";
    }

    @Tool(description = "instance")
    public String two() {
      return "2";
    }
  }

  private static String messageOf(Object tools) {
    try {
      Toolbox.builder().add(tools).build();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for " + tools);
  }

  @Test
  void badNameIsRejected() {
    assertThat(messageOf(new BadName())).isEqualTo(
        "Tool name `get weather` must match ^[a-zA-Z0-9_-]{1,64}$.\n    for method BadName.weather");
  }

  @Test
  void duplicateNameIsRejected() {
    assertThatThrownBy(() -> Toolbox.builder().add(new First()).add(new Second()).build())
        .hasMessage("Tool name `lookup` is already used by method First.find; give one of them another"
            + " name with @Tool(name = \"...\").\n    for method Second.lookup");
  }

  @Test
  void missingDescriptionIsRejected() {
    assertThat(messageOf(new NoDescription())).isEqualTo("Tool `ping` has no description; tell the"
        + " model what it does with @Tool(description = \"...\").\n    for method NoDescription.ping");
  }

  @Test
  void unsupportedParameterTypesAreRejected() {
    assertThat(messageOf(new ObjectParam())).isEqualTo("Parameter `value` has an unsupported type: it is"
        + " Object, which says nothing about the expected JSON; use a concrete type.\n"
        + "    for method ObjectParam.store");
    assertThat(messageOf(new RawList())).isEqualTo("Parameter `values` has an unsupported type: it is"
        + " the raw type List; declare its type arguments, e.g. List<String>.\n"
        + "    for method RawList.store");
    assertThat(messageOf(new IntKeys())).isEqualTo("Parameter `values` has an unsupported type: it has"
        + " map keys of type java.lang.Integer; JSON object keys are strings, so use Map<String, V>.\n"
        + "    for method IntKeys.store");
    assertThat(messageOf(new Generic<String>())).isEqualTo("Parameter `value` has an unsupported type:"
        + " it is the type variable T; tool parameters need concrete types.\n    for method Generic.store");
  }

  @Test
  void defaultValuesAreCheckedAgainstTheType() {
    assertThat(messageOf(new BadDefault())).isEqualTo("The default value `three` of parameter `days` is"
        + " not a valid int: Cannot deserialize value of type `int` from String \"three\": not a valid"
        + " `int` value\n    for method BadDefault.forecast");
    assertThat(messageOf(new OptionalPrimitive())).isEqualTo("Parameter `days` is optional but its type"
        + " int cannot be absent; use Integer, an Optional or a default value.\n"
        + "    for method OptionalPrimitive.forecast");
  }

  @Test
  void rawAsyncReturnTypeIsRejected() {
    assertThat(messageOf(new RawFuture())).isEqualTo("The return type Future has no type argument;"
        + " declare what it completes with, e.g. Future<String>.\n    for method RawFuture.fetch");
  }

  @Test
  void classesWithoutToolsOrConstructorsAreRejected() {
    assertThat(messageOf(new Empty())).isEqualTo("Class dev.agentloop.tool.ToolboxBuildTest$Empty"
        + " declares no @Tool methods; annotate at least one method.");
    assertThat(messageOf(NoConstructor.class)).isEqualTo("Class NoConstructor has no no-arg constructor;"
        + " register an instance with add(Object) or set an instanceFactory.\n"
        + "    for method NoConstructor.ping");
  }

  @Test
  void recursiveTypesBreakThePortableDialect() {
    assertThat(messageOf(new Recursive())).isEqualTo("The parameters of tool `walk` break a rule of"
        + " SchemaDialect.PORTABLE: the schema needs $ref for the recursive type `Tree`, and some"
        + " providers reject $ref; use SchemaDialect.OPENAI_STRICT or NONE, or make the type"
        + " non-recursive.\n    for method Recursive.walk");
    Toolbox strict = Toolbox.builder().add(new Recursive())
        .dialect(dev.agentloop.schema.SchemaDialect.OPENAI_STRICT).build();
    assertThat(strict.specs().get(0).strict()).isTrue();
    assertThat(strict.specs().get(0).parameters().at("/$defs/Tree/additionalProperties").asBoolean(true))
        .isFalse();
  }

  @Test
  void classAddsStaticToolsAndInstanceToolsFromOneInstance() {
    StaticAndInstance.CREATED.set(0);
    Toolbox tools = Toolbox.builder().add(StaticAndInstance.class).build();
    assertThat(tools.specs()).extracting(ToolSpec::name).containsExactly("one", "two");
    assertThat(StaticAndInstance.CREATED).hasValue(1);
  }

  @Test
  void instanceFactorySuppliesInstances() {
    AtomicInteger calls = new AtomicInteger();
    Toolbox tools = Toolbox.builder()
        .instanceFactory(type -> {
          calls.incrementAndGet();
          return new ClockTools();
        })
        .scan("dev.agentloop.tool.scanfixture")
        .build();
    assertThat(calls).hasValue(1);
    assertThat(tools.specs()).extracting(ToolSpec::name).containsExactly("now", "add");
  }

  @Test
  void scanFindsToolClassesAndIgnoresOthers() {
    Vertx vertx = Vertx.vertx();
    try {
      Toolbox tools = Toolbox.builder().scan("dev.agentloop.tool.scanfixture").build();
      assertThat(tools.specs()).extracting(ToolSpec::name).containsExactly("now", "add");
      ToolContext context = ToolContext.of(vertx, "r", "c");
      assertThat(tools.invoke(ToolCall.of("c", "add", "{\"a\":2,\"b\":3}"), context).await().content())
          .isEqualTo("5");
      assertThat(tools.invoke(ToolCall.of("c", "now", "{\"zone\":\"UTC\"}"), context).await().content())
          .isEqualTo("12:00 UTC");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void parameterWithoutCompiledNameIsRejected(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("NamelessTools.java");
    Files.writeString(source, "public class NamelessTools {\n"
        + "  @dev.agentloop.tool.Tool(description = \"d\")\n"
        + "  public String echo(String text) { return text; }\n"
        + "}\n");
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int status = compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"),
        "-d", dir.toString(), source.toString());
    assertThat(status).isZero();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> type = loader.loadClass("NamelessTools");
      assertThatThrownBy(() -> Toolbox.builder().add(type).build()).hasMessage("Parameter 0 (String) has"
          + " no name; compile with -parameters or add @Param(name = \"...\").\n"
          + "    for method NamelessTools.echo");
    }
  }
}
