package dev.agentloop.openrouter.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.ChatRequest;
import dev.agentloop.openrouter.Message;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonEncodeTest {

  private static ChatRequest request(String text) {
    return ChatRequest.builder().model("m/x").messages(List.of(Message.user(text))).build();
  }

  @Test
  void aSmallValueIsWrittenInOneBufferOfExactlyItsSize() throws Exception {
    ChatRequest request = request("héllo \"there\"");
    Buffer encoded = Json.encode(request);
    byte[] expected = Json.MAPPER.writeValueAsBytes(request);
    assertThat(encoded.getBytes()).isEqualTo(expected);
    assertThat(encoded.length()).isEqualTo(expected.length);
  }

  @Test
  void aValueLongerThanTheGeneratorsBufferArrivesWhole() throws Exception {
    // 30,000 characters, several of them multi-byte: the generator flushes several times.
    ChatRequest request = request("é€x".repeat(10_000));
    Buffer encoded = Json.encode(request);
    assertThat(encoded.toString(StandardCharsets.UTF_8))
        .isEqualTo(Json.MAPPER.writeValueAsString(request));
    assertThat(encoded.length()).isGreaterThan(30_000);
  }

  @Test
  void aScalarIsEncodedToo() {
    assertThat(Json.encode(42).toString()).isEqualTo("42");
    assertThat(Json.encode("").toString()).isEqualTo("\"\"");
  }
}
