package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.Attachments;
import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code agentloop run --file PATH --image PATH|URL}: attachments on the user turn. */
@ExtendWith(VertxExtension.class)
class RunAttachmentsTest {

  private FakeOpenRouter fake;
  @TempDir Path dir;

  @BeforeEach
  void setUp(Vertx vertx) {
    fake = FakeOpenRouter.start(vertx).await();
  }

  @AfterEach
  void tearDown() {
    fake.close().await();
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void fileAndImagesAreAttachedToTheUserTurn() throws Exception {
    Path pdf = Files.writeString(dir.resolve("doc.pdf"), "%PDF-1.7");
    Path png = Files.writeString(dir.resolve("pic.png"), "PNG");
    fake.enqueue(MockChat.text("A short report."));

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "--no-stream", "--file",
        pdf.toString(), "--image", png.toString(), "--image", "https://example.com/a.jpg",
        "math", "Summarise");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("A short report.\n");
    JsonArray messages = fake.requests().stream()
        .filter(r -> r.path().endsWith(FakeOpenRouter.CHAT_PATH)).findFirst().orElseThrow()
        .messages();
    JsonObject user = messages.getJsonObject(messages.size() - 1);
    assertThat(user.getString("role")).isEqualTo("user");
    assertThat(user.getJsonArray("content")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("type", "text").put("text", "Summarise"))
        .add(new JsonObject().put("type", "file").put("file", new JsonObject()
            .put("filename", "doc.pdf").put("file_data", "data:application/pdf;base64,"
                + b64("%PDF-1.7"))))
        .add(new JsonObject().put("type", "image_url").put("image_url",
            new JsonObject().put("url", "data:image/png;base64," + b64("PNG"))))
        .add(new JsonObject().put("type", "image_url").put("image_url",
            new JsonObject().put("url", "https://example.com/a.jpg"))));
  }

  @Test
  void tooLargeOrUnreadableFilesAreUsageErrors() throws Exception {
    Path big = dir.resolve("big.pdf");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(Attachments.MAX_BYTES + 1);
    }
    CliRunner.Output tooBig = CliRunner.online(fake.baseUrl(), "run", "--file", big.toString(),
        "math", "Summarise");
    CliRunner.Output missing = CliRunner.online(fake.baseUrl(), "run", "--image",
        dir.resolve("none.png").toString(), "math", "Describe");

    assertThat(tooBig.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(tooBig.err()).contains("attachment too large (max 33554432 bytes): " + big
        + " has 33554433");
    assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("cannot read attachment: " + dir.resolve("none.png"));
    assertThat(fake.requestCount()).isZero();
  }
}
