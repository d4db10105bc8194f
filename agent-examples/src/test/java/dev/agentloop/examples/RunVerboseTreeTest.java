package dev.agentloop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentloop.testing.FakeOpenRouter;
import dev.agentloop.testing.MockChat;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code agentloop run --verbose} prints the run as a tree of its spans. */
@ExtendWith(VertxExtension.class)
class RunVerboseTreeTest {

  private FakeOpenRouter fake;

  @BeforeEach
  void setUp(Vertx vertx) {
    fake = FakeOpenRouter.start(vertx).await();
  }

  @AfterEach
  void tearDown() {
    fake.close().await();
  }

  @Test
  void verbosePrintsTheRunAsATreeWithDurationsTokensAndCost() {
    fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Oslo\"}").usage(0, 0, 0));
    fake.enqueue(MockChat.toolCall("weather", "{\"city\":\"Tokyo\"}").usage(100, 10, 0.001));
    fake.enqueue(MockChat.text("Tokyo is rainy, 18 °C.").pieces(4).usage(200, 20, 0.002));

    CliRunner.Output o =
        CliRunner.online(fake.baseUrl(), "run", "--verbose", "weather", "Weather in Oslo?");

    assertThat(o.exit()).as(o.toString()).isZero();
    List<String> lines = Arrays.asList(o.err().split("\n"));
    int root = lines.indexOf(lines.stream().filter(l -> l.startsWith("invoke_agent ")).findFirst().orElseThrow());
    List<String> tree = lines.subList(root, root + 6);
    String d = "\\d+\\.\\d{3}s";
    assertThat(tree.get(0)).matches("invoke_agent weather  " + d + "  300 in / 30 out  \\$0\\.003000");
    assertThat(tree.get(1))
        .matches("├─ chat openai/gpt-4o-mini  \\+" + d + "  " + d + "  0 in / 0 out  \\$0\\.000000");
    assertThat(tree.get(2)).matches("├─ execute_tool weather  \\+" + d + "  " + d + "  error: execution");
    assertThat(tree.get(3))
        .matches("├─ chat openai/gpt-4o-mini  \\+" + d + "  " + d + "  100 in / 10 out  \\$0\\.001000");
    assertThat(tree.get(4)).matches("├─ execute_tool weather  \\+" + d + "  " + d);
    assertThat(tree.get(5))
        .matches("└─ chat openai/gpt-4o-mini  \\+" + d + "  " + d + "  200 in / 20 out  \\$0\\.002000");
  }

  @Test
  void withoutVerboseThereIsNoTree() {
    fake.enqueue(MockChat.text("hi").usage(1, 1, 0));

    CliRunner.Output o = CliRunner.online(fake.baseUrl(), "run", "weather", "hello");

    assertThat(o.exit()).as(o.toString()).isZero();
    assertThat(o.err()).doesNotContain("invoke_agent");
  }
}
