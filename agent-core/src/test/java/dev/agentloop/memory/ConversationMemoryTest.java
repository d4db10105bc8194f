package dev.agentloop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.openrouter.Message;
import dev.agentloop.openrouter.ToolCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationMemoryTest {

  private final TokenCounter counter = TokenCounter.cl100k();

  private static List<Message> conversation() {
    List<Message> m = new ArrayList<>();
    m.add(Message.system("You are a helpful assistant."));
    m.add(Message.user("What is the weather in Paris? " + "Please be detailed. ".repeat(20)));
    m.add(Message.assistant(null, List.of(ToolCall.of("c1", "weather", "{\"city\":\"Paris\"}"),
        ToolCall.of("c2", "weather", "{\"city\":\"Lyon\"}"))));
    m.add(Message.tool("c1", "sunny " + "and warm ".repeat(30)));
    m.add(Message.tool("c2", "rainy"));
    m.add(Message.assistant("Sunny in Paris, rainy in Lyon."));
    m.add(Message.user("Thanks!"));
    m.add(Message.assistant("You're welcome."));
    return m;
  }

  @Test
  void fitsUnchangedWhenUnderBudget() {
    ConversationMemory memory = ConversationMemory.create(10_000);
    memory.add(conversation()).await();

    assertThat(memory.messages().await()).isEqualTo(conversation());
  }

  @Test
  void trimmingKeepsSystemAndNeverSplitsToolCallsFromResults() {
    List<Message> all = conversation();
    int total = counter.count(all);
    for (int budget = counter.count(all.get(0)); budget < total; budget += 7) {
      ConversationMemory memory = ConversationMemory.create(new dev.agentloop.internal.InMemoryMessageStore(), counter, budget);
      memory.add(all).await();
      List<Message> kept = memory.messages().await();

      assertThat(kept.get(0).role()).isEqualTo("system");
      assertThat(counter.count(kept)).isLessThanOrEqualTo(budget);
      for (int i = 0; i < kept.size(); i++) {
        Message m = kept.get(i);
        if (m.role().equals("tool")) {
          assertThat(kept.get(i - 1).role()).isIn("assistant", "tool");
        }
        if (m.hasToolCalls()) {
          assertThat(kept.subList(i + 1, i + 1 + m.toolCalls().size()))
              .extracting(Message::toolCallId).containsExactly("c1", "c2");
        }
      }
      // Oldest first: what is kept is always a suffix of the non-system messages.
      List<Message> rest = all.subList(1, all.size());
      assertThat(rest.subList(rest.size() - (kept.size() - 1), rest.size())).isEqualTo(kept.subList(1, kept.size()));
    }
  }

  @Test
  void dropsTheWholeToolGroupAtOnce() {
    List<Message> all = conversation();
    int tail = counter.count(all.subList(5, 8));
    ConversationMemory memory = ConversationMemory.create(
        new dev.agentloop.internal.InMemoryMessageStore(), counter, counter.count(all.get(0)) + tail + 5);
    memory.add(all).await();

    assertThat(memory.messages().await()).extracting(Message::role)
        .containsExactly("system", "assistant", "user", "assistant");
  }

  @Test
  void countsWithBothEncodings() {
    assertThat(TokenCounter.cl100k().count("hello world")).isEqualTo(2);
    assertThat(TokenCounter.o200k().count("hello world")).isEqualTo(2);
    assertThat(TokenCounter.o200k().count(Message.user("hello world")))
        .isEqualTo(2 + TokenCounter.PER_MESSAGE_OVERHEAD + 1);
  }
}
