package dev.agentloop.examples;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.testing.MockChat;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import dev.agentloop.tool.Toolbox;
import dev.agentloop.tools.files.FileTools;
import dev.agentloop.tools.files.FileToolsOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Questions about a folder, answered with read-only, sandboxed file tools ({@code --root}). */
public final class FilesExample implements Example {

  /** Runs {@code agentloop run files <prompt>}. */
  public static void main(String[] args) {
    Main.main(Examples.argsFor("files", args));
  }

  @Override
  public String name() {
    return "files";
  }

  @Override
  public String description() {
    return "questions about a folder (--root, read-only)";
  }

  @Override
  public AgentOptions agent(ExampleContext context) {
    return new AgentOptions()
        .setInstructions(
            "You answer questions about the files in a folder. Explore with"
                + " list_files, find_files and search_text, read what matters with read_file, and"
                + " name the files your answer comes from.")
        .setToolbox(
            Toolbox.builder()
                .add(new FileTools(new FileToolsOptions().setRoot(context.root())))
                .build());
  }

  @Override
  public MockResponse simulate(RecordedRequest request) {
    String prompt = ScriptedModel.userText(request);
    List<JsonObject> results = ScriptedModel.toolResults(request);
    if (results.isEmpty()) {
      return ScriptedModel.call(request, MockChat.ToolCall.of("list_files", "{\"path\":\".\"}"));
    }
    String listing = ScriptedModel.text(results.get(0));
    String file = mentioned(listing, prompt);
    if (file != null && results.size() == 1) {
      return ScriptedModel.call(
          request, MockChat.ToolCall.of("read_file", new JsonObject().put("path", file).encode()));
    }
    if (file == null) {
      long files = listing.lines().filter(l -> !l.endsWith("/")).count();
      return ScriptedModel.answer(
          request,
          "The folder has "
              + listing.lines().count()
              + " entries ("
              + files
              + " files):\n"
              + listing);
    }
    List<String> lines = ScriptedModel.text(results.get(1)).lines().toList();
    String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("(empty)");
    return ScriptedModel.answer(
        request, file + " has " + lines.size() + " lines. It begins: " + first.strip());
  }

  /** Returns the first file of the listing that the prompt names, or null. */
  private static @Nullable String mentioned(String listing, String prompt) {
    for (String entry : listing.split("\n")) {
      String name = entry.replaceAll(" \\(\\d+ bytes\\)$", "");
      if (!name.endsWith("/") && prompt.contains(name)) {
        return name;
      }
    }
    return null;
  }
}
