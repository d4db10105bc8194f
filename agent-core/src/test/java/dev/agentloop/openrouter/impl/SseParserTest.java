package dev.agentloop.openrouter.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

  private static final String STREAM =
      ": OPENROUTER PROCESSING\r\n\r\n"
          + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"亚€😀\"}}]}\r\n\r\n"
          + "event: message\nid: 7\nretry: 100\nfoo: bar\n"
          + "data: line one\ndata: line two\n\n"
          + ":comment\r"
          + "data:no-space\r\r"
          + "data: [DONE]\n\n";

  private static final List<String> EXPECTED = List.of(
      "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"亚€😀\"}}]}",
      "line one\nline two",
      "no-space",
      "[DONE]");

  @Test
  void parsesAllLineEndingsCommentsAndMultiLineData() {
    List<SseParser.Event> events = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    SseParser parser = new SseParser(events::add, comments::add);
    parser.feed(Buffer.buffer(STREAM));
    parser.end();
    assertThat(events).extracting(SseParser.Event::data).containsExactlyElementsOf(EXPECTED);
    assertThat(events.get(1).event()).isEqualTo("message");
    assertThat(events.get(1).id()).isEqualTo("7");
    assertThat(comments).containsExactly("OPENROUTER PROCESSING", "comment");
  }

  @Test
  void splittingAtEveryBytePositionGivesTheSameEvents() {
    byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
    for (int split = 0; split <= bytes.length; split++) {
      List<String> data = new ArrayList<>();
      SseParser parser = new SseParser(e -> data.add(e.data()));
      parser.feed(Buffer.buffer().appendBytes(bytes, 0, split));
      parser.feed(Buffer.buffer().appendBytes(bytes, split, bytes.length - split));
      parser.end();
      assertThat(data).as("split at %d", split).containsExactlyElementsOf(EXPECTED);
    }
  }

  @Test
  void feedingOneByteAtATimeGivesTheSameEvents() {
    byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
    List<String> data = new ArrayList<>();
    SseParser parser = new SseParser(e -> data.add(e.data()));
    for (byte b : bytes) {
      parser.feed(Buffer.buffer().appendByte(b));
    }
    assertThat(data).containsExactlyElementsOf(EXPECTED);
  }

  @Test
  void crLfSplitAcrossBuffersIsOneLineEnding() {
    List<String> data = new ArrayList<>();
    SseParser parser = new SseParser(e -> data.add(e.data()));
    parser.feed(Buffer.buffer("data: a\r"));
    parser.feed(Buffer.buffer("\ndata: b\r"));
    parser.feed(Buffer.buffer("\n\r"));
    parser.feed(Buffer.buffer("\n"));
    assertThat(data).containsExactly("a\nb");
  }

  @Test
  void unterminatedEventAtEndIsDiscarded() {
    List<String> data = new ArrayList<>();
    SseParser parser = new SseParser(e -> data.add(e.data()));
    parser.feed(Buffer.buffer("data: complete\n\ndata: {\"trunc"));
    parser.end();
    assertThat(data).containsExactly("complete");
  }

  @Test
  void eventWithoutDataIsNotDispatched() {
    List<String> data = new ArrayList<>();
    SseParser parser = new SseParser(e -> data.add(e.data()));
    parser.feed(Buffer.buffer("event: ping\n\nid: 3\n\n"));
    assertThat(data).isEmpty();
  }

  @Test
  void lineLongerThanTheLimitThrowsEvenWithoutANewline() {
    List<String> data = new ArrayList<>();
    SseParser parser = new SseParser(e -> data.add(e.data()), c -> {}, 50, 1000);
    parser.feed(Buffer.buffer("data: ok\n\ndata: " + "a".repeat(40)));
    assertThatThrownBy(() -> parser.feed(Buffer.buffer("a".repeat(10))))
        .isInstanceOfSatisfying(SseParser.TooLargeException.class, e -> {
          assertThat(e.what()).isEqualTo("an event-stream line");
          assertThat(e.option()).isEqualTo("maxSseLineSize");
          assertThat(e.limit()).isEqualTo(50);
        });
    parser.feed(Buffer.buffer("\n\ndata: later\n\n"));
    assertThat(data).containsExactly("ok");
  }

  @Test
  void eventWhoseDataLinesExceedTheLimitThrowsButDispatchedEventsDoNotAddUp() {
    List<String> data = new ArrayList<>();
    SseParser parser = new SseParser(e -> data.add(e.data()), c -> {}, 100, 30);
    for (int i = 0; i < 100; i++) {
      parser.feed(Buffer.buffer("data: 1234\ndata: 5678\n\n"));
    }
    assertThat(data).hasSize(100);
    parser.feed(Buffer.buffer("data: 1234\ndata: 1234\ndata: 1234\n"));
    assertThatThrownBy(() -> parser.feed(Buffer.buffer("data: 1234\n")))
        .isInstanceOfSatisfying(SseParser.TooLargeException.class,
            e -> assertThat(e.getMessage()).isEqualTo("an event-stream event is larger than 30 bytes"));
  }
}
