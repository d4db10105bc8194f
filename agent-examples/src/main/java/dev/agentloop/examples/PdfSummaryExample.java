package dev.agentloop.examples;

import dev.agentloop.agent.AgentOptions;
import dev.agentloop.openrouter.Plugins;
import dev.agentloop.testing.MockResponse;
import dev.agentloop.testing.RecordedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;

/**
 * Summarises a PDF given with {@code --file}: {@code agentloop run pdf-summary --file report.pdf
 * "Summarise this"}. The PDF goes inline as a {@code file} part; the {@code file-parser} plugin
 * (Cloudflare AI, free) extracts its text for models that cannot read PDFs. Offline, the simulator
 * answers with the file's name, size and page count instead of a real summary.
 */
public final class PdfSummaryExample implements Example {

  /** Runs {@code agentloop run pdf-summary --file <pdf> <prompt>}. */
  public static void main(String[] args) {
    Main.main(Examples.argsFor("pdf-summary", args));
  }

  @Override
  public String name() {
    return "pdf-summary";
  }

  @Override
  public String description() {
    return "summarises a PDF given with --file";
  }

  @Override
  public AgentOptions agent(ExampleContext context) {
    AgentOptions options =
        new AgentOptions()
            .setInstructions(
                "Summarise the attached document for a busy reader: one sentence on what it is,"
                    + " then at most five bullet points with its key facts and figures. Say so if"
                    + " no document is attached.");
    return options.setParameters(
        options.getParameters().toBuilder()
            .plugins(List.of(Plugins.fileParser(Plugins.PdfEngine.CLOUDFLARE_AI)))
            .build());
  }

  @Override
  public MockResponse simulate(RecordedRequest request) {
    JsonArray messages = request.messages();
    JsonObject user = messages.getJsonObject(messages.size() - 1);
    Object content = user.getValue("content");
    if (content instanceof JsonArray parts) {
      for (Object p : parts) {
        JsonObject file = ((JsonObject) p).getJsonObject("file");
        if (file != null) {
          return ScriptedModel.answer(request, describe(file));
        }
      }
    }
    return ScriptedModel.answer(
        request, "No document is attached: give one with --file report.pdf.");
  }

  /** What the simulator can tell without reading the PDF: name, size, pages. */
  private static String describe(JsonObject file) {
    String name = file.getString("filename", "the document");
    String data = file.getString("file_data", "");
    int comma = data.indexOf(',');
    if (!data.startsWith("data:") || comma < 0) {
      return "(simulated) " + name + " is fetched from " + data + " by the provider.";
    }
    byte[] bytes = Base64.getDecoder().decode(data.substring(comma + 1));
    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    int pages = text.split("/Type\\s*/Page(?!s)", -1).length - 1;
    return "(simulated) "
        + name
        + ": "
        + bytes.length
        + " bytes, "
        + pages
        + (pages == 1 ? " page" : " pages")
        + ". With OPENROUTER_API_KEY set, a real model summarises it here.";
  }
}
