package dev.agentloop.examples;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import dev.agentloop.tool.ToolSpec;
import dev.agentloop.tool.Toolbox;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A general agent over the user's own {@code @Tool} classes, found by scanning packages ({@code
 * --tools-package}) on the class path plus {@code --classpath} jars. Offline, its scripted model
 * calls the tool the prompt names, filling arguments from the prompt's numbers and quoted words.
 */
final class ToolsPackageAgent implements Example {

  private static final Pattern VALUE =
      Pattern.compile("'([^']*)'|\"([^\"]*)\"|(-?\\d+(?:\\.\\d+)?)");

  private final Toolbox toolbox;

  private ToolsPackageAgent(Toolbox toolbox) {
    this.toolbox = toolbox;
  }

  /** Scans the packages with a class loader over {@code classpath}; fails when nothing is found. */
  static ToolsPackageAgent load(
      CommandSpec spec, List<String> packages, @Nullable String classpath) {
    List<URL> urls = new ArrayList<>();
    if (classpath != null) {
      for (String entry : classpath.split(File.pathSeparator + "|,")) {
        try {
          urls.add(Path.of(entry).toAbsolutePath().toUri().toURL());
        } catch (MalformedURLException e) {
          throw new ParameterException(spec.commandLine(), "bad --classpath entry: " + entry, e);
        }
      }
    }
    // The jar stays open for the life of the process: the tools' classes load lazily from it.
    ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), Cli.class.getClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Toolbox toolbox = Toolbox.builder().scan(packages.toArray(String[]::new)).build();
      if (toolbox.specs().isEmpty()) {
        throw new ParameterException(
            spec.commandLine(),
            "no @Tool methods found in "
                + String.join(", ", packages)
                + (classpath == null ? "" : " (classpath: " + classpath + ")"));
      }
      return new ToolsPackageAgent(toolbox);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public String name() {
    return "tools";
  }

  @Override
  public String description() {
    return "a general agent over your own @Tool classes";
  }

  @Override
  public AgentOptions agent(ExampleContext context) {
    return new AgentOptions()
        .setToolbox(toolbox)
        .setInstructions(
            "You are a helpful assistant."
                + " Use the tools when they help; never guess what a tool would return.");
  }

  @Override
  public MockResponse simulate(RecordedRequest request) {
    List<JsonObject> results = ScriptedModel.toolResults(request);
    if (!results.isEmpty()) {
      return ScriptedModel.answer(request, ScriptedModel.text(results.get(0)));
    }
    String prompt = ScriptedModel.userText(request);
    for (ToolSpec tool : toolbox.specs()) {
      String name = tool.name();
      if (prompt.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
        return ScriptedModel.call(request, MockChat.ToolCall.of(name, arguments(tool, prompt)));
      }
    }
    return ScriptedModel.answer(
        request,
        "Name one of the tools in your request: "
            + toolbox.specs().stream().map(ToolSpec::name).toList());
  }

  /** Fills the tool's parameters, in order, with the prompt's quoted words and numbers. */
  private static String arguments(ToolSpec tool, String prompt) {
    JsonObject properties =
        new JsonObject(tool.parameters().toString()).getJsonObject("properties", new JsonObject());
    Matcher m = VALUE.matcher(prompt);
    JsonObject args = new JsonObject();
    for (String param : properties.fieldNames()) {
      if (!m.find()) {
        break;
      }
      String type = String.valueOf(properties.getJsonObject(param).getValue("type"));
      String number = m.group(3);
      if (number != null && type.contains("integer") && !number.contains(".")) {
        args.put(param, Long.valueOf(number));
      } else if (number != null && type.contains("number")) {
        args.put(param, Double.valueOf(number));
      } else {
        args.put(param, number != null ? number : m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    return args.encode();
  }
}
