package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code agentloop run pdf-summary --file doc.pdf}: offline on the simulator, online on the fake. */
@ExtendWith(VertxExtension.class)
class PdfSummaryExampleTest {

  static final String PDF = "%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >> endobj\n"
      + "2 0 obj << /Type /Page >> endobj\n3 0 obj << /Type /Page >> endobj\n%%EOF\n";

  @TempDir Path dir;

  @Test
  void offlineTheSimulatorDescribesTheAttachedPdf() throws Exception {
    Path pdf = Files.writeString(dir.resolve("report.pdf"), PDF);

    CliRunner.Output o = CliRunner.offline("run", "pdf-summary", "--file", pdf.toString(),
        "Summarise this");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("(simulated) report.pdf: " + PDF.length() + " bytes, 2 pages."
        + " With OPENROUTER_API_KEY set, a real model summarises it here.\n");
  }

  @Test
  void offlineWithoutAFileSaysSo() {
    CliRunner.Output o = CliRunner.offline("run", "pdf-summary", "Summarise this");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("No document is attached: give one with --file report.pdf.\n");
  }

  @Test
  void onlineTheRequestCarriesTheFileAndTheFileParserPlugin(Vertx vertx) throws Exception {
    FakeOpenRouter fake = FakeOpenRouter.start(vertx).await();
    try {
      fake.enqueue(MockChat.text("A two-page report."));
      Path pdf = Files.writeString(dir.resolve("report.pdf"), PDF);

      CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "pdf-summary", "--file",
          pdf.toString(), "Summarise this");

      assertThat(o.exit()).as(o.toString()).isZero();
      assertThat(o.out()).isEqualTo("A two-page report.\n");
      JsonObject body = fake.takeRequest().body();
      assertThat(body.getJsonArray("plugins")).isEqualTo(new JsonArray().add(new JsonObject()
          .put("id", "file-parser").put("pdf", new JsonObject().put("engine", "cloudflare-ai"))));
      JsonArray messages = body.getJsonArray("messages");
      JsonObject part = messages.getJsonObject(messages.size() - 1).getJsonArray("content")
          .getJsonObject(1);
      assertThat(part.getJsonObject("file").getString("filename")).isEqualTo("report.pdf");
      assertThat(part.getJsonObject("file").getString("file_data"))
          .startsWith("data:application/pdf;base64,JVBERi0xLjQK");
    } finally {
      fake.close().await();
    }
  }
}
