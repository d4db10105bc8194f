package dev.agentloop.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentloop.openrouter.impl.Json;
import dev.agentloop.testing.ContractSchemas;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** File, image, audio and video parts and typed plugins, sent through the client to the fake. */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class AttachmentsTest {

  static FakeOpenRouter fake;
  static OpenRouterClient client;

  @TempDir Path dir;

  @BeforeAll
  static void start(Vertx vertx) {
    fake = FakeOpenRouter.start(vertx).await();
    client = OpenRouterClient.create(vertx, new OpenRouterOptions().setApiKey("k")
        .setBaseUrl(fake.baseUrl()));
  }

  @AfterAll
  static void stop() {
    client.close().await();
    fake.close().await();
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private JsonArray send(boolean stream, List<ContentPart> parts, List<Plugin> plugins)
      throws Exception {
    ChatRequest request = ChatRequest.builder().model("openai/gpt-4o")
        .addMessage(Message.user(parts)).plugins(plugins).build();
    JsonNode body = Json.MAPPER.readTree(Json.encode(request).getBytes());
    assertThat(ContractSchemas.validate("ChatRequest", body)).as(body.toString()).isEmpty();
    if (stream) {
      fake.enqueue(MockChat.streamText("ok", 2));
      client.stream(request).compose(ChatStream::result).await();
    } else {
      fake.enqueue(MockChat.text("ok"));
      assertThat(client.chat(request).await().message().text()).isEqualTo("ok");
    }
    JsonObject sent = fake.takeRequest().body();
    assertThat(sent.getBoolean("stream", false)).isEqualTo(stream);
    return sent.getJsonArray("messages").getJsonObject(0).getJsonArray("content");
  }

  @Test
  void pdfFromPathIsSentAsBase64DataUrl() throws Exception {
    Path pdf = Files.writeString(dir.resolve("report.pdf"), "%PDF-1.4 hello");
    for (boolean stream : List.of(false, true)) {
      JsonArray content = send(stream, List.of(ContentPart.text("Summarise"),
          Attachments.file(pdf)), List.of());
      assertThat(content.getJsonObject(1)).isEqualTo(new JsonObject().put("type", "file")
          .put("file", new JsonObject().put("filename", "report.pdf")
              .put("file_data", "data:application/pdf;base64," + b64("%PDF-1.4 hello"))));
    }
  }

  @Test
  void fileUrlAudioAndVideoPartsHaveTheSpecShapes() throws Exception {
    Path wav = Files.writeString(dir.resolve("a.wav"), "RIFF");
    JsonArray content = send(false, List.of(
        Attachments.fileUrl("paper.pdf", "https://example.com/paper.pdf"),
        Attachments.audio(wav),
        Attachments.audio("ID3".getBytes(StandardCharsets.UTF_8), "mp3"),
        Attachments.videoUrl("https://example.com/clip.mp4"),
        Attachments.video("vid".getBytes(StandardCharsets.UTF_8), "video/mp4"),
        Attachments.image("png".getBytes(StandardCharsets.UTF_8), "image/png")), List.of());

    assertThat(content.encode()).isEqualTo(new JsonArray()
        .add(new JsonObject().put("type", "file").put("file", new JsonObject()
            .put("filename", "paper.pdf").put("file_data", "https://example.com/paper.pdf")))
        .add(new JsonObject().put("type", "input_audio").put("input_audio",
            new JsonObject().put("data", b64("RIFF")).put("format", "wav")))
        .add(new JsonObject().put("type", "input_audio").put("input_audio",
            new JsonObject().put("data", b64("ID3")).put("format", "mp3")))
        .add(new JsonObject().put("type", "video_url").put("video_url",
            new JsonObject().put("url", "https://example.com/clip.mp4")))
        .add(new JsonObject().put("type", "video_url").put("video_url",
            new JsonObject().put("url", "data:video/mp4;base64," + b64("vid"))))
        .add(new JsonObject().put("type", "image_url").put("image_url",
            new JsonObject().put("url", "data:image/png;base64," + b64("png")))).encode());
  }

  @Test
  void partsReadBackTyped() {
    ContentPart file = Attachments.fileUrl("p.pdf", "https://x/p.pdf");
    assertThat(Attachments.fileOf(file))
        .isEqualTo(new Attachments.FileData("p.pdf", "https://x/p.pdf", null));
    assertThat(Attachments.audioOf(Attachments.audio(new byte[] {1}, "wav")))
        .isEqualTo(new Attachments.InputAudio("AQ==", "wav"));
    assertThat(Attachments.videoOf(Attachments.videoUrl("https://x/v.mp4")))
        .isEqualTo(new Attachments.VideoUrl("https://x/v.mp4"));
    assertThat(Attachments.fileOf(ContentPart.text("t"))).isNull();
  }

  @Test
  void contentAboveTheLimitFailsBeforeReading() throws Exception {
    Path big = dir.resolve("big.pdf");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(Attachments.MAX_BYTES + 1); // sparse: nothing is written
    }
    assertThatThrownBy(() -> Attachments.file(big))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attachment too large (max 33554432 bytes): " + big + " has 33554433");
    assertThatThrownBy(() -> Attachments.audio(new byte[(int) Attachments.MAX_BYTES + 1], "wav"))
        .hasMessage("attachment too large (max 33554432 bytes): attachment has 33554433");
    Path atLimit = dir.resolve("ok.pdf");
    try (RandomAccessFile f = new RandomAccessFile(atLimit.toFile(), "rw")) {
      f.setLength(1024);
    }
    assertThat(Attachments.fileOf(Attachments.file(atLimit)).fileData())
        .startsWith("data:application/pdf;base64,AAAA");
  }

  @Test
  void unsupportedMediaFilesAreRejected() throws Exception {
    Path bmp = Files.writeString(dir.resolve("x.bmp"), "BM");
    assertThatThrownBy(() -> Attachments.image(bmp))
        .hasMessage("unsupported image file type: " + bmp);
    Path pdf = Files.writeString(dir.resolve("x.pdf"), "%PDF");
    assertThatThrownBy(() -> Attachments.video(pdf))
        .hasMessage("unsupported video file type: " + pdf);
  }

  @Test
  void typedPluginsAreSentWithTheSpecNames() throws Exception {
    send(true, List.of(ContentPart.text("hi")), List.of(
        Plugins.fileParser(Plugins.PdfEngine.MISTRAL_OCR),
        Plugins.contextCompression(),
        Plugins.contextCompressionOff(),
        Plugins.moderation(),
        Plugins.autoRouter(List.of("anthropic/*"), List.of("meta-llama/*"),
            Plugins.CostTier.XHIGH),
        Plugins.web(Plugins.WebEngine.EXA, 3, List.of("arxiv.org"), List.of()),
        Plugins.web()));
    // send() took the request; compare what was serialized.
    ChatRequest request = ChatRequest.builder().model("m").addMessage(Message.user("x"))
        .plugins(List.of(Plugins.fileParser(Plugins.PdfEngine.NATIVE), Plugins.contextCompression(),
            Plugins.contextCompressionOff(), Plugins.moderation(),
            Plugins.autoRouter(List.of("anthropic/*"), List.of(), Plugins.CostTier.LOW),
            Plugins.web(null, 3, List.of(), List.of("x.com")))).build();
    JsonArray plugins = new JsonObject(Json.encode(request)).getJsonArray("plugins");
    assertThat(plugins).isEqualTo(new JsonArray()
        .add(new JsonObject().put("id", "file-parser").put("pdf",
            new JsonObject().put("engine", "native")))
        .add(new JsonObject().put("id", "context-compression").put("engine", "middle-out"))
        .add(new JsonObject().put("id", "context-compression").put("enabled", false))
        .add(new JsonObject().put("id", "moderation"))
        .add(new JsonObject().put("id", "auto-router")
            .put("allowed_models", new JsonArray().add("anthropic/*")).put("cost_tier", "low"))
        .add(new JsonObject().put("id", "web").put("max_results", 3)
            .put("exclude_domains", new JsonArray().add("x.com"))));
  }

  @Test
  void pluginSettingsAreBounded() {
    assertThatThrownBy(() -> Plugins.web(null, 0, List.of(), List.of()))
        .hasMessage("maxResults must be in 1..100: 0");
    List<String> many = java.util.Collections.nCopies(Plugins.MAX_MODEL_PATTERNS + 1, "a/*");
    assertThatThrownBy(() -> Plugins.autoRouter(many, List.of(), null))
        .hasMessage("allowed_models has too many entries (max 1024): 1025");
  }
}
